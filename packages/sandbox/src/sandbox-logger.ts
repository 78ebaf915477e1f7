/** Where the sandbox reports what it does. Never receives secrets. */
export interface SandboxLogger {
  debug?(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** The default logger: says nothing. */
export const SILENT_LOGGER: SandboxLogger = {
  info() {},
  warn() {},
  error() {},
};
