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

/**
 * The groups of the tree's convex/ and src/ modules that import each other in a circle (the strongly connected
 * components with more than one module, or a module importing itself), each as its sorted module list joined by " ↔ ".
 */
export function importCycles(tree: ReadonlyMap<string, string>): string[] {
  const files = new Set([...tree.keys()].filter((path) => sourceFile.test(path)));
  const edges = new Map([...files].map((path) => [path, runtimeImports(path, tree.get(path)!, files)]));
  // Tarjan's algorithm.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (path: string) => {
    index.set(path, index.size);
    low.set(path, index.get(path)!);
    stack.push(path);
    onStack.add(path);
    for (const next of edges.get(path)!) {
      if (!index.has(next)) {
        visit(next);
        low.set(path, Math.min(low.get(path)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(path, Math.min(low.get(path)!, index.get(next)!));
    }
    if (low.get(path) !== index.get(path)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.push(member);
    } while (member !== path);
    if (group.length > 1 || edges.get(path)!.includes(path)) groups.push(group.sort());
  };
  for (const path of [...files].sort()) if (!index.has(path)) visit(path);
  return groups.map((group) => group.join(" ↔ ")).sort();
}
