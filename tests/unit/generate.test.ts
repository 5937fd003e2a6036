import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { convexGenerated, convexModules, installedComponents } from "../../src/convex-codegen.js";
import { composeLayers, generate, layerNames } from "../../src/generate.js";
import { builtInFiles, builtInLayer, builtInLayerNames, listFiles, type Layer } from "../../src/layers.js";
import { commands } from "../../src/package-manager.js";
import { mergeFragments, packageJsonText } from "../../src/package-json.js";
import { optionDefs } from "../../src/options.js";
import { parseSlotPart } from "../../src/slots.js";
import { nodeLineFor, nodeLines } from "../../src/versions.js";
import { combinations, projectOptions, templatesDir } from "../helpers.js";

const layer = (
  name: string,
  files: Record<string, string>,
  packageJson?: object,
  parts: Record<string, Record<string, string>> = {},
): Layer => ({
  name,
  files: new Map(Object.entries(files)),
  parts: new Map(Object.entries(parts).map(([target, p]) => [target, new Map(Object.entries(p))])),
  packageJson: packageJson as Layer["packageJson"],
});

describe("composeLayers", () => {
  const options = projectOptions({ name: "demo", pm: "pnpm" });

  it("lets later layers replace files and parts, renames dotfiles, assembles parts in name order", () => {
    const tree = composeLayers(
      [
        layer("a", { "x.ts": "a", _gitignore: "node_modules\n", "app/_components/c.tsx": "c" }, undefined, {
          "README.md": { "10-b.md": "B from a", "00-a.md": "# {{name}}" },
        }),
        layer("b", { "x.ts": "b" }, undefined, {
          "README.md": { "10-b.md": "Run `{{run}} dev` and `{{exec}} convex dev`, keep {{unknown}}" },
        }),
      ],
      options,
    );
    expect(tree.get("x.ts")).toBe("b");
    expect(tree.get(".gitignore")).toBe("node_modules\n");
    expect(tree.has("_gitignore")).toBe(false);
    expect(tree.has("app/_components/c.tsx")).toBe(true);
    expect(tree.get("README.md")).toBe("# demo\n\nRun `pnpm dev` and `pnpm exec convex dev`, keep {{unknown}}\n");
  });

  it("never fills placeholders outside Markdown (JSX uses double braces)", () => {
    const tree = composeLayers([layer("a", { "a.tsx": "<div style={{name}} />" })], options);
    expect(tree.get("a.tsx")).toBe("<div style={{name}} />");
  });

  it("merges package.json fragments: later scripts win, dependencies merge and sort", () => {
    const merged = mergeFragments([
      { scripts: { dev: "a", test: "t" }, dependencies: { z: "1", a: "1" } },
      { scripts: { dev: "b" }, dependencies: { m: "2" }, engines: { node: ">=20.19" } },
    ]);
    expect(merged).toEqual({
      scripts: { dev: "b", test: "t" },
      dependencies: { z: "1", a: "1", m: "2" },
      engines: { node: ">=20.19" },
    });
    const pkg = JSON.parse(
      packageJsonText("demo", [{ name: "ignored", dependencies: { z: "1", a: "1" } }], { node: 22 }),
    );
    expect(pkg.name).toBe("demo");
    expect(pkg.private).toBe(true);
    expect(Object.keys(pkg.dependencies)).toEqual(["a", "z"]);
  });
});

describe("convex/_generated", () => {
  it("lists the Convex modules as codegen does: no schema, no two-dot files, code-unit order", () => {
    const paths = [
      "convex/users.ts",
      "convex/schema.ts",
      "convex/auth.config.ts",
      "convex/users.test.ts",
      "convex/test.setup.ts",
      "convex/http.ts",
      "convex/Zeta.ts",
      "convex/lib/my-helpers.ts",
      "convex/_generated/api.d.ts",
      "convex/README.md",
      "src/x.ts",
    ];
    expect(convexModules(paths)).toEqual(["Zeta", "http", "lib/my-helpers", "users"]);
    const api = convexGenerated(new Map(paths.map((path) => [path, ""]))).get("convex/_generated/api.d.ts")!;
    expect(api).toContain('import type * as lib_my_helpers from "../lib/my-helpers.js";');
    expect(api).toContain('  "lib/my-helpers": typeof lib_my_helpers;');
    expect(api).toContain("  Zeta: typeof Zeta;");
    expect(api).toMatch(/^export declare const components: \{\};$/m);
  });

  it("types the components convex.config.ts installs, by their default name or the one given", () => {
    const config = [
      'import polar from "@convex-dev/polar/convex.config";',
      'import rateLimiter from "@convex-dev/rate-limiter/convex.config.js";',
      'import { defineApp } from "convex/server";',
      "const app = defineApp();",
      "app.use(polar);",
      'app.use(rateLimiter, { name: "limits" });',
      "export default app;",
    ].join("\n");
    expect(installedComponents(config)).toEqual([
      { name: "polar", source: "@convex-dev/polar" },
      { name: "limits", source: "@convex-dev/rate-limiter" },
    ]);
    const api = convexGenerated(new Map([["convex/convex.config.ts", config]])).get("convex/_generated/api.d.ts")!;
    expect(api).toContain(
      [
        "export declare const components: {",
        '  polar: import("@convex-dev/polar/_generated/component.js").ComponentApi<"polar">;',
        '  limits: import("@convex-dev/rate-limiter/_generated/component.js").ComponentApi<"limits">;',
        "};",
      ].join("\n"),
    );
    expect(convexModules(["convex/convex.config.ts"])).toEqual([]);
  });
});

describe.each(combinations)("generate(%o)", ({ frontend, payments, orgs }) => {
  const tree = generate(projectOptions({ frontend, payments, orgs }));
  const paths = [...tree.keys()];
  const pkg = JSON.parse(tree.get("package.json")!);

  it("writes the backend, its tests and convex/_generated for exactly its modules", () => {
    for (const path of [
      "convex/schema.ts",
      "convex/users.ts",
      "convex/http.ts",
      "convex/auth.config.ts",
      "convex/_generated/api.d.ts",
    ]) {
      expect(paths).toContain(path);
    }
    expect(paths.some((p) => /^convex\/.+\.test\.ts$/.test(p))).toBe(true);
    expect(paths.includes("convex/paymentAttempts.ts")).toBe(payments === "clerk");
    expect(paths.includes("convex/polarWebhook.ts")).toBe(payments === "polar");
    expect(tree.get("convex/convex.config.ts")!.includes("app.use(polar)")).toBe(payments === "polar");
    const api = tree.get("convex/_generated/api.d.ts")!;
    for (const module of convexModules(paths)) expect(api).toContain(`typeof ${module.replace(/\W/g, "_")};`);
    expect(tree.get("convex/schema.ts")!.includes("paymentTables")).toBe(payments === "clerk");
    expect(api.includes('ComponentApi<"polar">')).toBe(payments === "polar");
    expect(tree.get("convex/schema.ts")!.includes("orgTables")).toBe(orgs);
    expect(paths.includes("convex/organizations.ts")).toBe(orgs);
  });

  it("leaves no stored names, part folders or unfilled placeholders", () => {
    for (const path of paths) {
      expect(path).not.toMatch(/(^|\/)_(gitignore|env\.example|npmrc)$/);
      expect(path).not.toMatch(/\.d\//);
    }
    for (const [path, text] of tree) if (path.endsWith(".md")) expect(text, path).not.toMatch(/\{\{\w+\}\}/);
    expect(paths).toContain(".gitignore");
    expect(paths).toContain(".env.example");
  });

  it("has a package.json with the scripts, engines and no duplicate dependency", () => {
    expect(pkg.name).toBe("my-app");
    for (const script of ["dev", "build", "test", "typecheck"])
      expect(pkg.scripts[script], script).toBeTypeOf("string");
    expect(pkg.engines.node).toBe(nodeLines[nodeLineFor(process.versions.node)].engines);
    const deps = Object.keys(pkg.dependencies ?? {});
    for (const dev of Object.keys(pkg.devDependencies ?? {})) expect(deps).not.toContain(dev);
  });

  it("uses current APIs: no next/font/google, no removed Clerk components, no `any` validators", () => {
    for (const [path, text] of tree) {
      // convex/_generated and *.gen.ts (TanStack's route tree) are written by tools, not by hand.
      if (!/\.(ts|tsx)$/.test(path) || path.startsWith("convex/_generated/") || path.endsWith(".gen.ts")) continue;
      expect(text, path).not.toContain("next/font/google");
      expect(text, path).not.toMatch(/<(SignedIn|SignedOut|Protect)\b/);
      expect(text, path).not.toMatch(/\.filter\(\s*\(?q\)?\s*=>/); // Convex: indexes, not .filter
    }
  });

  it("lists every env var the code reads in .env.example", () => {
    const env = tree.get(".env.example")!;
    for (const [path, text] of tree) {
      if (!/\.(ts|tsx)$/.test(path) || /\.test\.ts$/.test(path) || path.startsWith("convex/_generated/")) continue;
      for (const [, name] of text.matchAll(/(?:process\.env|import\.meta\.env|\benv)\.([A-Z][A-Z0-9_]+)/g)) {
        expect(env, `${name} (read in ${path})`).toContain(name);
      }
    }
  });

  it("writes README commands for the chosen package manager", () => {
    for (const pm of ["npm", "pnpm", "yarn", "bun"] as const) {
      const readme = generate(projectOptions({ frontend, payments, pm })).get("README.md")!;
      expect(readme).toContain(`${commands[pm].run} dev`);
      if (pm !== "npm") expect(readme).not.toMatch(/\bnpm run\b|\bnpx\b/);
    }
  });
});

describe("layers: a feature is one layer", () => {
  const frontendLayers = new Set(optionDefs.frontend.choices.flatMap((choice) => choice.layers));
  // The layers of the features: every project option but the frontend and the package manager.
  const featureLayers = new Set(
    Object.values(optionDefs)
      .filter((def) => def.scope === "project" && def !== optionDefs.frontend && def !== optionDefs.pm)
      .flatMap((def) => (def.kind === "boolean" ? (def.layers ?? []) : def.choices.flatMap((c) => c.layers))),
  );

  it("applies base, the frontend, the features, the package manager, then the overlays where a frontend meets a feature", () => {
    expect(layerNames({ frontend: "next", payments: "clerk", orgs: true, pm: "pnpm" })).toEqual([
      "base",
      "react",
      "next",
      "billing",
      "clerk-billing",
      "orgs",
      "pnpm",
      "next+billing",
      "next+orgs",
      "react+billing",
      "react+clerk-billing",
      "react+orgs",
    ]);
    expect(layerNames({ frontend: "none", payments: "clerk", orgs: true, pm: "npm" })).toEqual([
      "base",
      "none",
      "billing",
      "clerk-billing",
      "orgs",
    ]);
  });

  it("has no layer for a pair of features: an overlay is one frontend layer and one feature layer", () => {
    for (const overlay of builtInLayerNames().filter((name) => name.includes("+"))) {
      const [frontend, feature, ...rest] = overlay.split("+");
      expect([frontendLayers.has(frontend!), featureLayers.has(feature!), rest], overlay).toEqual([true, true, []]);
    }
  });

  it.each(combinations)("%o: no layer replaces a file or a part of another layer", (combination) => {
    for (const pm of optionDefs.pm.choices.map((choice) => choice.value)) {
      const owner = new Map<string, string>();
      for (const name of layerNames({ ...combination, pm })) {
        const layer = builtInLayer(name);
        const stored = [
          ...layer.files.keys(),
          ...[...layer.parts].flatMap(([t, p]) => [...p.keys()].map((k) => `${t}.d/${k}`)),
        ];
        for (const path of stored) {
          expect(owner.get(path), `${name}/${path}`).toBeUndefined();
          owner.set(path, name);
        }
      }
    }
  });

  it("fills only slots that exist: every slot a built-in part names is in some layer's frame", () => {
    const slots = new Set<string>();
    const named = new Set<string>();
    for (const name of builtInLayerNames()) {
      const layer = builtInLayer(name);
      const texts = [
        ...layer.files,
        ...[...layer.parts].flatMap(([t, p]) => [...p.values()].map((v) => [t, v] as const)),
      ];
      for (const [path, text] of texts)
        for (const [, a, b] of text.matchAll(/^\s*(?:\/\/ @slot ([\w-]+)|<!-- @slot ([\w-]+) -->)\s*$/gm))
          slots.add(`${path} ${a ?? b}`);
      for (const [target, parts] of layer.parts)
        for (const [part, text] of parts)
          for (const slot of parseSlotPart(text)?.entries.keys() ?? [])
            named.add(`${target} ${slot} (${name}/${part})`);
    }
    for (const entry of named) expect(slots, entry).toContain(entry.replace(/ \(.*\)$/, ""));
  });
});

describe("whole files and parts", () => {
  const options = projectOptions();
  it("a later whole file replaces earlier parts, and later parts extend a whole file", () => {
    const tree = composeLayers(
      [
        layer("a", {}, undefined, { _gitignore: { "00-a": "a" } }),
        layer("b", { _gitignore: "b\n" }),
        layer("c", {}, undefined, { _gitignore: { "10-c": "c" } }),
      ],
      options,
    );
    expect(tree.get(".gitignore")).toBe("b\n\nc\n");
  });
});

describe("package managers", () => {
  it("pnpm gets a pnpm-workspace.yaml that allows the builds the project needs; others do not", () => {
    const pnpm = generate(projectOptions({ pm: "pnpm" }));
    expect(pnpm.get("pnpm-workspace.yaml")).toMatch(/allowBuilds:\n {2}esbuild: true/);
    expect(pnpm.get("pnpm-workspace.yaml")).toMatch(/onlyBuiltDependencies:\n {2}- esbuild/);
    for (const pm of ["npm", "yarn", "bun"] as const)
      expect(generate(projectOptions({ pm })).has("pnpm-workspace.yaml")).toBe(false);
  });

  it("know each manager's install, run, exec and dlx commands", () => {
    expect(commands.npm).toEqual({ install: "npm install", run: "npm run", exec: "npx", dlx: "npx" });
    expect(commands.pnpm).toEqual({ install: "pnpm install", run: "pnpm", exec: "pnpm exec", dlx: "pnpm dlx" });
    expect(commands.yarn).toEqual({ install: "yarn install", run: "yarn", exec: "yarn", dlx: "yarn dlx" });
    expect(commands.bun).toEqual({ install: "bun install", run: "bun run", exec: "bunx", dlx: "bunx" });
    const yarnReadme = generate(projectOptions({ pm: "yarn" })).get("README.md")!;
    expect(yarnReadme).toContain("yarn convex dev");
    const bunReadme = generate(projectOptions({ pm: "bun" })).get("README.md")!;
    expect(bunReadme).toContain("bunx convex dev");
  });
});

describe("generated code and docs", () => {
  it.each(combinations)(
    "%o: no `any` in hand-written code, and the README covers the set-up",
    ({ frontend, payments, orgs }) => {
      const tree = generate(projectOptions({ frontend, payments, orgs }));
      for (const [path, text] of tree) {
        // convex/_generated and *.gen.ts (TanStack's route tree) are written by tools, not by hand.
        if (!/\.(ts|tsx)$/.test(path) || path.startsWith("convex/_generated/") || path.endsWith(".gen.ts")) continue;
        expect(text, path).not.toMatch(/v\.any\(\)|:\s*any\b|as any\b/);
      }
      const readme = tree.get("README.md")!;
      for (const needle of [
        "convex.site/clerk-users-webhook",
        "npx convex env set CLERK_JWT_ISSUER_DOMAIN",
        "npx convex env set CLERK_WEBHOOK_SECRET",
        "user.created",
        "convex deploy",
        "npm run webhook:send",
      ]) {
        expect(readme, needle).toContain(needle);
      }
      expect(readme.includes("paymentAttempt.updated")).toBe(payments === "clerk");
      expect(readme.includes("POLAR_WEBHOOK_SECRET")).toBe(payments === "polar");
    },
  );
});

describe("dependencies", () => {
  // Where a package shows up when not under its own name: a binary, a config value, a peer it serves.
  const usedAs: Record<string, string[]> = {
    typescript: ["tsc"],
    "@edge-runtime/vm": ["edge-runtime"],
    "react-dom": ["react-dom", "next", "@tanstack/react-start"], // a peer dependency of next and of TanStack Start
    "@testing-library/dom": ["@testing-library/react"], // the peer dependency of Testing Library's React and user-event
  };
  const namesFor = (dep: string): string[] => {
    const typed = dep.startsWith("@types/") ? dep.slice("@types/".length) : undefined;
    return typed ? namesFor(typed) : (usedAs[dep] ?? [dep]);
  };

  it.each(combinations)("%o: every dependency is used by the project", ({ frontend, payments, orgs }) => {
    const tree = generate(projectOptions({ frontend, payments, orgs }));
    const pkg = JSON.parse(tree.get("package.json")!);
    const files = [...tree]
      .filter(([path]) => path !== "package.json" && !path.endsWith(".md"))
      .map(([, text]) => text);
    const words = Object.values(pkg.scripts as Record<string, string>)
      .join(" ")
      .split(/[\s"]+/);
    const mentioned = (name: string) =>
      words.includes(name) || files.some((text) => text.includes(`"${name}`) || text.includes(`'${name}`));
    for (const dep of Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })) {
      expect(namesFor(dep).some(mentioned), `${dep} is never used`).toBe(true);
    }
  });
});

describe("the built-in template archive (dist/templates.br, written by npm run build)", () => {
  const folders = readdirSync(templatesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

  it("holds exactly the files of every folder of templates/, byte-for-byte", () => {
    const archive = builtInFiles();
    expect(folders).toContain("_convex_generated");
    expect([...archive.keys()].sort()).toEqual(folders);
    for (const folder of folders) {
      const files = archive.get(folder)!;
      const paths = listFiles(join(templatesDir, folder));
      expect([...files.keys()], folder).toEqual(paths);
      for (const path of paths) {
        const onDisk = readFileSync(join(templatesDir, folder, path));
        expect(Buffer.from(files.get(path)!).equals(onDisk), `${folder}/${path} differs from the archive`).toBe(true);
      }
    }
  });

  it("names as built-in layers the folders not starting with _", () => {
    expect(builtInLayerNames().sort()).toEqual(folders.filter((name) => !name.startsWith("_")));
    expect(() => builtInLayer("_convex_generated")).toThrow('No built-in layer "_convex_generated".');
  });
});

describe("typecheck script", () => {
  it.each(combinations)(
    "%o: checks the backend and webhooks/ whatever the frontend",
    ({ frontend, payments, orgs }) => {
      const pkg = JSON.parse(generate(projectOptions({ frontend, payments, orgs })).get("package.json")!);
      expect(pkg.scripts.typecheck).toContain("tsc -p convex");
      expect(pkg.scripts.typecheck).toContain("tsc -p webhooks");
    },
  );
});

describe("static hosting config", () => {
  it("the Vite app's vercel.json sends every path to index.html, so /dashboard survives a reload", () => {
    const vercel = JSON.parse(generate(projectOptions({ frontend: "vite" })).get("vercel.json")!) as {
      rewrites: { source: string; destination: string }[];
    };
    const rule = vercel.rewrites.find((r) => r.destination === "/index.html");
    expect(rule).toBeDefined();
    // Vercel sources are path-to-regexp patterns: "/(.*)" matches every path.
    const pattern = new RegExp(`^${rule!.source.replace(/\(\.\*\)/g, ".*")}$`);
    for (const path of ["/", "/dashboard", "/dashboard/pro"]) expect(path).toMatch(pattern);
  });
});
