// Puts a generated file tree on disk as one transaction: either every file is written, or what this write did is taken
// back (on an error, or when its signal aborts). Before anything is written, a plan says what happens to each file
// (created, overwritten, merged) and what refuses the whole write (a link or a folder in the way): --dry-run prints
// the same plan. Overwritten files are renamed aside, not copied, so taking them back needs no new space on a full
// disk.
import {
  accessSync,
  constants,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  statfsSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { dirname } from "node:path";
import type { FileTree } from "./generate.js";
import { mergedPaths, mergeFile } from "./merge.js";
import { EXIT, Refusal } from "./refusal.js";

/** Entries that do not make a directory "non-empty" (as create-next-app counts them). */
export const harmlessEntries = new Set([
  ".git",
  ".gitattributes",
  ".DS_Store",
  "Thumbs.db",
  ".idea",
  ".vscode",
  ".hg",
  ".hgignore",
  "LICENSE",
  "npm-debug.log",
  "yarn-debug.log",
  "yarn-error.log",
]);

/** A target that cannot be read: a failure (exit 1). */
const unreadable = (error: unknown, path: string, advice = "") =>
  new Refusal(`Cannot read ${describeFsError(error, path)}.${advice}`, EXIT.failed);

/** Plain words for the errors a file system gives. */
export function describeFsError(error: unknown, path: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  const why: Record<string, string> = {
    EACCES: "permission denied",
    EPERM: "operation not permitted",
    EROFS: "the file system is read-only",
    ENOSPC: "the disk is full",
    EDQUOT: "the disk quota is used up",
    ENOTDIR: "a part of the path is a file, not a folder",
    EISDIR: "it is a folder",
    EEXIST: "it already exists",
    ENAMETOOLONG: "the name is too long",
    EMFILE: "too many open files",
    ELOOP: "too many symbolic links",
    EIO: "an input/output error",
  };
  const reason = (code && why[code]) ?? (error as Error).message;
  return `${path}: ${reason}${code ? ` (${code})` : ""}`;
}

/** Entries of `dir` that a new project would land among (harmless ones excluded). */
export function occupiedEntries(dir: string): string[] {
  let stat;
  try {
    stat = statSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw new Refusal(`Cannot use ${describeFsError(error, dir)}.`, EXIT.failed);
  }
  if (!stat.isDirectory())
    throw new Refusal(`${dir} exists and is not a directory. Choose another directory.`, EXIT.usage);
  try {
    return readdirSync(dir)
      .filter((entry) => !harmlessEntries.has(entry))
      .sort();
  } catch (error) {
    throw unreadable(error, dir, " Check its permissions, or choose another directory.");
  }
}

export type Action = "create" | "overwrite" | "merge" | "unchanged";

export interface PlannedFile {
  path: string;
  action: Action;
  /** What ends up in the file (the merge result for "merge"). */
  contents: string;
}

export interface Plan {
  dir: string;
  files: PlannedFile[];
  /** Why the write cannot happen, one sentence per path; empty when it can. */
  refusals: string[];
}

/**
 * What writing `tree` into `dir` would do to each file. Nothing is ever written through a symbolic link: a link, a
 * folder or a special file where the project needs a file or folder is a refusal. Existing files are overwritten
 * only with `overwrite`; .gitignore, .env.example and README.md are merged (see merge.ts) unless `extend` is false
 * (`add` writes them merged already).
 */
export function planWrite(dir: string, tree: FileTree, { overwrite = false, extend = true } = {}): Plan {
  const plan: Plan = { dir, files: [], refusals: [] };
  let present: Set<string>;
  try {
    present = new Set(readdirSync(dir));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw unreadable(error, dir);
    present = new Set(); // a new directory: every file is created
  }
  const kinds = new Map<string, "file" | "dir" | "link" | "other" | "none">();
  const kind = (path: string) => {
    let found = kinds.get(path);
    if (found) return found;
    try {
      const stat = lstatSync(`${dir}/${path}`);
      found = stat.isSymbolicLink() ? "link" : stat.isDirectory() ? "dir" : stat.isFile() ? "file" : "other";
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw unreadable(error, `${dir}/${path}`);
      found = "none";
    }
    kinds.set(path, found);
    return found;
  };
  const refused = new Set<string>();
  const refuse = (path: string, why: string) => {
    if (!refused.has(path)) plan.refusals.push(`${path} ${why}`);
    refused.add(path);
  };
  for (const [path, contents] of tree) {
    const parts = path.split("/");
    if (!present.has(parts[0]!)) {
      plan.files.push({ path, action: "create", contents });
      continue;
    }
    // Every folder on the way must be a real folder (or missing).
    let blocked = false;
    for (let i = 1; i < parts.length && !blocked; i++) {
      const folder = parts.slice(0, i).join("/");
      const found = kind(folder);
      if (found === "none") break;
      if (found === "link") refuse(folder, "is a symbolic link: the project is never written through a link");
      else if (found !== "dir") refuse(folder, "is a file where the project needs a folder");
      blocked = found !== "dir";
    }
    if (blocked) continue;
    const found = kind(path);
    if (found === "none") plan.files.push({ path, action: "create", contents });
    else if (found === "link") refuse(path, "is a symbolic link: the project is never written through a link");
    else if (found === "dir") refuse(path, "is a folder where the project needs a file");
    else if (found === "other") refuse(path, "is not a regular file");
    else if (!overwrite) refuse(path, "already exists");
    else {
      let theirs: string;
      try {
        theirs = readFileSync(`${dir}/${path}`, "utf8");
      } catch (error) {
        throw unreadable(error, `${dir}/${path}`);
      }
      const extended = extend && mergedPaths.has(path);
      const merged = extended ? mergeFile(path, theirs, contents) : contents;
      const action = merged === theirs ? "unchanged" : extended ? "merge" : "overwrite";
      plan.files.push({ path, action, contents: merged });
    }
  }
  return plan;
}

/** Bytes the plan needs on disk (whole blocks per file), and the free bytes where `dir` goes; undefined if unknown. */
export function spaceNeeded(plan: Plan): { needed: number; free: number } | undefined {
  let existing = plan.dir;
  for (;;) {
    try {
      const stats = statfsSync(existing);
      // A read-only or forbidden place reports no free space: the write will name the real reason.
      accessSync(existing, constants.W_OK);
      const block = stats.bsize || 4096;
      let needed = 0;
      for (const file of plan.files) {
        if (file.action === "unchanged") continue;
        needed += Math.max(1, Math.ceil(Buffer.byteLength(file.contents) / block)) * block;
      }
      return { needed, free: stats.bavail * stats.bsize };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const parent = dirname(existing);
      if ((code !== "ENOENT" && code !== "ENOTDIR") || parent === existing) return undefined; // EROFS, EACCES…
      existing = parent;
    }
  }
}

/** What this write changed, so that it can be undone. */
interface WriteRecord {
  createdFiles: string[];
  /** Outermost first. */
  createdDirs: string[];
  /** Each overwritten file → where its original was renamed to. */
  setAside: Map<string, string>;
  /** The path being written, for the message when writing it fails. */
  current: string;
}

/** The one result of a write. `leftovers`: what could not be taken back (empty: nothing was left behind). */
export type WriteResult =
  | { status: "written"; /** Originals set aside that could not be removed afterwards. */ kept: string[] }
  | { status: "cancelled"; leftovers: string[] }
  | { status: "failed"; reason: string; leftovers: string[] };

export type Unwritten = Exclude<WriteResult, { status: "written" }>;

/** What the user is told about a write that did not happen: why, and what it left. */
export function unwrittenMessage(result: Unwritten): string {
  const left =
    result.leftovers.length === 0
      ? "Nothing was left behind."
      : `These could not be taken back:\n${result.leftovers.map((l) => `  ${l}`).join("\n")}`;
  return result.status === "cancelled" ? `Cancelled. ${left}` : `${result.reason}\n${left}`;
}

/** Creates `dir` and its missing parents, recording each one this run created. */
function ensureDir(dir: string, record: WriteRecord) {
  let first;
  try {
    first = mkdirSync(dir, { recursive: true }); // the outermost folder it created, if any
  } catch (error) {
    // A recursive mkdir can report ENOENT for a read-only or forbidden parent: one plain mkdir of the first missing
    // folder gives the real reason.
    let missing = dir;
    while (dirname(missing) !== missing && !existsSync(dirname(missing))) missing = dirname(missing);
    mkdirSync(missing);
    throw error;
  }
  if (first === undefined) return;
  const created = [dir];
  for (let parent = dirname(dir); parent.length >= first.length; parent = dirname(parent)) created.push(parent);
  record.createdDirs.push(...created.reverse());
}

/** A free name beside `file` for its original while the new one is written. */
function asideName(file: string): string {
  const slash = file.lastIndexOf("/");
  const base = `${file.slice(0, slash)}/.${file.slice(slash + 1)}.create-convex-saas-original`;
  for (let n = 0; ; n++) {
    const name = n === 0 ? base : `${base}-${n}`;
    try {
      lstatSync(name);
    } catch {
      return name;
    }
  }
}

export interface WriteOptions {
  /** Aborting it stops the write between files and takes back what it wrote. */
  signal?: AbortSignal;
  /** Called after each file is written, with its path in the plan. */
  onFile?: (path: string) => void;
}

/**
 * Writes a plan (with no refusals) below its directory. Overwritten and merged files are renamed aside first and
 * removed only once every file is written. On any error, or when `signal` aborts (also with the last file),
 * everything is taken back.
 */
export async function writePlan(plan: Plan, { signal, onFile }: WriteOptions = {}): Promise<WriteResult> {
  if (plan.refusals.length > 0) throw new Refusal(plan.refusals.join("\n"), EXIT.usage);
  const record: WriteRecord = { createdFiles: [], createdDirs: [], setAside: new Map(), current: plan.dir };
  try {
    await writeFiles(plan, record, signal, onFile);
  } catch (error) {
    const reason = `Could not write ${describeFsError(error, record.current)}.`;
    return { status: "failed", reason, leftovers: rollback(record) };
  }
  await new Promise((resolve) => setImmediate(resolve)); // a Ctrl-C (SIGINT) that came with the last file
  if (signal?.aborted) return { status: "cancelled", leftovers: rollback(record) };
  return { status: "written", kept: commit(record) };
}

/** Writes the plan's files in order, recording each change; returns early when `signal` aborts. */
async function writeFiles(plan: Plan, record: WriteRecord, signal?: AbortSignal, onFile?: (path: string) => void) {
  const { dir } = plan;
  ensureDir(dir, record);
  const madeDirs = new Set<string>([dir]);
  let count = 0;
  for (const { path, action, contents } of plan.files) {
    if (action === "unchanged") continue;
    // Plan paths are clean relative paths with `/`: plain concatenation spares a join() per file.
    const file = (record.current = `${dir}/${path}`);
    const slash = path.lastIndexOf("/");
    const parent = slash < 0 ? dir : `${dir}/${path.slice(0, slash)}`;
    if (!madeDirs.has(parent)) {
      record.current = parent;
      ensureDir(parent, record);
      madeDirs.add(parent);
      record.current = file;
    }
    if (action !== "create") {
      const aside = asideName(file);
      renameSync(file, aside);
      record.setAside.set(file, aside);
    }
    // "wx" fails if the file exists: the check and the write are one system call.
    try {
      writeFileSync(file, contents, { flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") record.createdFiles.push(file); // partly written: ours
      throw error;
    }
    record.createdFiles.push(file);
    onFile?.(path);
    count++;
    // Every 8 files, let a Ctrl-C (SIGINT) reach its handler.
    if (signal && count % 8 === 0) await new Promise((resolve) => setImmediate(resolve));
    if (signal?.aborted) return;
  }
}

/** Plans and writes in one step (refusals throw a Refusal). */
export async function writeTree(
  dir: string,
  tree: FileTree,
  { overwrite = false, ...options }: WriteOptions & { overwrite?: boolean } = {},
): Promise<WriteResult> {
  return writePlan(planWrite(dir, tree, { overwrite }), options);
}

/** Keeps what was written: the originals renamed aside are removed. Returns those it could not remove. */
function commit(record: WriteRecord): string[] {
  const left: string[] = [];
  for (const aside of record.setAside.values()) {
    try {
      unlinkSync(aside);
    } catch {
      left.push(aside);
    }
  }
  return left;
}

/**
 * Takes back what the write did, each step on its own: first removes the files and folders it created (which frees
 * space), then renames the originals back. Never touches anything else. Returns a sentence for each path it could
 * not take back (empty: everything is as it was).
 */
function rollback(record: WriteRecord): string[] {
  const problems: string[] = [];
  for (const file of record.createdFiles) {
    try {
      unlinkSync(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT")
        problems.push(`could not remove ${describeFsError(error, file)}`);
    }
  }
  for (const dir of [...record.createdDirs].reverse()) {
    try {
      rmdirSync(dir); // only succeeds when empty: files someone else put there stay
    } catch {
      // not empty or already gone
    }
  }
  for (const [file, aside] of record.setAside) {
    try {
      renameSync(aside, file);
    } catch (error) {
      problems.push(`could not restore ${file}: its original is at ${aside} (${describeFsError(error, aside)})`);
    }
  }
  return problems;
}
