import { describe, expect, it } from "vitest";
import { ACCOUNTING_FIRM_COMPANY_IDS, ACCOUNTING_FIRM_USER } from "../src/index.js";
import { definition, published, sandbox } from "./helpers.js";
import { alertText, listedEnvs, pageAgent } from "./pages-agent.js";

describe("the accounting firm's user", () => {
  it("picks from 125 environments; five without user-management rights are hidden; a limit of 20 holds", async () => {
    const s = await sandbox();
    const id = published(s, definition({ maxConcurrentActivations: 20 }));
    const all = s.engine.describeEnvironments(ACCOUNTING_FIRM_USER.id, id);
    expect(all).toHaveLength(130);
    expect(
      all
        .filter((env) => !env.selectable)
        .map((env) => env.companyId)
        .sort(),
    ).toEqual([...ACCOUNTING_FIRM_COMPANY_IDS.withoutUserManagement]);

    const agent = pageAgent(s);
    await agent.signIn(ACCOUNTING_FIRM_USER.signInName);
    const picker = await agent.post(`/activate/${id}/terms`, { terms: "accepted" });
    const listed = listedEnvs(picker.text);
    expect(listed).toHaveLength(125);
    expect(picker.text).toContain("5 where you do not have all rights to user management");
    const over = await agent.post(`/activate/${id}/environments`, {
      terms: "accepted",
      env: listed.slice(0, 21),
    });
    expect(over.status).toBe(422);
    expect(alertText(over.text)).toContain("You picked 21 environments");
    expect(alertText(over.text)).toContain("at most 20 environments at once");
    const twenty = await agent.post(`/activate/${id}/environments`, {
      terms: "accepted",
      env: listed.slice(0, 20),
    });
    expect(twenty.status).toBe(200);
    expect(twenty.text).toContain('id="confirm-form"');
  });
});
