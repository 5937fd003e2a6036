// Reads template layers from disk into memory. A layer is a folder of real files (see templates/README.md):
// `package.json` is a fragment to merge, `NAME.d/` folders hold parts of the file NAME, and dotfiles are stored
// with a leading `_` so that npm publishes them.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const templatesDir = fileURLToPath(new URL("../templates/", import.meta.url));

export type PackageFragment = Record<string, unknown>;

export interface Layer {
  name: string;
  /** Plain files, by project-relative path (still with stored names such as `_gitignore`). */
  files: Map<string, string>;
  /** Parts of assembled files: target path → part name → contents. */
  parts: Map<string, Map<string, string>>;
  packageJson?: PackageFragment;
}

/** Stored name → name in the project. Only these are renamed: `_`-prefixed folders such as Next's `_components` stay. */
export const dotfileRenames: Record<string, string> = {
  _gitignore: ".gitignore",
  "_env.example": ".env.example",
  "_env.local": ".env.local",
  _npmrc: ".npmrc",
  "_yarnrc.yml": ".yarnrc.yml",
  "_prettierrc.json": ".prettierrc.json",
  _prettierignore: ".prettierignore",
};

export function projectPath(storedPath: string): string {
  const slash = storedPath.lastIndexOf("/");
  const base = storedPath.slice(slash + 1);
  const renamed = dotfileRenames[base];
  return renamed ? storedPath.slice(0, slash + 1) + renamed : storedPath;
}

/** Every regular file below `dir`, as sorted paths relative to it with `/` separators. */
export function listFiles(dir: string, prefix = ""): string[] {
  // A plain walk: Node 20's `readdirSync({ recursive: true })` is several times slower.
  const files: string[] = [];
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const path = prefix + entry.name;
    if (entry.isDirectory()) files.push(...listFiles(dir, `${path}/`));
    else if (entry.isFile()) files.push(path);
  }
  return prefix ? files : files.sort();
}

export class LayerError extends Error {}

export function readLayer(dir: string, name: string, paths = listFiles(dir)): Layer {
  const layer: Layer = { name, files: new Map(), parts: new Map() };
  for (const path of paths) {
    const contents = readFileSync(`${dir}/${path}`, "utf8"); // paths are already clean: no join() per file
    const partMatch = /^(.*)\.d\/([^/]+)$/.exec(path);
    if (path === "package.json") {
      let fragment: unknown;
      try {
        fragment = JSON.parse(contents);
      } catch (error) {
        throw new LayerError(`Layer "${name}": package.json is not valid JSON (${(error as Error).message})`);
      }
      if (typeof fragment !== "object" || fragment === null || Array.isArray(fragment)) {
        throw new LayerError(`Layer "${name}": package.json must be a JSON object.`);
      }
      layer.packageJson = fragment as PackageFragment;
    } else if (partMatch) {
      const [, target, part] = partMatch as unknown as [string, string, string];
      if (!layer.parts.has(target)) layer.parts.set(target, new Map());
      layer.parts.get(target)!.set(part, contents);
    } else {
      layer.files.set(path, contents);
    }
  }
  return layer;
}

/**
 * The file list of every built-in layer, written beside the bundle by scripts/build.js so that a run reads the
 * files it needs without walking ~25 folders first. Absent when running from the sources: then we walk.
 */
let index: Record<string, string[]> | null | undefined;
function builtInIndex(): Record<string, string[]> | null {
  if (index === undefined) {
    try {
      index = JSON.parse(readFileSync(new URL("./templates.json", import.meta.url), "utf8")) as Record<
        string,
        string[]
      >;
    } catch {
      index = null;
    }
  }
  return index;
}

/** Names of the built-in layers: every folder under templates/ not starting with `_`. */
export function builtInLayerNames(): string[] {
  const fromIndex = builtInIndex();
  if (fromIndex) return Object.keys(fromIndex);
  return readdirSync(templatesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith("_"))
    .map((entry) => entry.name);
}

const cache = new Map<string, Layer>();

export function builtInLayer(name: string): Layer {
  let layer = cache.get(name);
  if (!layer) {
    layer = readLayer(join(templatesDir, name), name, builtInIndex()?.[name]);
    cache.set(name, layer);
  }
  return layer;
}
