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
};

export function projectPath(storedPath: string): string {
  const slash = storedPath.lastIndexOf("/");
  const base = storedPath.slice(slash + 1);
  const renamed = dotfileRenames[base];
  return renamed ? storedPath.slice(0, slash + 1) + renamed : storedPath;
}

/** Every regular file below `dir`, as paths relative to it with `/` separators. */
export function listFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import("node:fs").Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length).replace(/\\/g, "/").replace(/^\//, ""))
    .sort();
}

export class LayerError extends Error {}

export function readLayer(dir: string, name: string): Layer {
  const layer: Layer = { name, files: new Map(), parts: new Map() };
  for (const path of listFiles(dir)) {
    const contents = readFileSync(join(dir, path), "utf8");
    const partMatch = /^(.*)\.d\/([^/]+)$/.exec(path);
    if (path === "package.json") {
      try {
        layer.packageJson = JSON.parse(contents) as PackageFragment;
      } catch (error) {
        throw new LayerError(`Layer "${name}": package.json is not valid JSON (${(error as Error).message})`);
      }
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

/** Names of the built-in layers: every folder under templates/ not starting with `_`. */
export function builtInLayerNames(): string[] {
  return readdirSync(templatesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith("_"))
    .map((entry) => entry.name);
}

const cache = new Map<string, Layer>();

export function builtInLayer(name: string): Layer {
  let layer = cache.get(name);
  if (!layer) {
    layer = readLayer(join(templatesDir, name), name);
    cache.set(name, layer);
  }
  return layer;
}
