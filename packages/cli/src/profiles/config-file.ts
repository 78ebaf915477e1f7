import { randomBytes } from "node:crypto";
import {
  chmodSync,
  closeSync,
  fchmodSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";
import { PcxError } from "@pcx/sdk";

/**
 * Reading and writing pcx's config file, with care for who else can see it
 * (docs/security.md "Config file permissions"):
 *
 * - pcx creates the directory 0700 and the file 0600, and sets modes only on
 *   what it created. It never chmods a directory or file it found: a shared
 *   1777 directory stays 1777, a directory the user locked (0500) stays locked.
 * - It refuses to write into a directory or file without write permission for
 *   its owner (the user locked it), whoever runs pcx (root included).
 * - It refuses to write secrets where other users could read them: a
 *   directory with group/other read or write, a file with any group/other bit.
 *   The error says which chmod fixes it; pcx does not run it.
 * - Writes are atomic: a new 0600 file next to the old one, then a rename.
 *
 * Modes are POSIX; on Windows the checks are skipped (ACLs decide there).
 */

const DIR_MODE = 0o700;
const FILE_MODE = 0o600;
const POSIX = process.platform !== "win32";

const octal = (mode: number) => (mode & 0o7777).toString(8).padStart(4, "0");

function errnoCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

function cannot(what: string, path: string, error: unknown): PcxError {
  const code = errnoCode(error);
  const reason =
    code === "EACCES" || code === "EPERM"
      ? "permission denied"
      : code === "EROFS"
        ? "read-only file system"
        : error instanceof Error
          ? error.message
          : String(error);
  return new PcxError("pcx_config", `pcx cannot ${what} ${path}: ${reason}.`, {
    hint: "Check the permissions of the file and its directory, or set PCX_CONFIG_DIR to a directory you own.",
    details: { file: path, ...(code ? { errno: code } : {}) },
    cause: error,
  });
}

/** The file's text, or undefined when there is none. pcx_config when it cannot be read. */
export function readConfigText(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    if (errnoCode(error) === "ENOENT") return undefined;
    throw cannot("read the config file", path, error);
  }
}

/** Creates `dir` (and missing parents) owner-only; true when pcx created `dir` itself. */
function ensureDir(dir: string): boolean {
  let created: string | undefined;
  try {
    created = mkdirSync(dir, { recursive: true, mode: DIR_MODE });
  } catch (error) {
    throw cannot("create the config directory", dir, error);
  }
  if (created === undefined) return false;
  // pcx made it, so pcx may set its mode: exactly 0700, whatever the umask did. The only chmod of a directory.
  if (POSIX) chmodOwnDir(dir);
  return true;
}

function chmodOwnDir(dir: string): void {
  try {
    chmodSync(dir, DIR_MODE);
  } catch (error) {
    throw cannot("set the mode of the config directory", dir, error);
  }
}

/** The error for a config directory or file that pcx may not write and will not chmod. */
function readOnly(kind: "directory" | "file", path: string, mode: number): PcxError<"pcx_config"> {
  return new PcxError(
    "pcx_config",
    `pcx cannot save its config in ${path}: the ${kind} is read-only (mode ${octal(mode)}), and pcx does not change the permissions of a ${kind} it did not create.`,
    {
      hint: `Make it writable for you (chmod u+w "${path}"), or set PCX_CONFIG_DIR to another directory.`,
      details:
        kind === "directory" ? { dir: path, mode: octal(mode) } : { file: path, mode: octal(mode) },
    },
  );
}

/** Checks that pcx may write (and, with secrets, that others cannot read) at `dir`/`file`. */
function checkLocation(dir: string, file: string, secrets: boolean): void {
  if (!POSIX) return;
  const dirMode = statSync(dir).mode;
  if ((dirMode & 0o200) === 0) throw readOnly("directory", dir, dirMode);
  if (secrets && (dirMode & 0o066) !== 0) {
    throw new PcxError(
      "pcx_config",
      `pcx will not save secrets in ${dir}: other users can read or write that directory (mode ${octal(dirMode)}).`,
      {
        hint: `If the directory is yours alone, run chmod 700 "${dir}"; otherwise set PCX_CONFIG_DIR to a new directory (pcx creates it readable by you only). In CI, pass secrets in PCX_CLIENT_SECRET, PCX_API_KEY and PCX_STATE_SECRET instead.`,
        details: { dir, mode: octal(dirMode) },
      },
    );
  }
  let fileMode: number;
  try {
    fileMode = statSync(file).mode;
  } catch (error) {
    if (errnoCode(error) === "ENOENT") return;
    throw cannot("check the config file", file, error);
  }
  if ((fileMode & 0o200) === 0) throw readOnly("file", file, fileMode);
  if (secrets && (fileMode & 0o077) !== 0) {
    throw new PcxError(
      "pcx_config",
      `pcx will not save secrets in ${file}: other users can read the file (mode ${octal(fileMode)}).`,
      {
        hint: `Run chmod 600 "${file}". If others could read it, treat the secrets in it as exposed and replace them.`,
        details: { file, mode: octal(fileMode) },
      },
    );
  }
}

/** The file a write lands in: a symlinked config file (dotfiles) is written through the link. */
function target(path: string): string {
  try {
    return lstatSync(path).isSymbolicLink() ? realpathSync(path) : path;
  } catch {
    return path;
  }
}

/**
 * Writes the config file atomically. `secrets`: whether the text holds
 * secrets (then the location must be private). Throws pcx_config (exit 4)
 * with a fix when pcx cannot or will not write there.
 */
export function writeConfigText(path: string, text: string, secrets: boolean): void {
  ensureDir(dirname(path));
  const file = target(path);
  const dir = dirname(file);
  checkLocation(dir, file, secrets);
  const temp = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, "wx", FILE_MODE);
    // pcx created this file: exactly 0600, whatever the umask did.
    if (POSIX) fchmodSync(fd, FILE_MODE);
    writeSync(fd, text);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, file);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      // It may not exist; the write error is what matters.
    }
    throw cannot("write the config file", file, error);
  }
}
