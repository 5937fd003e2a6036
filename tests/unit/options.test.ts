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
import { combinations, templatesDir } from "../helpers.js";

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
