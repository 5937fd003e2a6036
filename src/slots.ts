// Slots: how a feature layer adds itself to a file that lists every feature (convex/schema.ts's tables, the Clerk
// event handlers, the pages' sections…) without replacing that file. Pure text in, text out.
//
// A frame is a whole file with slot lines, `// @slot NAME` (Markdown: `<!-- @slot NAME -->`). A slot part is a part
// (`FILE.d/NN-feature`) whose first lines that are not imports are a slot header; each header's lines go to that
// slot, re-indented to the slot line's indentation; its import lines join the frame's imports. Slot lines never reach
// the project: filled or not, they are removed. Parts for a slot the frame lacks are not used (a feature may extend
// another feature's file, used only when that feature is chosen).

/** The formatting the generated projects use (templates/base/_prettierrc.json). */
const PRINT_WIDTH = 100;

// String checks rather than regular expressions: this runs once per scaffold, where compiling them would cost more
// than the matching.

/** A slot line's indentation, name, and whether it is Markdown's; undefined for any other line. */
function slotLine(line: string): { indent: string; name: string; markdown: boolean } | undefined {
  if (!line.includes("@slot ")) return undefined;
  const text = line.trim();
  const indent = line.slice(0, line.length - line.trimStart().length);
  if (text.startsWith("// @slot ")) return word(text.slice(9), indent, false);
  if (text.startsWith("<!-- @slot ") && text.endsWith(" -->")) return word(text.slice(11, -4), indent, true);
  return undefined;
}

const word = (name: string, indent: string, markdown: boolean) =>
  name !== "" && !name.includes(" ") ? { indent, name, markdown } : undefined;

const opens = (line: string) => "{[(".includes(line.at(-1) ?? " ");
const closes = (line: string) => "}])".includes(line.trimStart()[0] ?? " ");

export interface SlotPart {
  /** Import statements to add to the frame's imports, one per line. */
  imports: string[];
  /** Slot name → its lines, in order. */
  entries: Map<string, string[]>;
}

/** The part's imports and slot entries, or undefined when it is not a slot part (a part to join, such as Markdown). */
export function parseSlotPart(text: string): SlotPart | undefined {
  if (!text.includes("@slot ")) return undefined;
  const lines = text.split("\n");
  const imports: string[] = [];
  let at = 0;
  for (; at < lines.length; at++) {
    const line = lines[at]!;
    if (line.trim() === "") continue;
    if (!line.startsWith("import ")) break;
    imports.push(line.trim());
  }
  if (at === lines.length || !slotLine(lines[at]!)) return undefined;
  const entries = new Map<string, string[]>();
  let current: string[] = [];
  for (; at < lines.length; at++) {
    const header = slotLine(lines[at]!);
    if (header) {
      const name = header.name;
      current = entries.get(name) ?? [];
      entries.set(name, current);
    } else current.push(lines[at]!);
  }
  for (const group of entries.values()) while (group.length > 0 && group.at(-1)!.trim() === "") group.pop();
  return { imports, entries };
}

/** The frame with its slots filled from the parts (in the order given) and the parts' imports merged into its own. */
export function fillSlots(frame: string, parts: readonly SlotPart[]): string {
  const lines = frame.split("\n");
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const slot = slotLine(lines[i]!);
    if (!slot) {
      out.push(lines[i]!);
      continue;
    }
    const groups = parts.map((part) => part.entries.get(slot.name) ?? []);
    if (slot.markdown && groups.some((group) => group.length > 0)) {
      i = fillMarkdownSlot(out, markdownEntries(groups), lines, i);
      continue;
    }
    const entries = groups.flatMap((group) => reindent(group, slot.indent));
    if (entries.length > 0) {
      out.push(...entries);
      continue;
    }
    // An empty slot leaves no trace: `{` + `}` become `{}`, and no doubled or dangling blank line is left.
    const previous = out.at(-1);
    const next = lines[i + 1];
    if (previous !== undefined && next !== undefined) {
      if (opens(previous) && closes(next)) {
        out[out.length - 1] = previous + next.trim();
        i++;
      } else if (previous.trim() === "" && (next.trim() === "" || closes(next))) out.pop();
    }
  }
  const imports = parts.flatMap((part) => part.imports);
  return imports.length > 0 ? mergeImports(out.join("\n"), imports) : out.join("\n");
}

/** Whether a Markdown line starts a list item (`- `, `* `, `+ `, `1. `). */
const listItem = {
  test(line: string): boolean {
    const text = line.trimStart();
    if (text[1] === " " && "-*+".includes(text[0] ?? " ")) return true;
    let digits = 0;
    while (text[digits] !== undefined && text[digits]! >= "0" && text[digits]! <= "9") digits++;
    return digits > 0 && text.startsWith(". ", digits);
  },
};

/**
 * A Markdown slot sits in a block of its own (Prettier puts blank lines around an HTML comment): list items that
 * continue the list before it, or go on into the list after it, join that list instead. Returns the last line used.
 */
function fillMarkdownSlot(out: string[], entries: string[], lines: readonly string[], at: number): number {
  while (out.at(-1)?.trim() === "" && listItem.test(entries[0]!) && listItem.test(out.at(-2) ?? "")) out.pop();
  out.push(...entries);
  let next = at + 1;
  while (lines[next]?.trim() === "" && next + 1 < lines.length) next++;
  const joins = listItem.test(lines[next] ?? "") && listItem.test(lastItemLine(entries));
  return joins ? next - 1 : at;
}

/** The first line of the last entry, to tell whether the entries end in a list item (which may wrap over lines). */
function lastItemLine(entries: readonly string[]): string {
  for (let i = entries.length - 1; i >= 0; i--) if (entries[i]!.trimStart() === entries[i]) return entries[i]!;
  return "";
}

/** The parts' Markdown blocks, one after another: list items run on as one list, other blocks get a blank line. */
function markdownEntries(groups: readonly string[][]): string[] {
  const entries: string[] = [];
  for (const group of groups) {
    const lines = group.slice(group.findIndex((line) => line.trim() !== ""));
    if (lines.length === 0 || group.every((line) => line.trim() === "")) continue;
    if (entries.length > 0 && !(listItem.test(lastItemLine(entries)) && listItem.test(lines[0]!))) entries.push("");
    entries.push(...lines);
  }
  return entries;
}

/** Lines moved to `indent`, keeping their indentation relative to each other. */
function reindent(lines: readonly string[], indent: string): string[] {
  const margins = lines.filter((line) => line.trim() !== "").map((line) => line.length - line.trimStart().length);
  const margin = Math.min(...margins);
  return lines.map((line) => (line.trim() === "" ? "" : indent + line.slice(margin)));
}

interface ImportStatement {
  from: string;
  /** `import type { … }` */
  typeOnly: boolean;
  /** Named imports (`a`, `type B`), or undefined for a default, namespace or side-effect import. */
  names?: string[];
  /** The statement as written, for imports that are not merged by name. */
  text: string;
}

/** Reads `import [type] { a, type B } from "x";`; other forms (default, namespace, side effect) are kept as written. */
function parseImport(statement: string): ImportStatement {
  const text = statement.includes("  ") ? statement.replace(/\s+/g, " ") : statement;
  const quote = text.indexOf('"');
  const from = text.slice(quote + 1, text.indexOf('"', quote + 1));
  const typeOnly = text.startsWith("import type {");
  const open = text.indexOf("{");
  const close = text.indexOf("}");
  if (open < 0 || close < open || !text.startsWith(typeOnly ? "import type {" : "import {") || !text.endsWith('";'))
    return { from, typeOnly: false, text };
  const names = text
    .slice(open + 1, close)
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  return { from, typeOnly, names, text };
}

/**
 * The file's leading import statements merged with `added`: named imports from one module joined into one
 * statement, then every statement sorted (packages before relative paths, then by path), as Prettier prints them.
 */
function mergeImports(text: string, added: readonly string[]): string {
  const lines = text.split("\n");
  const statements: string[] = [];
  let end = 0;
  let start = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith("import ")) {
      if (start < 0) start = i;
      let statement = line;
      while (!statement.trimEnd().endsWith(";")) statement += ` ${lines[++i]!.trim()}`;
      statements.push(statement);
      end = i + 1;
    } else if (start >= 0 && line.trim() !== "") break;
  }
  if (start < 0) start = end = 0;
  const merged = new Map<string, ImportStatement>();
  for (const statement of [...statements, ...added].map(parseImport)) {
    const key = statement.names ? `${statement.typeOnly ? "type " : ""}{} ${statement.from}` : statement.text;
    const existing = merged.get(key);
    if (existing?.names && statement.names) existing.names = [...new Set([...existing.names, ...statement.names])];
    else if (!existing) merged.set(key, { ...statement, names: statement.names && [...statement.names] });
  }
  const order = (s: ImportStatement) => `${s.from.startsWith(".") ? 1 : 0} ${s.from} ${s.typeOnly ? 0 : 1}`;
  const block = [...merged.values()].sort((a, b) => (order(a) < order(b) ? -1 : 1)).map(printImport);
  const rest = lines.slice(end);
  return [...lines.slice(0, start), ...block, ...rest].join("\n");
}

const bare = (name: string) => (name.startsWith("type ") ? name.slice(5) : name).toLowerCase();

function printImport(statement: ImportStatement): string {
  if (!statement.names) return statement.text;
  const names = [...statement.names].sort((a, b) => (bare(a) < bare(b) ? -1 : bare(a) > bare(b) ? 1 : 0));
  const head = `import ${statement.typeOnly ? "type " : ""}`;
  const oneLine = `${head}{ ${names.join(", ")} } from "${statement.from}";`;
  if (oneLine.length <= PRINT_WIDTH) return oneLine;
  return `${head}{\n${names.map((name) => `  ${name},`).join("\n")}\n} from "${statement.from}";`;
}
