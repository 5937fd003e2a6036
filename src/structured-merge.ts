// Three-way merges by structure, for files where a line merge would go wrong: package.json merged key by key (two
// edits to neighbouring dependencies are not a conflict, and a trailing comma cannot break the JSON), and line-set
// files (.gitignore, .env.example) where the feature's new lines are appended and the owner's are never touched.
// Same sides as merge3: base (as first generated), theirs (on disk, the owner's edits), ours (with the new feature).
import { isDeepStrictEqual } from "node:util";
import { changes, type Conflict, type MergeResult } from "./merge3.js";

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Objects whose keys npm keeps sorted, so a new key goes in its alphabetical place. */
const sortedByNpm = new Set(["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"]);

// The generator sorts by code units (src/package-json.ts); npm itself sorts with localeCompare.
const keyOrders = [(a: string, b: string) => (a < b ? -1 : 1), (a: string, b: string) => a.localeCompare(b, "en")];

function parse(text: string, side: string): Json {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`package.json ${side} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  if (!isObject(value)) throw new Error(`package.json ${side} is not valid JSON: not an object`);
  return value;
}

/** One side of a conflict as a line: `"scripts.dev": "vite"`, or `(absent)` where that side has no such key. */
const render = (path: string, value: unknown) =>
  value === undefined ? "(absent)" : `${JSON.stringify(path)}: ${JSON.stringify(value)}`;

/**
 * Merges one object key by key; nested plain objects are merged the same way while `deeper` (one level: the
 * `scripts` or `dependencies` inside package.json), below that a value is taken whole. `undefined` is an absent key
 * (JSON.parse never yields it).
 */
function mergeObject(base: Json, theirs: Json, ours: Json, path: string[], deeper: boolean, conflicts: Conflict[]) {
  // Theirs' order keeps the owner's layout; keys only ours has follow, in ours' order.
  const keys = [...Object.keys(theirs), ...Object.keys(ours).filter((key) => !Object.hasOwn(theirs, key))];
  const entries: [string, unknown][] = [];
  for (const key of keys) {
    const [b, t, o] = [base, theirs, ours].map((side) => (Object.hasOwn(side, key) ? side[key] : undefined));
    let value: unknown;
    if (deeper && isObject(t) && isObject(o) && (b === undefined || isObject(b))) {
      value = mergeObject(b ?? {}, t, o, [...path, key], false, conflicts);
    } else if (isDeepStrictEqual(b, o) || isDeepStrictEqual(t, o)) value = t;
    else if (isDeepStrictEqual(b, t)) value = o;
    else {
      // Both changed it differently: report it and keep the owner's value.
      const at = [...path, key].join(".");
      conflicts.push({ line: 0, base: [render(at, b)], theirs: [render(at, t)], ours: [render(at, o)] });
      value = t;
    }
    if (value !== undefined) entries.push([key, value]);
  }
  // The owner's dependencies were sorted (npm keeps them so): keep them sorted, with a new one in its place.
  const order = sortedByNpm.has(path.at(-1) ?? "")
    ? keyOrders.find((compare) => Object.keys(theirs).every((key, i, all) => i === 0 || compare(all[i - 1]!, key) < 0))
    : undefined;
  if (order) entries.sort(([a], [b]) => order(a, b));
  // fromEntries, not assignment: a `__proto__` key stays a key.
  return Object.fromEntries(entries);
}

/**
 * Merges package.json key by key: top-level keys and the keys of objects one level down (`scripts`,
 * `dependencies`, …). A key changed (added, changed or removed) on one side only takes that side's value; both
 * changed alike, once; both changed differently, a conflict (line 0) that keeps the owner's value. Written as the
 * generator writes it (src/package-json.ts). Throws when a side is not a JSON object, naming the side.
 */
export function mergePackageJson(base: string, theirs: string, ours: string): MergeResult {
  const [b, t, o] = [parse(base, "as generated"), parse(theirs, "on disk"), parse(ours, "with the new feature")];
  const conflicts: Conflict[] = [];
  const merged = mergeObject(b, t, o, [], true, conflicts);
  return { text: `${JSON.stringify(merged, null, 2)}\n`, conflicts };
}

/** Lines of a text, LF or CRLF; a final newline does not make an empty last line. */
function lines(text: string): string[] {
  if (text === "") return [];
  const split = text.split(/\r?\n/);
  if (split.at(-1) === "") split.pop();
  return split;
}

const isEntry = (line: string) => line.trim() !== "" && !line.trimStart().startsWith("#");

/** Lines cut into blocks at blank lines, each block with the blank lines before it. */
function paragraphs(block: readonly string[]): string[][] {
  const found: string[][] = [];
  for (const [index, line] of block.entries()) {
    const startsBlock = index === 0 || (line.trim() === "" && block[index - 1]!.trim() !== "");
    if (startsBlock) found.push([line]);
    else found.at(-1)!.push(line);
  }
  return found;
}

/**
 * Merges a line-set file (.gitignore, .env.example): theirs unchanged, then the lines ours added against base, in
 * ours' order, less the entries theirs already has. Added lines go by blocks (cut at blank lines): a block whose
 * entries theirs all has is left out with its comments and blank lines. A line ours removed stays (an owner's line
 * is never deleted). No conflict is possible.
 */
export function mergeLines(base: string, theirs: string, ours: string): string {
  const [b, t, o] = [lines(base), lines(theirs), lines(ours)];
  const present = new Set(t);
  const appended: string[] = [];
  for (const change of changes(b, o)) {
    for (const block of paragraphs(o.slice(change.start, change.end))) {
      // A block's comments and blank lines come with it only when one of its entries is new (or, for a block of
      // comments alone, one of its comments), so no header is left without its lines.
      const entries = block.filter(isEntry);
      const judged = entries.length > 0 ? entries : block.filter((line) => line.trim() !== "");
      if (judged.some((line) => !present.has(line))) {
        appended.push(...block.filter((line) => !isEntry(line) || !present.has(line)));
      }
    }
  }
  if (appended.length === 0) return theirs;
  const eol = theirs.includes("\r\n") ? "\r\n" : "\n";
  const separator = theirs === "" || theirs.endsWith("\n") ? "" : eol;
  // Theirs' final newline convention; an empty theirs has none, so ours' is used.
  const final = (theirs === "" ? ours : theirs).endsWith("\n") ? eol : "";
  return theirs + separator + appended.join(eol) + final;
}
