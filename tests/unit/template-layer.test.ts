// A --template layer composes like a built-in feature: the fixture layer tests/fixtures/layers/sign-ins adds a table,
// a Clerk webhook handler, a user.deleted cleanup, a dashboard panel and a README section through slots, replacing no
// file. (tests/integration.test.ts installs, tests and builds a project with it.)
import { join } from "node:path";
import { format } from "prettier";
import { describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import { RECORD_PATH } from "../../src/record.js";
import { readLayer } from "../../src/layers.js";
import { projectOptions, repoRoot } from "../helpers.js";
import { importCycles } from "../import-graph.js";

export const signInsLayer = join(repoRoot, "tests/fixtures/layers/sign-ins");
const layer = readLayer(signInsLayer, "sign-ins");

describe.each([
  { frontend: "vite", payments: "clerk", orgs: true },
  { frontend: "next", payments: "none", orgs: false },
  { frontend: "none", payments: "none", orgs: true },
] as const)("the sign-ins layer on --frontend=$frontend --payments=$payments --orgs=$orgs", (combination) => {
  const options = projectOptions(combination);
  const without = generate(options);
  const tree = generate(options, [layer]);

  it("adds its files and replaces none of the project's", () => {
    for (const path of layer.files.keys()) expect(without.has(path), path).toBe(false);
    // convex-saas.json records every file, the layer's too.
    for (const path of without.keys())
      if (!changedByParts.has(path) && path !== RECORD_PATH) expect(tree.get(path), path).toBe(without.get(path));
  });

  it("lists its table, its event handler, its cleanup and its panel where every feature is listed", () => {
    expect(tree.get("convex/schema.ts")).toContain("  ...signInTables,\n});");
    const events = tree.get("convex/clerkEvents.ts")!;
    expect(events).toContain('import { deleteSignInsOf, signInEventHandlers } from "./model/signIns";');
    expect(events).toContain("  signIns: deleteSignInsOf,\n");
    expect(events).toContain("  ...signInEventHandlers,\n");
    expect(tree.get("README.md")).toContain("## Sign-ins");
    if (combination.frontend === "none") expect(tree.has("src/dashboard-sections.tsx")).toBe(false);
    else expect(tree.get("src/dashboard-sections.tsx")).toMatch(/dashboardPanels[^;]*signIns: SignIns,\n};/);
    expect(tree.get("convex/_generated/api.d.ts")).toContain("signIns: typeof signIns;");
  });

  it("keeps the project formatted and its imports one-way", async () => {
    for (const path of layer.parts.keys()) {
      const text = tree.get(path);
      if (text === undefined) continue;
      expect(await format(text, { filepath: path, printWidth: 100 }), path).toBe(text);
    }
    expect(importCycles(tree)).toEqual([]);
  });
});

/** The shared files the layer extends (its parts' targets). */
const changedByParts = new Set([...layer.parts.keys(), "convex/_generated/api.d.ts"]);
