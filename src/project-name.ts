// The target directory and the package name it implies.
import { basename, resolve } from "node:path";
import validate from "validate-npm-package-name";

export interface Target {
  /** Absolute path of the project directory. */
  dir: string;
  /** package.json name: the directory's name, or the whole argument when it is a scoped name (`@acme/app`). */
  name: string;
}

export function resolveTarget(argument: string, cwd = process.cwd()): Target {
  const dir = resolve(cwd, argument);
  const name = /^@[^/]+\/[^/]+$/.test(argument) ? argument : basename(dir);
  return { dir, name };
}

/** A name npm would accept for a new package, close to what the user typed. */
export function suggestName(name: string): string {
  const suggestion = name
    .trim()
    .toLowerCase()
    .replace(/\s+/g, "-")
    .replace(/^[._-]+/, "")
    .replace(/[^a-z0-9@/._~-]+/g, "-")
    .replace(/-+/g, "-");
  return suggestion || "my-saas";
}

/** Why `name` is not a valid npm package name, or undefined when it is. */
export function checkPackageName(name: string): string | undefined {
  const result = validate(name);
  if (result.validForNewPackages) return undefined;
  const reasons = [...(result.errors ?? []), ...(result.warnings ?? [])].join("; ");
  const suggestion = suggestName(name);
  const hint = suggestion !== name && validate(suggestion).validForNewPackages ? ` Try "${suggestion}".` : "";
  return `"${name}" is not a valid npm package name: ${reasons}.${hint}`;
}
