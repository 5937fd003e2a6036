// Bundles src/ into dist/ with zero runtime dependencies. The start-up path (bin → dist/cli.cjs) is one CommonJS
// file: Node 20 spends ~9 ms setting up its ES module loader for an ESM entry, a quarter of a whole scaffold.
// What only some runs need (prompts, install/git through execa, --template through giget) sits in lazy ES modules
// beside it, loaded by dynamic import.
import { build } from "esbuild";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import zlib from "node:zlib";

const lazy = ["prompts", "install", "git", "remote"];
const common = {
  bundle: true,
  platform: "node",
  target: "node20.19",
  minify: process.env.BUILD_MINIFY !== "0",
  legalComments: "none",
  charset: "utf8", // symbols such as ◆ stay UTF-8 bytes instead of 6-byte \u escapes
  outdir: "dist",
  logLevel: "warning",
};

rmSync(new URL("../dist", import.meta.url), { recursive: true, force: true });
await Promise.all([
  build({
    ...common,
    entryPoints: ["src/cli.ts"],
    format: "cjs",
    outExtension: { ".js": ".cjs" },
    // The sources are ES modules and find their files (templates, package.json) from import.meta.url.
    define: { "import.meta.url": "__importMetaUrl" },
    banner: { js: 'var __importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
    plugins: [
      {
        name: "lazy-modules-stay-separate",
        setup(b) {
          const filter = new RegExp(`^\\./(${lazy.join("|")})\\.js$`);
          b.onResolve({ filter }, (args) => ({ path: args.path, external: true }));
        },
      },
    ],
  }),
  build({
    ...common,
    entryPoints: lazy.map((name) => `src/${name}.ts`),
    format: "esm",
    splitting: true, // install and git share execa
    chunkNames: "[name]-[hash]",
    // CommonJS inside giget's dependencies may require() Node built-ins.
    banner: { js: 'import { createRequire as __cr } from "node:module"; const require = __cr(import.meta.url);' },
  }),
]);

// dist/templates.br: every folder of templates/ (the built-in layers and _convex_generated), read by builtInFolder in
// src/layers.ts. A 4-byte little-endian length, then that many bytes of brotli-compressed JSON
// { folder: { at, size, files: [[path, byteLength], ...] } } (the paths are a tenth of the package), then each folder's files, concatenated in that order and
// compressed with brotli (quality 11) on their own: `size` bytes from offset `at` after the JSON. So a run decompresses
// only the layers it uses. Paths follow the rules of listFiles there: every file, `/`-separated, sorted.
const templates = new URL("../templates/", import.meta.url);
const walk = (dir, prefix = "") =>
  readdirSync(new URL(prefix, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(dir, `${prefix}${entry.name}/`) : entry.isFile() ? [prefix + entry.name] : [],
  );
const { constants } = zlib;
const header = {};
const chunks = [];
let at = 0;
for (const folder of readdirSync(templates, { withFileTypes: true }).filter((e) => e.isDirectory())) {
  const dir = new URL(`${folder.name}/`, templates);
  const files = walk(dir)
    .sort()
    .map((path) => [path, readFileSync(new URL(path, dir))]);
  const bytes = Buffer.concat(files.map(([, contents]) => contents));
  const compressed = zlib.brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
  header[folder.name] = {
    at,
    size: compressed.length,
    files: files.map(([path, contents]) => [path, contents.length]),
  };
  chunks.push(compressed);
  at += compressed.length;
}
const headerBytes = zlib.brotliCompressSync(Buffer.from(JSON.stringify(header)), {
  params: {
    [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
    [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
  },
});
const length = Buffer.alloc(4);
length.writeUInt32LE(headerBytes.length);
writeFileSync(new URL("../dist/templates.br", import.meta.url), Buffer.concat([length, headerBytes, ...chunks]));
