// Bundles src/ into dist/ with zero runtime dependencies. The start-up path (bin → dist/cli.cjs) is one CommonJS
// file: Node 20 spends ~9 ms setting up its ES module loader for an ESM entry, a quarter of a whole scaffold.
// What only some runs need (prompts, install/git through execa, --template through giget) sits in lazy ES modules
// beside it, loaded by dynamic import.
import { build } from "esbuild";
import { readdirSync, rmSync, writeFileSync } from "node:fs";

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

// dist/templates.json: the file list of each built-in layer (read by builtInIndex in src/layers.ts), listed by the
// same rules as listFiles there: every file, `/`-separated, sorted.
const templates = new URL("../templates/", import.meta.url);
const walk = (dir, prefix = "") =>
  readdirSync(new URL(prefix, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(dir, `${prefix}${entry.name}/`) : entry.isFile() ? [prefix + entry.name] : [],
  );
const layers = readdirSync(templates, { withFileTypes: true }).filter(
  (e) => e.isDirectory() && !e.name.startsWith("_"),
);
const index = Object.fromEntries(layers.map((e) => [e.name, walk(new URL(`${e.name}/`, templates)).sort()]));
writeFileSync(new URL("../dist/templates.json", import.meta.url), JSON.stringify(index));
