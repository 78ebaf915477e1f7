import { isAbsolute, relative } from "node:path";

/** A path as the user would type it: relative to cwd when inside it, else absolute. */
export function displayPath(file: string, cwd: string): string {
  if (!isAbsolute(file)) return file;
  const rel = relative(cwd, file);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel) ? rel : file;
}
