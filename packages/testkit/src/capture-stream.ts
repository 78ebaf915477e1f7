import { PassThrough } from "node:stream";

/**
 * A stream standing in for a terminal (`isTTY` true) or a pipe, that keeps
 * what is written to it: `text()` is all of it so far.
 */
export function captureStream(isTTY = false): {
  stream: PassThrough & { isTTY: boolean };
  text: () => string;
} {
  const stream = Object.assign(new PassThrough(), { isTTY });
  let text = "";
  stream.on("data", (chunk) => {
    text += String(chunk);
  });
  return { stream, text: () => text };
}
