import { activationRequest } from "@pcx/testkit";
import { describe, expect, it } from "vitest";
import { isPcxError } from "../errors/index.js";
import { readRequest } from "./read-request.js";
import type { ResolvedCallbackOptions } from "./resolve-callback-options.js";

/** Options whose client answers every GET with `answer` (a server that lies about the id). */
function answering(answer: ReturnType<typeof activationRequest>): ResolvedCallbackOptions {
  const client = { activationRequests: { get: async () => answer } };
  return { client, integrationId: 12 } as unknown as ResolvedCallbackOptions;
}

describe("readRequest", () => {
  it("returns the request the API answered for the id asked", async () => {
    expect((await readRequest(answering(activationRequest(501)), 501)).id).toBe(501);
  });

  it("refuses an answer for another request with pcx_invalid_response naming both ids", async () => {
    const error = await readRequest(answering(activationRequest(502)), 501).catch((e) => e);
    expect(isPcxError(error) && error.code).toBe("pcx_invalid_response");
    expect(error.message).toContain("502");
    expect(error.message).toContain("501");
    expect(error.details).toMatchObject({ field: "id", path: "/activation-requests/501" });
  });

  it("refuses a request of another integration with pcx_wrong_integration", async () => {
    const other = activationRequest(501, { integrationId: 13 });
    const error = await readRequest(answering(other), 501).catch((e) => e);
    expect(isPcxError(error) && error.code).toBe("pcx_wrong_integration");
  });
});
