import { PCX_VERSION } from "./version.js";

/**
 * The bin. The only place in pcx that sets the process exit code.
 *
 * `pcx --version` is answered before commander is even loaded; everything
 * else goes through cli.ts, whose commands load their dependencies lazily.
 */
async function main(argv: string[]): Promise<number> {
  if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-V")) {
    process.stdout.write(`${PCX_VERSION}\n`);
    return 0;
  }
  const { run } = await import("./cli.js");
  return run({
    argv,
    env: process.env,
    cwd: process.cwd(),
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
  });
}

// `pcx … | head` closes the pipe early; that is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Only reached by a bug in the error reporting itself.
    process.stderr.write(
      `pcx: internal error: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exitCode = 3;
  },
);
