// Three-way merge of text, line by line (diff3): the file as generated (base), as its owner left it (theirs) and as
// the generator writes it now (ours). Each side's changes against base are found with a longest common subsequence;
// changes from one side only are taken, the same change on both sides is taken once, and different changes to the
// same or adjacent base lines are a conflict. Pure: text in, text and conflicts out.

/** One side's change: base lines [baseStart, baseEnd) became that side's lines [start, end). */
interface Change {
  baseStart: number;
  baseEnd: number;
  start: number;
  end: number;
}

/** Where both sides changed the same base lines differently: the three versions of those lines. */
export interface Conflict {
  /** The first base line of the conflict, counted from 1 (for a hunk header). */
  line: number;
  base: string[];
  theirs: string[];
  ours: string[];
}

export interface MergeResult {
  /** The merged text; at each conflict, theirs (the owner's lines), unless markers were asked for. */
  text: string;
  conflicts: Conflict[];
}

/** Lines of a text; a final newline does not make an empty last line. */
function lines(text: string): string[] {
  if (text === "") return [];
  const split = text.split("\n");
  if (split.at(-1) === "") split.pop();
  return split;
}

/**
 * The changes that turn `base` into `other`, in base order: the stretches outside a longest common subsequence of
 * lines (common prefix and suffix trimmed first, so a small edit to a long file stays cheap).
 */
export function changes(base: readonly string[], other: readonly string[]): Change[] {
  let prefix = 0;
  while (prefix < base.length && prefix < other.length && base[prefix] === other[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < base.length - prefix &&
    suffix < other.length - prefix &&
    base[base.length - 1 - suffix] === other[other.length - 1 - suffix]
  ) {
    suffix++;
  }
  const n = base.length - prefix - suffix;
  const m = other.length - prefix - suffix;
  // lengths[i * (m + 1) + j]: the LCS length of base[prefix + i..] and other[prefix + j..] (the middles).
  const lengths = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * (m + 1) + j] =
        base[prefix + i] === other[prefix + j]
          ? lengths[(i + 1) * (m + 1) + j + 1]! + 1
          : Math.max(lengths[(i + 1) * (m + 1) + j]!, lengths[i * (m + 1) + j + 1]!);
    }
  }
  const found: Change[] = [];
  let i = 0;
  let j = 0;
  let open: Change | undefined;
  const close = () => {
    if (open) found.push(open);
    open = undefined;
  };
  while (i < n || j < m) {
    if (i < n && j < m && base[prefix + i] === other[prefix + j]) {
      close();
      i++;
      j++;
      continue;
    }
    open ??= { baseStart: prefix + i, baseEnd: prefix + i, start: prefix + j, end: prefix + j };
    if (j < m && (i === n || lengths[i * (m + 1) + j + 1]! >= lengths[(i + 1) * (m + 1) + j]!)) {
      j++;
      open.end = prefix + j;
    } else {
      i++;
      open.baseEnd = prefix + i;
    }
  }
  close();
  return found;
}

/** The side's lines for base lines [from, to), given its changes that lie inside that range. */
function sideLines(
  base: readonly string[],
  side: readonly string[],
  inside: readonly Change[],
  from: number,
  to: number,
): string[] {
  const out: string[] = [];
  let at = from;
  for (const change of inside) {
    out.push(...base.slice(at, change.baseStart), ...side.slice(change.start, change.end));
    at = change.baseEnd;
  }
  out.push(...base.slice(at, to));
  return out;
}

const sameLines = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((line, index) => line === b[index]);

/**
 * Merges the owner's edits (`theirs`, against `base`) with the generator's (`ours`, against the same `base`).
 * `markers`: write git-style conflict markers at each conflict instead of keeping the owner's lines there.
 * `union`: where both sides only inserted lines at the same place (each added an entry at the end of the same list,
 * say), keep the owner's lines, then the generator's, instead of a conflict.
 */
export function merge3(
  base: string,
  theirs: string,
  ours: string,
  { markers = false, union = false }: { markers?: boolean; union?: boolean } = {},
): MergeResult {
  const [b, t, o] = [lines(base), lines(theirs), lines(ours)];
  const tagged = [
    ...changes(b, t).map((change) => ({ change, side: "theirs" as const })),
    ...changes(b, o).map((change) => ({ change, side: "ours" as const })),
  ].sort((x, y) => x.change.baseStart - y.change.baseStart || x.change.baseEnd - y.change.baseEnd);

  const out: string[] = [];
  const conflicts: Conflict[] = [];
  let at = 0;
  let next = 0;
  while (next < tagged.length) {
    // A group: changes whose base ranges overlap or touch (an insertion at the edge of the other side's change too).
    const group = [tagged[next]!];
    let end = tagged[next]!.change.baseEnd;
    const start = tagged[next]!.change.baseStart;
    next++;
    while (next < tagged.length && tagged[next]!.change.baseStart <= end) {
      const touching = tagged[next]!.change.baseStart === end;
      const sides = new Set(group.map((entry) => entry.side));
      // Changes of one side that only touch stay apart; the other side's touching change joins the group.
      if (touching && sides.size === 1 && sides.has(tagged[next]!.side)) break;
      group.push(tagged[next]!);
      end = Math.max(end, tagged[next]!.change.baseEnd);
      next++;
    }
    out.push(...b.slice(at, start));
    const theirChanges = group.filter((entry) => entry.side === "theirs").map((entry) => entry.change);
    const ourChanges = group.filter((entry) => entry.side === "ours").map((entry) => entry.change);
    const theirLines = sideLines(b, t, theirChanges, start, end);
    const ourLines = sideLines(b, o, ourChanges, start, end);
    const insertsOnly = start === end;
    if (ourChanges.length === 0 || sameLines(theirLines, ourLines)) out.push(...theirLines);
    else if (theirChanges.length === 0) out.push(...ourLines);
    else if (union && insertsOnly) out.push(...theirLines, ...ourLines);
    else {
      conflicts.push({ line: start + 1, base: b.slice(start, end), theirs: theirLines, ours: ourLines });
      if (markers) {
        out.push("<<<<<<< yours", ...theirLines, "||||||| as generated", ...b.slice(start, end), "=======");
        out.push(...ourLines, ">>>>>>> create-convex-saas");
      } else out.push(...theirLines);
    }
    at = end;
  }
  out.push(...b.slice(at));
  const trailing = (theirs === "" ? ours : theirs).endsWith("\n") || out.length === 0 ? "\n" : "";
  return { text: out.length === 0 ? "" : out.join("\n") + trailing, conflicts };
}
