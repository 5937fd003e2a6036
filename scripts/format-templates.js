// Formats the template layers with the Prettier config the generated projects get (templates/base/_prettierrc.json),
// so every generated file passes the project's `format:check`. `npm run format:templates`; `--check` only checks.
// Skipped: the files tools write (convex codegen's copy, TanStack's route tree) and the docs at templates/*.md.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import * as prettier from "prettier";

const templates = fileURLToPath(new URL("../templates/", import.meta.url));
const config = JSON.parse(readFileSync(join(templates, "base/_prettierrc.json"), "utf8"));
const check = process.argv.includes("--check");
const skip = (path) =>
  path.startsWith("_convex_generated/") || path.endsWith("routeTree.gen.ts") || !path.includes("/");

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}

const unformatted = [];
for (const file of walk(templates)) {
  const path = relative(templates, file);
  if (skip(path)) continue;
  // Stored names (`_prettierrc.json`, `_gitignore`): the parser comes from the extension; no parser, no formatting.
  const { inferredParser } = await prettier.getFileInfo(file);
  if (!inferredParser) continue;
  const text = readFileSync(file, "utf8");
  const formatted = await prettier.format(text, { ...config, filepath: file });
  if (formatted === text) continue;
  unformatted.push(path);
  if (!check) writeFileSync(file, formatted);
}
console.log(
  unformatted.length === 0
    ? "Every template file is formatted."
    : `${check ? "Not formatted" : "Formatted"}: ${unformatted.length} files\n${unformatted.map((p) => `  ${p}`).join("\n")}`,
);
if (check && unformatted.length > 0) process.exitCode = 1;
