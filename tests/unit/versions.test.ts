import { describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import { builtInLayer, builtInLayerNames } from "../../src/layers.js";
import semver from "semver";
import { packageJsonText } from "../../src/package-json.js";
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

  it("gives each line the newest majors its Node supports: Node 22's ranges are never older than Node 20's", () => {
    for (const dep of Object.keys(dependencyVersionMap)) {
      const [old, current] = lines.map((line) => semver.minVersion(versionFor(dep, line)!)!);
      expect(semver.gte(current!, old!), dep).toBe(true);
    }
  });

  it.each(["20.19.0", "20.20.2", "22.13.0", "24.0.0", "26.0.0"])(
    "a project written on Node %s admits that Node in its engines",
    (version) => {
      expect(semver.satisfies(version, nodeLines[nodeLineFor(version)].engines)).toBe(true);
    },
  );

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
