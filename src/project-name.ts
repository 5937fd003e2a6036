// The target directory and the package name it implies. The folder and the package name are separate: a folder
// such as `DotUpper` or `café` is fine, its package name then is a valid one close to it (`dotupper`, `cafe`).
import { basename, resolve } from "node:path";
import validate from "validate-npm-package-name";

export interface Target {
  /** Absolute path of the project directory. */
  dir: string;
  /** package.json name implied by the argument: the directory's name, or the whole argument when it is a scoped name (`@acme/app`). */
  name: string;
}

export function resolveTarget(argument: string, cwd = process.cwd()): Target {
  const dir = resolve(cwd, argument);
  const name = /^@[^/]+\/[^/]+$/.test(argument) ? argument : basename(dir);
  return { dir, name };
}

const isValid = (name: string) => validate(name).validForNewPackages;

/** A valid npm package name close to `name`: accents dropped (café → cafe), lower case, other characters → `-`. */
export function suggestName(name: string): string {
  const scoped = /^@([^/]+)\/(.+)$/.exec(name);
  if (scoped) {
    const [scope, bare] = [clean(scoped[1]!), clean(scoped[2]!)];
    const suggestion = `@${scope || "my"}/${bare || "saas"}`;
    return isValid(suggestion) ? suggestion : `@${scope || "my"}/${bare || "saas"}-app`;
  }
  const suggestion = clean(name) || "my-saas";
  // Still invalid only when reserved (node_modules, favicon.ico) or a Node.js core module (http).
  return isValid(suggestion) ? suggestion : `${suggestion.replace(/[._]+/g, "-").replace(/^-+|-+$/g, "")}-app`;
}

function clean(part: string): string {
  return part
    .normalize("NFKD")
    .replace(/\p{M}/gu, "") // combining marks: the accents NFKD split off
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9._~-]+/g, "-")
    .replace(/^[._-]+/, "")
    .replace(/-+/g, "-")
    .replace(/[-.]+$/, "")
    .slice(0, 214);
}

/** Why `name` is not a valid npm package name (one sentence, no repetition), or undefined when it is. */
export function checkPackageName(name: string): string | undefined {
  const result = validate(name);
  if (result.validForNewPackages) return undefined;
  const reasons = [...(result.errors ?? []), ...(result.warnings ?? [])].map((reason) =>
    // validate-npm-package-name starts some reasons with the name itself ("node_modules is not a valid package name")
    reason.startsWith(`${name} `)
      ? `it${reason.slice(name.length)}`.replace("is not a valid package name", "is reserved")
      : reason,
  );
  return `"${name}" is not a valid npm package name: ${[...new Set(reasons)].join("; ")}.`;
}
