import { describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import { builtInLayer, builtInLayerNames } from "../../src/layers.js";
import { nextSteps } from "../../src/next-steps.js";
import { packageJsonText } from "../../src/package-json.js";
import { packageManagerSpec } from "../../src/package-manager.js";
import {
  dependencyVersionMap,
  nodeLineFor,
  nodeLines,
  versionFor,
  versionFromMap,
  type NodeLine,
} from "../../src/versions.js";
import { combinations, projectOptions } from "../helpers.js";

const lines: NodeLine[] = [20, 22];

describe("the version map", () => {
  it("names every dependency of every built-in layer, and the layers carry no range of their own", () => {
    const named = new Set<string>();
    for (const name of builtInLayerNames()) {
      const fragment = builtInLayer(name).packageJson ?? {};
      for (const field of ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"] as const) {
        for (const [dep, range] of Object.entries((fragment[field] ?? {}) as Record<string, string>)) {
          expect(range, `${dep} in ${name}/package.json`).toBe(versionFromMap);
          for (const line of lines)
            expect(versionFor(dep, line), `${dep} for Node ${line}`).toMatch(/^[~^]\d+\.\d+\.\d+$/);
          named.add(dep);
        }
      }
      const engines = (fragment.engines ?? {}) as Record<string, string>;
      if (engines.node) expect(engines.node, `engines.node in ${name}`).toBe(versionFromMap);
    }
    // Nothing in the map that no layer uses.
    expect([...named].sort()).toEqual(Object.keys(dependencyVersionMap).sort());
  });

  it.each(lines)("Node %s: generated package.json files hold only the map's ranges and the line's engines", (node) => {
    for (const { frontend, payments } of combinations) {
      const pkg = JSON.parse(generate(projectOptions({ frontend, payments, node })).get("package.json")!);
      expect(pkg.engines.node).toBe(nodeLines[node].engines);
      for (const [dep, range] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
        expect(range, dep).toBe(versionFor(dep, node));
      }
      const readme = generate(projectOptions({ frontend, payments, node })).get("README.md")!;
      expect(readme).toContain(`You need Node.js ${nodeLines[node].readme},`);
    }
  });

  it("holds Node 20 to the versions that support it and gives Node 22 the current majors", () => {
    const old = JSON.parse(generate(projectOptions({ node: 20 })).get("package.json")!);
    const current = JSON.parse(generate(projectOptions({ node: 22 })).get("package.json")!);
    expect(old.dependencies.convex).toBe("~1.48.0");
    expect(old.dependencies.svix).toMatch(/^\^1\./);
    expect(old.devDependencies.vitest).toMatch(/^\^4\./);
    expect(current.dependencies.convex).toMatch(/^\^1\.(49|[5-9]\d)\./);
    expect(current.dependencies.svix).toMatch(/^\^2\./);
    expect(current.devDependencies.vitest).toMatch(/^\^5\./);
    expect(old.engines.node).toMatch(/^\^20\.19\.0 \|\|/);
    expect(current.engines.node).not.toMatch(/\b20\./);
  });

  it("chooses the line from the Node version that runs the CLI", () => {
    expect(nodeLineFor("20.19.0")).toBe(20);
    expect(nodeLineFor("20.20.2")).toBe(20);
    expect(nodeLineFor("22.12.0")).toBe(20);
    expect(nodeLineFor("22.13.0")).toBe(22);
    expect(nodeLineFor("24.21.0")).toBe(22);
    expect(nodeLineFor("26.0.0")).toBe(22);
  });

  it("resolves the marker in any layer, keeps explicit ranges, and refuses a marker the map cannot fill", () => {
    const text = packageJsonText("demo", [{ dependencies: { convex: versionFromMap, zod: "^4.0.0" } }], { node: 22 });
    expect(JSON.parse(text).dependencies).toEqual({ convex: versionFor("convex", 22), zod: "^4.0.0" });
    expect(() => packageJsonText("demo", [{ devDependencies: { "left-pad": versionFromMap } }], { node: 20 })).toThrow(
      /"left-pad": "<versions.ts>" names no dependency of the version map/,
    );
  });
});

describe("packageManager", () => {
  it("is name@version from the user agent when that manager is the one chosen", () => {
    expect(packageManagerSpec("pnpm", "pnpm/10.12.1 npm/? node/v22.12.0 linux x64")).toBe("pnpm@10.12.1");
    expect(packageManagerSpec("yarn", "yarn/4.18.1 npm/? node/v20.20.2 linux x64")).toBe("yarn@4.18.1");
    expect(packageManagerSpec("bun", "bun/1.4.5 npm/? node/v24.3.0 linux x64")).toBe("bun@1.4.5");
    expect(packageManagerSpec("npm", "npm/11.19.1 node/v20.20.2 linux x64 workspaces/false")).toBe("npm@11.19.1");
    expect(packageManagerSpec("pnpm", "pnpm/11.0.0-rc.1 npm/? node/v22.12.0")).toBe("pnpm@11.0.0-rc.1");
    // --pm other than the manager that ran us, or no exact version: omitted.
    expect(packageManagerSpec("pnpm", "npm/11.19.1 node/v20.20.2 linux x64")).toBeUndefined();
    expect(packageManagerSpec("npm", "")).toBeUndefined();
    expect(packageManagerSpec("yarn", "yarn/? npm/? node/v20")).toBeUndefined();
  });

  it("is written last in package.json when known, and absent otherwise", () => {
    const withField = JSON.parse(
      generate(projectOptions({ pm: "pnpm", packageManager: "pnpm@12.21.0" })).get("package.json")!,
    );
    expect(withField.packageManager).toBe("pnpm@12.21.0");
    expect(Object.keys(withField).at(-1)).toBe("packageManager");
    expect(JSON.parse(generate(projectOptions({ pm: "pnpm" })).get("package.json")!)).not.toHaveProperty(
      "packageManager",
    );
  });
});

describe("yarn layer", () => {
  it("makes Yarn 2+ install into node_modules and ignores its state; other managers get neither", () => {
    const tree = generate(projectOptions({ pm: "yarn" }));
    expect(tree.get(".yarnrc.yml")).toMatch(/^nodeLinker: node-modules$/m);
    expect(tree.get(".gitignore")).toContain(".yarn/*");
    expect(tree.get(".gitignore")).toContain(".pnp.*");
    for (const pm of ["npm", "pnpm", "bun"] as const) {
      const other = generate(projectOptions({ pm }));
      expect(other.has(".yarnrc.yml")).toBe(false);
      expect(other.get(".gitignore")).not.toContain(".yarn/");
    }
  });
});

describe("next steps", () => {
  const dir = "/work/app";
  it("on the Node 20 line, end with one line on Node 20's end of life and what Node 22 gives", () => {
    const steps = nextSteps(dir, projectOptions({ node: 20 }), true, "/work");
    const notes = steps.filter((line) => /end-of-life/.test(line));
    expect(notes).toHaveLength(1);
    expect(steps.at(-1)).toBe(notes[0]);
    expect(notes[0]).toContain("Node 20 is end-of-life since April 2026");
    expect(notes[0]).toContain(`convex ${versionFor("convex", 22)}`);
    expect(notes[0]).toContain(`svix ${versionFor("svix", 22)}`);
    expect(nextSteps(dir, projectOptions({ node: 22 }), true, "/work").join("\n")).not.toMatch(/end-of-life|Node 20/);
  });
});
