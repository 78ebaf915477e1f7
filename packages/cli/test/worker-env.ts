import type { Sandbox } from "@pcx/sandbox";
import { CLEAN_PCX_ENV, TEST_STATE_SECRET } from "@pcx/testkit";

/**
 * The environment `pcx worker` and `pcx store` run with against a test
 * sandbox: the sandbox profile at its URL, the integration, a one-key keyring
 * (id k1) and the test state secret; no colour, not CI, no other PCX_*.
 */
export function workerEnv(options: {
  sandbox: Sandbox;
  integrationId: number;
  configDir: string;
  keyringKey: string;
}): NodeJS.ProcessEnv {
  return {
    ...CLEAN_PCX_ENV,
    NO_COLOR: "1",
    CI: "",
    PCX_CONFIG_DIR: options.configDir,
    PCX_PROFILE: "sandbox",
    PCX_BASE_URL: options.sandbox.apiBaseUrl,
    PCX_INTEGRATION_ID: String(options.integrationId),
    PCX_KEYRING: `k1:${options.keyringKey}`,
    PCX_STATE_SECRET: TEST_STATE_SECRET,
    PCX_STATE_KEY_ID: "k1",
  };
}
