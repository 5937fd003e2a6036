// Writes convex/_generated for exactly the Convex modules and components in the file map, byte-for-byte what
// `convex codegen` (and `convex dev`) writes with a deployment, so a fresh project type-checks before its first
// `convex dev` and that run changes nothing in it.
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

/** A Convex component the app installs (convex/convex.config.ts): its name and the package it comes from. */
export interface InstalledComponent {
  name: string;
  /** What convex.config.ts imports its definition from, without `/convex.config`: `@convex-dev/polar`. */
  source: string;
}

/**
 * The components `app.use(...)` installs in convex.config.ts, in order. A component's name is the `name` option if
 * given, else its package's default: the last part of the package name, as Convex's own components name themselves
 * (`defineComponent("polar")` in @convex-dev/polar). The integration test checks this against `convex codegen`.
 */
export function installedComponents(config: string | undefined): InstalledComponent[] {
  if (config === undefined) return [];
  const sources = new Map<string, string>();
  for (const [, local, source] of config.matchAll(/^import (\w+) from "([^"]+)\/convex\.config(?:\.js)?";$/gm)) {
    sources.set(local!, source!);
  }
  const components: InstalledComponent[] = [];
  for (const [, local, options] of config.matchAll(/\bapp\.use\((\w+)(?:,\s*(\{[^}]*\}))?\)/g)) {
    const source = sources.get(local!);
    if (source === undefined) continue;
    const name = /\bname:\s*"([^"]+)"/.exec(options ?? "")?.[1] ?? source.slice(source.lastIndexOf("/") + 1);
    components.push({ name, source });
  }
  return components;
}

/**
 * The deployment variables convex.config.ts declares (`NAME: v.string()` or `NAME: v.optional(v.string())`), in order:
 * codegen types them in server.d.ts's `Env`.
 */
export function declaredEnv(config: string | undefined): { name: string; optional: boolean }[] {
  if (config === undefined) return [];
  return [...config.matchAll(/^\s*([A-Z][A-Z0-9_]*): v\.(optional\(v\.string\(\)\)|string\(\)),$/gm)].map(
    ([, name, validator]) => ({ name: name!, optional: validator!.startsWith("optional") }),
  );
}

/** server.d.ts with the declared variables after the platform's in `Env`. */
function serverDts(variables: readonly { name: string; optional: boolean }[]): string {
  const platform = "  readonly CONVEX_SITE_URL: string;\n";
  const declared = variables.map(
    ({ name, optional }) => `  readonly ${name}: string${optional ? " | undefined" : ""};\n`,
  );
  return read("server.d.ts").replace(platform, platform + declared.join(""));
}

function apiDts(modules: readonly string[], components: readonly InstalledComponent[]): string {
  const imports = modules.map((m) => `import type * as ${m.replace(/[^\w$]/g, "_")} from "../${m}.js";`);
  const entries = modules.map(
    (m) => `  ${identifier.test(m) ? m : JSON.stringify(m)}: typeof ${m.replace(/[^\w$]/g, "_")};`,
  );
  const componentEntries = components.map(
    ({ name, source }) =>
      `  ${identifier.test(name) ? name : JSON.stringify(name)}: import("${source}/_generated/component.js").ComponentApi<"${name}">;`,
  );
  const componentsType = components.length === 0 ? "{}" : `{\n${componentEntries.join("\n")}\n}`;
  return `/* eslint-disable */
/**
 * Generated \`api\` utility.
 *
 * THIS CODE IS AUTOMATICALLY GENERATED.
 *
 * To regenerate, run \`npx convex dev\`.
 * @module
 */

${imports.join("\n")}

import type {
  ApiFromModules,
  FilterApi,
  FunctionReference,
} from "convex/server";

declare const fullApi: ApiFromModules<{
${entries.join("\n")}
}>;

/**
 * A utility for referencing Convex functions in your app's public API.
 *
 * Usage:
 * \`\`\`js
 * const myFunctionReference = api.myModule.myFunction;
 * \`\`\`
 */
export declare const api: FilterApi<
  typeof fullApi,
  FunctionReference<any, "public">
>;

/**
 * A utility for referencing Convex functions in your app's internal API.
 *
 * Usage:
 * \`\`\`js
 * const myFunctionReference = internal.myModule.myFunction;
 * \`\`\`
 */
export declare const internal: FilterApi<
  typeof fullApi,
  FunctionReference<any, "internal">
>;

export declare const components: ${componentsType};
`;
}

/**
 * The files of convex/_generated for a project whose files are `tree`: api.d.ts lists its modules and components,
 * server.d.ts types the variables convex.config.ts declares. Every project has convex/schema.ts (the base layer's; layers add or replace files, never remove them), so
 * dataModel.d.ts is always the schema-typed one.
 */
export function convexGenerated(tree: ReadonlyMap<string, string>): Map<string, string> {
  const config = tree.get("convex/convex.config.ts");
  const components = installedComponents(config);
  return new Map([
    ["convex/_generated/api.d.ts", apiDts(convexModules(tree.keys()), components)],
    ["convex/_generated/api.js", read("api.js")],
    ["convex/_generated/dataModel.d.ts", read("dataModel.d.ts")],
    ["convex/_generated/server.d.ts", serverDts(declaredEnv(config))],
    ["convex/_generated/server.js", read("server.js")],
  ]);
}
