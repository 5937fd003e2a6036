// Puts a generated file tree on disk, and can take back exactly what it put there.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { FileTree } from "./generate.js";

/** Entries that do not make a directory "non-empty" (as create-next-app counts them). */
export const harmlessEntries = new Set([
  ".git", ".gitattributes", ".DS_Store", "Thumbs.db", ".idea", ".vscode", ".hg", ".hgignore", "LICENSE",
  "npm-debug.log", "yarn-debug.log", "yarn-error.log",
]);

export class TargetError extends Error {}

/** Entries of `dir` that a new project would land among (harmless ones excluded). Throws if `dir` is a file. */
export function occupiedEntries(dir: string): string[] {
  if (!existsSync(dir)) return [];
  if (!statSync(dir).isDirectory()) throw new TargetError(`${dir} exists and is not a directory.`);
  return readdirSync(dir).filter((entry) => !harmlessEntries.has(entry)).sort();
}

/** What this run changed, so that it can be undone. */
export interface WriteRecord {
  createdFiles: string[];
  /** Outermost first. */
  createdDirs: string[];
  overwritten: Map<string, Buffer>;
}

/** Creates `dir` and its missing parents, recording each one this run created. */
function ensureDir(dir: string, record: WriteRecord) {
  const first = mkdirSync(dir, { recursive: true }); // the outermost folder it created, if any
  if (first === undefined) return;
  const created = [dir];
  for (let parent = dirname(dir); parent.length >= first.length; parent = dirname(parent)) created.push(parent);
  record.createdDirs.push(...created.reverse());
}

/**
 * Writes every file of the tree below `dir`. Files that already exist are overwritten only when `overwrite` is set
 * (their old contents are kept for rollback). On any error, everything written so far is rolled back and the error
 * rethrown.
 */
export function writeTree(dir: string, tree: FileTree, { overwrite = false } = {}): WriteRecord {
  const record: WriteRecord = { createdFiles: [], createdDirs: [], overwritten: new Map() };
  try {
    ensureDir(dir, record);
    const madeDirs = new Set<string>([dir]);
    for (const [path, contents] of tree) {
      // Tree paths are clean relative paths with `/`: plain concatenation spares a join() per file.
      const file = `${dir}/${path}`;
      const slash = path.lastIndexOf("/");
      const parent = slash < 0 ? dir : `${dir}/${path.slice(0, slash)}`;
      if (!madeDirs.has(parent)) {
        ensureDir(parent, record);
        madeDirs.add(parent);
      }
      if (overwrite && existsSync(file)) {
        record.overwritten.set(file, readFileSync(file));
        writeFileSync(file, contents);
        continue;
      }
      // "wx" fails if the file exists: the check and the write are one system call.
      try {
        writeFileSync(file, contents, { flag: "wx" });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "EEXIST") throw new TargetError(`${path} already exists.`);
        record.createdFiles.push(file); // a partly written file (disk full…) is ours to remove
        throw error;
      }
      record.createdFiles.push(file);
    }
    return record;
  } catch (error) {
    rollback(record);
    throw error;
  }
}

/** Restores overwritten files and removes what the run created; never touches anything else. */
export function rollback(record: WriteRecord) {
  for (const [file, original] of record.overwritten) writeFileSync(file, original);
  for (const file of record.createdFiles) {
    try {
      unlinkSync(file);
    } catch {
      // already gone
    }
  }
  for (const dir of [...record.createdDirs].reverse()) {
    try {
      rmdirSync(dir); // only succeeds when empty: files someone else put there stay
    } catch {
      // not empty or already gone
    }
  }
}
