// Puts a generated file tree on disk, and can take back exactly what it put there.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
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

function ensureDir(dir: string, record: WriteRecord) {
  if (existsSync(dir)) return;
  ensureDir(dirname(dir), record);
  mkdirSync(dir);
  record.createdDirs.push(dir);
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
    const madeDirs = new Set<string>();
    for (const [path, contents] of tree) {
      const file = join(dir, path);
      const parent = dirname(file);
      if (!madeDirs.has(parent)) {
        ensureDir(parent, record);
        madeDirs.add(parent);
      }
      if (existsSync(file)) {
        if (!overwrite) throw new TargetError(`${path} already exists.`);
        record.overwritten.set(file, readFileSync(file));
      } else {
        record.createdFiles.push(file);
      }
      writeFileSync(file, contents);
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
