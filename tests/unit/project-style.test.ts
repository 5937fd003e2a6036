// Every generated file is formatted by the project's own Prettier config, and its CI workflow is what CI runs.
// (If the formatting test fails after a template edit: `npm run format:templates`.)
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import * as prettier from "prettier";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ciWorkflowPath, placeholderBuildEnv } from "../../src/ci-workflow.js";
import { generate } from "../../src/generate.js";
import { commands } from "../../src/package-manager.js";
import { combinations, projectOptions, removeDir, tempDir, workflowChecks } from "../helpers.js";

const root = tempDir("ccs-style-");
afterAll(() => removeDir(root));

/**
 * The project's files that its `prettier --check .` looks at (not ignored, with a parser) and finds unformatted;
 * with `only`, among those paths.
 */
async function unformattedFiles(tree: Map<string, string>, dir: string, only?: Set<string>): Promise<string[]> {
  for (const [path, contents] of tree) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), contents);
  }
  const ignorePath = [join(dir, ".gitignore"), join(dir, ".prettierignore")];
  const unformatted: string[] = [];
  for (const [path, contents] of tree) {
    if (only && !only.has(path)) continue;
    const file = join(dir, path);
    const info = await prettier.getFileInfo(file, { ignorePath });
    if (info.ignored || !info.inferredParser) continue;
    const config = await prettier.resolveConfig(file, { editorconfig: false });
    if (!(await prettier.check(contents, { ...config, filepath: file }))) unformatted.push(path);
  }
  return unformatted;
}

interface Workflow {
  jobs: Record<
    string,
    { env?: Record<string, string>; steps: { uses?: string; run?: string; with?: Record<string, unknown> }[] }
  >;
}

describe.each(combinations)(
  "--frontend=$frontend --payments=$payments --orgs=$orgs",
  ({ frontend, payments, orgs }) => {
    it.each(["npm", "pnpm", "yarn", "bun"] as const)(
      "with %s: every file is formatted by the project's Prettier config",
      async (pm) => {
        const tree = generate(projectOptions({ frontend, payments, orgs, pm }));
        const dir = join(root, `${frontend}-${payments}-${orgs}-${pm}`);
        expect(tree.get(".prettierrc.json")).toBeDefined();
        // Another package manager changes a few files (README commands, the workflow, its config): the rest are
        // checked in npm's project, under the same or fewer ignore rules.
        const npmTree = pm === "npm" ? undefined : generate(projectOptions({ frontend, payments, orgs }));
        const changed = npmTree && new Set([...tree.keys()].filter((path) => tree.get(path) !== npmTree.get(path)));
        if (changed) expect(changed.size).toBeGreaterThan(0);
        expect(await unformattedFiles(tree, dir, changed)).toEqual([]);
      },
    );

    it.each(["npm", "pnpm", "yarn", "bun"] as const)("with %s: the CI workflow installs, checks and builds", (pm) => {
      const tree = generate(projectOptions({ frontend, payments, orgs, pm }));
      const workflow = parse(tree.get(ciWorkflowPath)!) as Workflow;
      const job = workflow.jobs.check!;
      const runs = job.steps.flatMap((step) => (step.run ? [step.run] : []));
      const { run } = commands[pm];
      const install = {
        npm: "npm ci",
        pnpm: "pnpm install --frozen-lockfile",
        yarn: "yarn install --frozen-lockfile",
        bun: "bun install --frozen-lockfile",
      }[pm];
      // The rendered UI tests run beside the backend's where the project has a React frontend.
      const checks = workflowChecks(frontend);
      expect(runs.slice(-checks.length - 1)).toEqual([install, ...checks.map((s) => `${run} ${s}`)]);
      const pkg = JSON.parse(tree.get("package.json")!);
      for (const script of checks) expect(pkg.scripts[script]).toBeTruthy();
      const uses = job.steps.flatMap((step) => (step.uses ? [step.uses.split("@")[0]] : []));
      expect(uses).toContain("actions/checkout");
      expect(uses).toContain("actions/setup-node");
      if (pm === "pnpm") expect(uses.indexOf("pnpm/action-setup")).toBeLessThan(uses.indexOf("actions/setup-node"));
      if (pm === "bun") expect(uses).toContain("oven-sh/setup-bun");
      const cache = job.steps.find((step) => step.uses?.startsWith("actions/setup-node"))?.with?.cache;
      expect(cache).toBe(pm === "bun" ? undefined : pm);
      // The build's placeholders name exactly the public keys the frontend's .env.example lists.
      expect(job.env ?? {}).toEqual(placeholderBuildEnv[frontend]);
      for (const name of Object.keys(job.env ?? {})) expect(tree.get(".env.example")).toContain(name);
    });
  },
);

it("a layer's own workflow replaces the generated one", async () => {
  const { composeLayers, layerNames } = await import("../../src/generate.js");
  const { builtInLayer } = await import("../../src/layers.js");
  const options = projectOptions();
  const custom = { name: "x", files: new Map([[ciWorkflowPath, "name: mine\n"]]), parts: new Map() };
  const tree = composeLayers([...layerNames(options).map(builtInLayer), custom], options);
  expect(tree.get(ciWorkflowPath)).toBe("name: mine\n");
});
