// Bundles src/ into dist/: one entry plus lazy chunks (prompts, install, git), zero runtime dependencies.
import { build } from "esbuild";
import { rmSync } from "node:fs";

rmSync(new URL("../dist", import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: ["src/cli.ts"],
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20.19",
  minify: true,
  legalComments: "none",
  // Chunks sit beside cli.js, so `../templates/` resolves the same from every module.
  chunkNames: "[name]-[hash]",
  // CommonJS dependencies (validate-npm-package-name) call require() for built-ins.
  banner: { js: 'import { createRequire as __cr } from "node:module"; const require = __cr(import.meta.url);' },
  logLevel: "warning",
});
