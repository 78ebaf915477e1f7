/**
 * Reads all of stdin as lines (for secrets piped in: `--client-secret-stdin`),
 * without trailing `\r`. Blank lines are kept so positions stay meaningful.
 */
export async function readStdinLines(
  stream: NodeJS.ReadableStream = process.stdin,
): Promise<string[]> {
  let text = "";
  stream.setEncoding("utf8");
  for await (const chunk of stream) text += chunk as string;
  const lines = text.split("\n").map((line) => line.replace(/\r$/, ""));
  if (lines.at(-1) === "") lines.pop();
  return lines;
}
