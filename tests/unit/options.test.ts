import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtInLayerNames } from "../../src/layers.js";
import {
  checkChoice,
  defaults,
  nodeRequirement,
  optionDefs,
  projectOptionKeys,
  projectValues,
  selectedLayers,
} from "../../src/options.js";
import { layerNames } from "../../src/generate.js";
import { combinations, installedCombinations, templatesDir } from "../helpers.js";

describe("option declarations", () => {
  it("name a template folder for every layer they select", () => {
    for (const def of Object.values(optionDefs)) {
      const layers = def.kind === "choice" ? def.choices.flatMap((c) => c.layers) : (def.layers ?? []);
      for (const layer of layers) expect(existsSync(join(templatesDir, layer)), layer).toBe(true);
    }
  });

  it("only have overlays whose parts are real layers", () => {
    const layers = builtInLayerNames();
    for (const overlay of layers.filter((name) => name.includes("+"))) {
      for (const part of overlay.split("+")) expect(layers, overlay).toContain(part);
    }
  });

  it("have defaults that are allowed values, and distinct flags", () => {
    for (const def of Object.values(optionDefs)) {
      if (def.kind === "choice") expect(checkChoice(def, def.default), def.flag).toBeUndefined();
    }
    const flags = Object.values(optionDefs).map((def) => def.flag);
    expect(new Set(flags).size).toBe(flags.length);
  });

  it("say which choice needs a newer Node line", () => {
    expect(nodeRequirement({ frontend: "start", payments: "clerk" })).toEqual({ line: 22, by: "TanStack Start" });
    for (const frontend of ["next", "vite", "none"] as const) expect(nodeRequirement({ frontend })).toBeUndefined();
  });
});

describe("selectedLayers", () => {
  it("puts base first, then the frontend's layers, then the features'", () => {
    expect(selectedLayers({ frontend: "vite", payments: "clerk" })).toEqual([
      "base",
      "react",
      "vite",
      "billing",
      "clerk-billing",
    ]);
    expect(selectedLayers({ frontend: "none", payments: "none" })).toEqual(["base", "none"]);
  });

  it("differs between any two combinations of the matrix: every option value shapes the project", () => {
    const seen = new Set(combinations.map((combination) => selectedLayers(combination).join(",")));
    expect(seen.size).toBe(combinations.length);
  });
});

describe("project options", () => {
  it("are the options that shape files: the run options (install, git) are not among them", () => {
    const project = projectValues(defaults());
    expect(Object.keys(project).sort()).toEqual([...projectOptionKeys].sort());
    expect(project).not.toHaveProperty("install");
    expect(project).not.toHaveProperty("git");
    for (const key of projectOptionKeys) expect(optionDefs[key].scope).toBe("project");
  });
});

describe("the combinations the integration test installs", () => {
  const keys = ["frontend", "payments", "orgs"] as const;

  it("hold every pair of values of two options, the defaults' combination, and Polar with every frontend", () => {
    for (const [i, a] of keys.entries()) {
      for (const b of keys.slice(i + 1)) {
        for (const combination of combinations) {
          const pair = { [a]: combination[a], [b]: combination[b] };
          expect(installedCombinations, JSON.stringify(pair)).toContainEqual(expect.objectContaining(pair));
        }
      }
    }
    const { frontend, payments, orgs } = defaults();
    expect(installedCombinations).toContainEqual({ frontend, payments, orgs });
    for (const { value } of optionDefs.frontend.choices) {
      expect(installedCombinations).toContainEqual(expect.objectContaining({ frontend: value, payments: "polar" }));
    }
    expect(installedCombinations).toContainEqual(expect.objectContaining({ payments: "polar", orgs: true }));
  });

  it("build every layer and overlay, and each React frontend with every feature", () => {
    const built = new Set(installedCombinations.flatMap((combination) => layerNames({ ...combination, pm: "npm" })));
    for (const layer of builtInLayerNames()) {
      if (["pnpm", "yarn"].includes(layer)) continue; // tests/pm-and-node.test.ts installs with each manager
      expect(built, layer).toContain(layer);
    }
    for (const frontend of ["next", "vite", "start"] as const) {
      expect(installedCombinations).toContainEqual({ frontend, payments: "clerk", orgs: true });
    }
  });
});
