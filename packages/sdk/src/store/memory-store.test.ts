import { createMemoryStore } from "@pcx/sdk";
import { describeActivationStoreContract } from "@pcx/testkit/store-contract";
import { describe, expect, it } from "vitest";

describeActivationStoreContract("memory", {
  create: async () => createMemoryStore(),
});

describe("createMemoryStore", () => {
  it("warns once under NODE_ENV=production, and not otherwise", () => {
    const previous = process.env.NODE_ENV;
    const warnings: string[] = [];
    try {
      process.env.NODE_ENV = "production";
      createMemoryStore({ onWarning: (message) => warnings.push(message) });
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain("SQLite or PostgreSQL store");
      process.env.NODE_ENV = "test";
      createMemoryStore({ onWarning: (message) => warnings.push(message) });
      expect(warnings).toHaveLength(1);
    } finally {
      process.env.NODE_ENV = previous;
    }
  });
});
