import { describe, expect, it } from "vitest";
import { errorFromResponse, type RequestContext } from "./http-errors.js";
import { createRedactor } from "./redact.js";

const tokenCall: RequestContext = {
  method: "POST",
  path: "/oauth/token",
  operationId: "getToken",
  attempts: 1,
  clientId: "acme-client",
};

function refused(description: string) {
  return errorFromResponse(
    tokenCall,
    {
      status: 400,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ error: "invalid_grant", error_description: description }),
    },
    createRedactor(),
  );
}

describe("errorFromResponse messages", () => {
  it("regression: a server text ending in a full stop is followed by one full stop, not two", () => {
    const error = refused("The api_key is unknown or belongs to another API client.");
    expect(error.message).toBe(
      "[POST] /oauth/token: 400 Bad Request — invalid_grant: The api_key is unknown or belongs to another API client. Check the API key: it may be revoked, mistyped, or belong to another API client or company.",
    );
    expect(error.message).not.toMatch(/\.\./);
  });

  it("a server text without a full stop gets one before the fix", () => {
    expect(refused("API key not valid").message).toContain(
      "invalid_grant: API key not valid. Check the API key:",
    );
  });
});
