// Bundles src/ into dist/ with zero runtime dependencies. The start-up path (bin → dist/cli.js) is one file;
// what only some runs need (prompts, install/git through execa, --template through giget) sits in lazy modules
// beside it, loaded by dynamic import.
import { build } from "esbuild";
import { readdirSync, rmSync, writeFileSync } from "node:fs";
import { builtinModules, createRequire } from "node:module";

const require = createRequire(import.meta.url);

const lazy = ["prompts", "install", "git", "remote"];
const common = {
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20.19",
  minify: process.env.BUILD_MINIFY !== "0",
  legalComments: "none",
  outdir: "dist",
  logLevel: "warning",
};

// `import { readFileSync } from "node:fs"` makes Node build the module's whole ESM namespace, which runs its lazy
// getters (fs loads every stream class, util the MIME parser): a few ms on every start. On the start-up path,
// built-ins are taken with process.getBuiltinModule (Node 20.16+) instead, and only the names used are read.
const builtinsWithoutNamespace = {
  name: "builtins-without-namespace",
  setup(b) {
    const names = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
    b.onResolve({ filter: /^(node:)?[a-z_/]+$/ }, (args) =>
      names.has(args.path) ? { path: args.path.replace(/^node:/, ""), namespace: "builtin", sideEffects: false } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "builtin" }, (args) => {
      const keys = Object.keys(require(args.path)).filter((key) => /^[A-Za-z_$][\w$]*$/.test(key) && key !== "default");
      // A pure call per name, so esbuild drops the names nobody imports and their getters never run.
      const exports = keys.map((key) => `export const ${key} = /* @__PURE__ */ get("${key}");`).join("\n");
      const contents = `const m = process.getBuiltinModule("node:${args.path}");\nconst get = (key) => m[key];\nexport default m;\n${exports}\n`;
      return { contents, loader: "js" };
    });
  },
};

rmSync(new URL("../dist", import.meta.url), { recursive: true, force: true });
await Promise.all([
  build({
    ...common,
    entryPoints: ["src/cli.ts"],
    plugins: [
      builtinsWithoutNamespace,
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
const layers = readdirSync(templates, { withFileTypes: true }).filter((e) => e.isDirectory() && !e.name.startsWith("_"));
const index = Object.fromEntries(layers.map((e) => [e.name, walk(new URL(`${e.name}/`, templates)).sort()]));
writeFileSync(new URL("../dist/templates.json", import.meta.url), JSON.stringify(index));
