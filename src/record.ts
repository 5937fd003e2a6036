// convex-saas.json: what made a project. Written with the project and committed with it, so that `add` (and a later
// `upgrade`) can regenerate, in memory, the project exactly as it was generated, and tell the files its owner edited
// (their hash differs) from the ones they never touched.
import type { FileTree } from "./generate.js";
import { projectOptionKeys, type ProjectOptions } from "./options.js";

export const RECORD_PATH = "convex-saas.json";

export interface ProjectRecord {
  /** Which tool wrote it, and which version: the same version regenerates the same files. */
  generator: { name: "create-convex-saas"; version: string };
  /** The options that shaped the files: `npx create-convex-saas@<version>` with these makes the same project. */
  options: Pick<ProjectOptions, "name" | "node" | "packageManager" | (typeof projectOptionKeys)[number]>;
  /** A --template layer applied last, when one was. */
  template?: string;
  /** Every other file as generated, by path: its SHA-256 in hex. */
  files: Record<string, string>;
}

/** SHA-256 of a file's contents (UTF-8), in hex: what `sha256sum` prints for the file. */
export function hashOf(contents: string): string {
  const { createHash } = process.getBuiltinModule("node:crypto");
  return createHash("sha256").update(contents, "utf8").digest("hex");
}

/** The record of `tree`, made by `version` with `options` (and `template`), as the text written to RECORD_PATH. */
export function recordText(tree: FileTree, options: ProjectOptions, version: string, template?: string): string {
  const record: ProjectRecord = {
    generator: { name: "create-convex-saas", version },
    options: {
      name: options.name,
      node: options.node,
      ...Object.fromEntries(projectOptionKeys.map((key) => [key, options[key]])),
      // package.json's `packageManager`, written when the manager that ran the CLI is the one chosen.
      ...(options.packageManager === undefined ? {} : { packageManager: options.packageManager }),
    } as ProjectRecord["options"],
    ...(template === undefined ? {} : { template }),
    files: Object.fromEntries(
      [...tree].filter(([path]) => path !== RECORD_PATH).map(([path, contents]) => [path, hashOf(contents)]),
    ),
  };
  return `${JSON.stringify(record, null, 2)}\n`;
}

/** The record in a project's RECORD_PATH text, or why it cannot be used. */
export function parseRecord(text: string): ProjectRecord | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { problem: `${RECORD_PATH} is not valid JSON (${(error as Error).message})` };
  }
  const record = value as Partial<ProjectRecord> | null;
  if (
    typeof record !== "object" ||
    record === null ||
    record.generator?.name !== "create-convex-saas" ||
    typeof record.generator.version !== "string" ||
    typeof record.options !== "object" ||
    record.options === null ||
    typeof record.files !== "object" ||
    record.files === null
  ) {
    return { problem: `${RECORD_PATH} is not a record written by create-convex-saas` };
  }
  return record as ProjectRecord;
}
