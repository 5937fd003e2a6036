// Files a user may already have that the project extends rather than replaces: every line of theirs is kept, ours
// are added after them. Pure text in, text out.

/** Project paths merged into an existing file instead of overwriting it. */
export const mergedPaths: ReadonlySet<string> = new Set([".gitignore", ".env.example", "README.md"]);

const marker = "Added by create-convex-saas";

/** `theirs` extended with what `ours` adds; `theirs` unchanged when ours adds nothing. */
export function mergeFile(path: string, theirs: string, ours: string): string {
  if (path === "README.md") {
    if (theirs.includes(ours.trim())) return theirs;
    return `${theirs.trimEnd()}\n\n---\n\n<!-- ${marker} -->\n\n${ours}`;
  }
  // .gitignore and .env.example: our lines that the user does not already have (for .env.example: keys they do not
  // already define). Comments come along only when a line they describe is added.
  const has = path === ".env.example" ? envKeys(theirs) : new Set(lines(theirs).map((line) => line.trim()));
  // A comment has no key (a commented-out `# KEY=` in .env.example does).
  const key = (line: string) =>
    path === ".env.example" ? envKey(line) : line.trim().startsWith("#") ? undefined : line.trim();
  const added: string[] = [];
  let comments: string[] = [];
  for (const line of lines(ours)) {
    const trimmed = line.trim();
    if (trimmed === "") {
      comments = [];
      continue;
    }
    const k = key(line);
    if (trimmed.startsWith("#") && k === undefined) {
      comments.push(line);
      continue;
    }
    if (k !== undefined && has.has(k)) continue;
    if (comments.length > 0 && added.length > 0) added.push("");
    added.push(...comments, line);
    comments = [];
  }
  if (added.length === 0) return theirs;
  return `${theirs.trimEnd()}\n\n# ${marker}\n${added.join("\n")}\n`;
}

const lines = (text: string) => text.split(/\r?\n/);

/** `KEY` of `KEY=value`, `export KEY=value` or a commented-out `# KEY=`; undefined for other lines. */
function envKey(line: string): string | undefined {
  return /^\s*(?:#\s*)?(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/.exec(line)?.[1];
}

function envKeys(text: string): Set<string> {
  return new Set(lines(text).flatMap((line) => envKey(line) ?? []));
}
