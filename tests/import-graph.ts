// The runtime import graph of a generated project's convex/ and src/ modules, to prove it one-way. A cycle loads only
// while nothing in it is used at the top level; Convex's push fails the day something is. Type-only imports are
// erased before anything runs, so they do not count.

const sourceFile = /^(convex|src)\/.*\.(ts|tsx)$/;
const extensions = [".ts", ".tsx", "/index.ts", "/index.tsx"];

/** The project files a module imports at run time: relative paths and Next's `@/` alias, resolved against the tree. */
function runtimeImports(path: string, text: string, files: ReadonlySet<string>): string[] {
  const targets: string[] = [];
  const statements = text.matchAll(/^(import|export)\s+([^;]*?)\s*from\s*"([^"]+)";?$|^import\s+"([^"]+)";?$/gms);
  for (const [, keyword, clause, from, sideEffect] of statements) {
    const specifier = from ?? sideEffect!;
    if (clause !== undefined && isTypeOnly(keyword!, clause)) continue;
    const resolved = resolve(path, specifier, files);
    if (resolved) targets.push(resolved);
  }
  return targets;
}

/** `import type …`, `export type …`, or named imports that are all `type X` (isolatedModules erases those too). */
function isTypeOnly(keyword: string, clause: string): boolean {
  if (/^type\s/.test(clause)) return true;
  const named = /^\{([^}]*)\}$/.exec(clause.trim());
  if (keyword === "import" && named) {
    const names = named[1]!
      .split(",")
      .map((name) => name.trim())
      .filter(Boolean);
    return names.length > 0 && names.every((name) => name.startsWith("type "));
  }
  return false;
}

function resolve(from: string, specifier: string, files: ReadonlySet<string>): string | undefined {
  let base: string;
  if (specifier.startsWith("@/")) base = `src/${specifier.slice(2)}`;
  else if (specifier.startsWith(".")) {
    const parts = from.split("/").slice(0, -1);
    for (const segment of specifier.split("/")) {
      if (segment === "..") parts.pop();
      else if (segment !== ".") parts.push(segment);
    }
    base = parts.join("/");
  } else return undefined; // a package
  base = base.replace(/\.js$/, "");
  return [base, ...extensions.map((extension) => base + extension)].find((candidate) => files.has(candidate));
}

/** Every import cycle among the tree's convex/ and src/ modules, each as `a → b → a`, from the first module found. */
export function importCycles(tree: ReadonlyMap<string, string>): string[] {
  const files = new Set([...tree.keys()].filter((path) => sourceFile.test(path)));
  const edges = new Map([...files].map((path) => [path, runtimeImports(path, tree.get(path)!, files)]));
  const cycles = new Set<string>();
  const state = new Map<string, "visiting" | "done">();
  const stack: string[] = [];
  const visit = (path: string) => {
    state.set(path, "visiting");
    stack.push(path);
    for (const next of edges.get(path) ?? []) {
      if (state.get(next) === "visiting") cycles.add([...stack.slice(stack.indexOf(next)), next].join(" → "));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(path, "done");
  };
  for (const path of [...files].sort()) if (!state.has(path)) visit(path);
  return [...cycles];
}
