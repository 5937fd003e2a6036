// `add <feature>`: what growing a project by one feature does to each file. Pure: the record, the files on disk and
// the feature in; the files to write, the conflicts and the new record out. The project as it was generated (base)
// and the project with the feature (ours) are generated in memory from the record; the files on disk are theirs.
import { type FileTree, generate, isToolOutput, toolOutputs } from "./generate.js";
import { type Conflict, merge3 } from "./merge3.js";
import { nodeRequirement, optionDefs, type ProjectOptions } from "./options.js";
import { hashOf, type ProjectRecord, RECORD_PATH } from "./record.js";
import { mergeLines, mergePackageJson } from "./structured-merge.js";

/** What `add` can add: one option set to one value. */
export type Feature =
  | { word: "teams"; key: "orgs"; value: true }
  | { word: "clerk" | "polar"; key: "payments"; value: "clerk" | "polar" }
  | { word: "next" | "vite" | "start"; key: "frontend"; value: "next" | "vite" | "start" };

/** The words `add` takes, each with what it adds. */
export const features: readonly Feature[] = [
  { word: "teams", key: "orgs", value: true },
  { word: "clerk", key: "payments", value: "clerk" },
  { word: "polar", key: "payments", value: "polar" },
  { word: "next", key: "frontend", value: "next" },
  { word: "vite", key: "frontend", value: "vite" },
  { word: "start", key: "frontend", value: "start" },
];

/** The options of the project with the feature, or why the project cannot take it. */
export function optionsWith(record: ProjectRecord, feature: Feature): ProjectOptions | { problem: string } {
  const options = record.options as ProjectOptions;
  if (feature.key === "orgs" && options.orgs) return { problem: "The project has teams already." };
  if (feature.key === "payments" && options.payments !== "none") {
    const label = optionDefs.payments.choices.find((choice) => choice.value === options.payments)!.label;
    return {
      problem: `The project takes payments with ${label} already; add adds a provider to a project without one.`,
    };
  }
  if (feature.key === "frontend" && options.frontend !== "none") {
    return {
      problem: `The project has a frontend already (${options.frontend}); add adds one to a project without one.`,
    };
  }
  const grown = { ...options, [feature.key]: feature.value } as ProjectOptions;
  const needs = nodeRequirement(grown);
  if (needs && needs.line > options.node) {
    return {
      problem: `${needs.by} needs the Node ${needs.line} line; this project was made for Node ${options.node}.`,
    };
  }
  return grown;
}

export type FileAction =
  /** A file the feature brings, not on disk. */
  | "create"
  /** A file its owner never touched: the feature's version replaces it. */
  | "replace"
  /** A file its owner edited, merged with the feature's changes. */
  | "merge"
  /** Written by a tool (convex codegen, TanStack's route generator): written again for the project's files. */
  | "regenerate"
  /** Edited by both in ways that cannot be merged, or deleted by its owner and changed by the feature. */
  | "conflict";

export interface PlannedChange {
  path: string;
  action: FileAction;
  /** What is written (for a conflict: the owner's file with markers, when asked for). */
  contents: string;
  conflicts: Conflict[];
}

/**
 * What adding `feature` does to each file that changes. `disk` holds every file of the project (paths relative to its
 * root, as the record has them). `markers`: write conflict markers instead of refusing (the caller decides).
 */
export function planAdd(
  record: ProjectRecord,
  disk: ReadonlyMap<string, string>,
  grown: ProjectOptions,
  { markers = false }: { markers?: boolean } = {},
): { changes: PlannedChange[]; ours: FileTree } | { problem: string } {
  const base = generate(record.options as ProjectOptions);
  const edited = [...base].find(([path, contents]) => path !== RECORD_PATH && record.files[path] !== hashOf(contents));
  if (edited) {
    return {
      problem: `This version of create-convex-saas does not make the project as ${RECORD_PATH} records it (${edited[0]} differs): run the version that made it, create-convex-saas@${record.generator.version}.`,
    };
  }
  const ours = generate(grown);
  const changes: PlannedChange[] = [];
  const paths = new Set([...base.keys(), ...ours.keys()]);
  paths.delete(RECORD_PATH);
  for (const path of [...paths].sort()) {
    if (isToolOutput(path)) continue;
    const [was, now, theirs] = [base.get(path), ours.get(path), disk.get(path)];
    if (now === undefined || now === was) continue; // the feature leaves it as generated: the owner's stays
    if (theirs === undefined) {
      if (was === undefined) changes.push({ path, action: "create", contents: now, conflicts: [] });
      else changes.push({ path, action: "conflict", contents: "", conflicts: [deletedByOwner(was, now)] });
      continue;
    }
    if (theirs === now) continue;
    if (was !== undefined && hashOf(theirs) === record.files[path]) {
      changes.push({ path, action: "replace", contents: now, conflicts: [] });
      continue;
    }
    const merged = mergeFile(path, was ?? "", theirs, now, markers);
    changes.push({ path, action: merged.conflicts.length > 0 ? "conflict" : "merge", ...merged });
  }
  // The tools' output, for the project's files after the merge (the owner's own modules and routes included).
  const after = new Map(disk);
  for (const change of changes) if (change.action !== "conflict") after.set(change.path, change.contents);
  for (const [path, contents] of toolOutputs(after)) {
    if (disk.get(path) !== contents) changes.push({ path, action: "regenerate", contents, conflicts: [] });
  }
  return { changes: changes.sort((a, b) => (a.path < b.path ? -1 : 1)), ours };
}

function deletedByOwner(was: string, now: string): Conflict {
  return { line: 1, base: was.split("\n"), theirs: ["(deleted)"], ours: now.split("\n") };
}

/** One file's three-way merge: by key for package.json, by line set for ignore and env files, else by line. */
function mergeFile(
  path: string,
  base: string,
  theirs: string,
  ours: string,
  markers: boolean,
): { contents: string; conflicts: Conflict[] } {
  if (path === "package.json") {
    const { text, conflicts } = mergePackageJson(base || "{}", theirs, ours);
    return { contents: text, conflicts };
  }
  if (path.endsWith(".gitignore") || path === ".env.example" || path === ".prettierignore") {
    return { contents: mergeLines(base, theirs, ours), conflicts: [] };
  }
  const { text, conflicts } = merge3(base, theirs, ours, { markers, union: true });
  return { contents: text, conflicts };
}
