// Reads template layers into memory: built-in layers from dist/templates.br (the folders of templates/, packed by
// scripts/build.js), remote and local ones from a folder on disk. A layer is a folder of real files (see
// templates/README.md): `package.json` is a fragment to merge, `NAME.d/` folders hold parts of the file NAME, and
// dotfiles are stored with a leading `_` so that npm publishes them.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

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
  "_oxlintrc.json": ".oxlintrc.json",
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
  // paths are already clean: no join() per file
  return layerFromFiles(
    name,
    paths.map((path) => [path, readFileSync(`${dir}/${path}`, "utf8")]),
  );
}

function layerFromFiles(name: string, files: Iterable<readonly [string, string]>): Layer {
  const layer: Layer = { name, files: new Map(), parts: new Map() };
  for (const [path, contents] of files) {
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

/** dist/templates.br, found from dist/cli.cjs and from src/layers.ts alike (both one level below the package root). */
export const archivePath = new URL("../dist/templates.br", import.meta.url);

/** dist/templates.br's bytes and its header: where each folder's compressed files start, and their paths and sizes. */
let archive: { bytes: Buffer; start: number; folders: Map<string, Folder> } | undefined;
type Folder = { at: number; size: number; files: [string, number][] };

function openArchive(): NonNullable<typeof archive> {
  if (!archive) {
    const bytes = readFileSync(archivePath);
    const start = 4 + bytes.readUInt32LE(0);
    // Loaded here, not imported at the top: --help and --version never load zlib.
    const { brotliDecompressSync } = process.getBuiltinModule("node:zlib");
    const json = brotliDecompressSync(bytes.subarray(4, start)).toString("utf8");
    const header = JSON.parse(json) as Record<string, Folder>;
    archive = { bytes, start, folders: new Map(Object.entries(header)) };
  }
  return archive;
}

/**
 * One folder of templates/ (`base`, …, `_convex_generated`) → its files by sorted path → contents, or undefined.
 * Each folder is compressed on its own (the format is described in scripts/build.js): only the folders asked for
 * are decompressed.
 */
export function builtInFolder(name: string): Map<string, string> | undefined {
  const { bytes, start, folders } = openArchive();
  const folder = folders.get(name);
  if (!folder) return undefined;
  const { brotliDecompressSync } = process.getBuiltinModule("node:zlib");
  const files = brotliDecompressSync(bytes.subarray(start + folder.at, start + folder.at + folder.size));
  let offset = 0;
  return new Map(folder.files.map(([path, length]) => [path, files.toString("utf8", offset, (offset += length))]));
}

/** Every folder of templates/ → its files by sorted path → contents. */
export function builtInFiles(): Map<string, Map<string, string>> {
  return new Map([...openArchive().folders.keys()].map((name) => [name, builtInFolder(name)!]));
}

/** Names of the built-in layers: every folder of templates/ not starting with `_`. */
export function builtInLayerNames(): string[] {
  return [...openArchive().folders.keys()].filter((name) => !name.startsWith("_"));
}

const cache = new Map<string, Layer>();

export function builtInLayer(name: string): Layer {
  let layer = cache.get(name);
  if (!layer) {
    const files = name.startsWith("_") ? undefined : builtInFolder(name);
    if (!files) throw new Error(`No built-in layer "${name}".`);
    layer = layerFromFiles(name, files);
    cache.set(name, layer);
  }
  return layer;
}
