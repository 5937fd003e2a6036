import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { optionDefs, type ProjectOptions } from "../src/options.js";

export const repoRoot = fileURLToPath(new URL("..", import.meta.url));
export const cliPath = join(repoRoot, "bin/create-convex-saas.js");

/** Every frontend × payments combination, from the option declarations. */
export const combinations = optionDefs.frontend.choices.flatMap((frontend) =>
  [true, false].map((payments) => ({ frontend: frontend.value, payments })),
);

export const projectOptions = (over: Partial<ProjectOptions> = {}): ProjectOptions => ({
  name: "my-app",
  frontend: "next",
  payments: true,
  pm: "npm",
  ...over,
});

export function tempDir(prefix = "ccs-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export const removeDir = (dir: string) => rmSync(dir, { recursive: true, force: true });

/** Every file below dir (relative paths) with its contents; skips node_modules and .git. */
export function readTree(dir: string): Map<string, string> {
  const tree = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name).slice(dir.length + 1);
    if (/^(node_modules|\.git)\//.test(path)) continue;
    tree.set(path, readFileSync(join(dir, path), "utf8"));
  }
  return new Map([...tree].sort(([a], [b]) => (a < b ? -1 : 1)));
}
