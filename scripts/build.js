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

// dist/templates.br: every folder of templates/ (the built-in layers and _convex_generated), read by builtInFiles in
// src/layers.ts. Brotli (quality 11) of: a 4-byte little-endian length, then that many bytes of JSON
// { folder: [[path, byteLength], ...] }, then the files' bytes in that order. Paths follow the rules of listFiles
// there: every file, `/`-separated, sorted.
const templates = new URL("../templates/", import.meta.url);
const walk = (dir, prefix = "") =>
  readdirSync(new URL(prefix, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(dir, `${prefix}${entry.name}/`) : entry.isFile() ? [prefix + entry.name] : [],
  );
const header = {};
const contents = [];
for (const folder of readdirSync(templates, { withFileTypes: true }).filter((e) => e.isDirectory())) {
  const dir = new URL(`${folder.name}/`, templates);
  header[folder.name] = walk(dir)
    .sort()
    .map((path) => {
      const bytes = readFileSync(new URL(path, dir));
      contents.push(bytes);
      return [path, bytes.length];
    });
}
const headerBytes = Buffer.from(JSON.stringify(header));
const length = Buffer.alloc(4);
length.writeUInt32LE(headerBytes.length);
const archive = Buffer.concat([length, headerBytes, ...contents]);
const { constants } = zlib;
const compressed = zlib.brotliCompressSync(archive, {
  params: {
    [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
    [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    [constants.BROTLI_PARAM_SIZE_HINT]: archive.length,
  },
});
writeFileSync(new URL("../dist/templates.br", import.meta.url), compressed);
