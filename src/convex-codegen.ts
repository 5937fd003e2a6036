// Writes convex/_generated for exactly the Convex modules in the file map, byte-for-byte what
// `convex codegen` prints, so a fresh project type-checks before its first `convex dev`.
import { builtInFolder } from "./layers.js";

/** A file of templates/_convex_generated, from the built-in archive. */
let generated: Map<string, string> | undefined;
const read = (name: string) => (generated ??= builtInFolder("_convex_generated")!).get(name)!;

/** Paths under convex/ that Convex treats as function modules (it skips names with two dots, e.g. `*.test.ts`). */
export function convexModules(paths: Iterable<string>): string[] {
  const modules: string[] = [];
  for (const path of paths) {
    const match = /^convex\/(.+)\.(ts|tsx|js|jsx)$/.exec(path);
    if (!match) continue;
    const module = match[1]!;
    const base = module.slice(module.lastIndexOf("/") + 1);
    if (module.startsWith("_generated/") || base.includes(".") || module === "schema") continue;
    modules.push(module);
  }
  // Convex sorts by UTF-16 code units ("Zeta" before "http").
  return modules.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

const identifier = /^[A-Za-z_$][\w$]*$/;

function apiDts(modules: readonly string[]): string {
  const imports = modules.map((m) => `import type * as ${m.replace(/[^\w$]/g, "_")} from "../${m}.js";`);
  const entries = modules.map(
    (m) => `  ${identifier.test(m) ? m : JSON.stringify(m)}: typeof ${m.replace(/[^\w$]/g, "_")};`,
  );
  return `/* eslint-disable */
/**
 * Generated \`api\` utility.
 *
 * THIS CODE IS AUTOMATICALLY GENERATED.
 *
 * To regenerate, run \`npx convex dev\`.
 * @module
 */

import type {
  ApiFromModules,
  FilterApi,
  FunctionReference,
} from "convex/server";
${imports.join("\n")}

/**
 * A utility for referencing Convex functions in your app's API.
 *
 * Usage:
 * \`\`\`js
 * const myFunctionReference = api.myModule.myFunction;
 * \`\`\`
 */
declare const fullApi: ApiFromModules<{
${entries.join("\n")}
}>;
export declare const api: FilterApi<
  typeof fullApi,
  FunctionReference<any, "public">
>;
export declare const internal: FilterApi<
  typeof fullApi,
  FunctionReference<any, "internal">
>;
`;
}

/**
 * The files of convex/_generated for a project whose files are `paths`. Only api.d.ts depends on them: every
 * project has convex/schema.ts (the base layer's; layers add or replace files, never remove them), so
 * dataModel.d.ts is always the schema-typed one.
 */
export function convexGenerated(paths: Iterable<string>): Map<string, string> {
  return new Map([
    ["convex/_generated/api.d.ts", apiDts(convexModules(paths))],
    ["convex/_generated/api.js", read("api.js")],
    ["convex/_generated/dataModel.d.ts", read("dataModel.d.ts")],
    ["convex/_generated/server.d.ts", read("server.d.ts")],
    ["convex/_generated/server.js", read("server.js")],
  ]);
}
