// Generated projects installed for real by every package manager, on this machine's Node (20) and on Node 24: npm,
// pnpm, yarn 1, yarn 4 and bun, each from the npm registry into a temp prefix (pnpm, yarn@1, @yarnpkg/cli-dist@4,
// @oven/bun-linux-x64, node@24). Each cell scaffolds with the CLI on that Node, installs, runs convex codegen, the
// typecheck and the project's suite, and checks the lockfile, packageManager and that engines holds for every
// installed package. Two cells run at a time; a table of the results is printed at the end.
import { existsSync, readdirSync, readFileSync, realpathSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import semver from "semver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands } from "../src/package-manager.js";
import type { PackageManager } from "../src/options.js";
import { codegenArgs, fakeConvexDeployment } from "./fake-convex-deployment.js";
import { cliPath, readTree, removeDir, runChecked, tempDir } from "./helpers.js";

const root = tempDir("ccs-pm-");
afterAll(() => removeDir(root), 300_000);

interface Manager {
  label: string;
  pm: PackageManager;
  /** npm package that provides it, and the folder of its binary inside the prefix. */
  pkg: string;
  bin: string;
  lockfile: string;
  /** A line the lockfile starts with or contains, telling which format wrote it. */
  lockMark: RegExp;
  env?: Record<string, string>;
}

const managers: Manager[] = [
  { label: "npm", pm: "npm", pkg: "", bin: "", lockfile: "package-lock.json", lockMark: /"lockfileVersion": 3/ },
  {
    label: "pnpm",
    pm: "pnpm",
    pkg: "pnpm@10",
    bin: "node_modules/.bin",
    lockfile: "pnpm-lock.yaml",
    lockMark: /^lockfileVersion: /m,
    // pnpm 10, not 12: with packageManager set, pnpm 12 resolves its own @pnpm/exe builds for every platform to pin
    // them in the lockfile, and this machine's registry has no @pnpm/exe.netbsd-x64 (a 404 that fails the install
    // now and then, whatever manage-package-manager-versions says). pnpm 10 installs the same project.
    env: { pnpm_config_manage_package_manager_versions: "false", npm_config_manage_package_manager_versions: "false" },
  },
  {
    label: "yarn 1",
    pm: "yarn",
    pkg: "yarn@1",
    bin: "node_modules/.bin",
    lockfile: "yarn.lock",
    lockMark: /^# yarn lockfile v1$/m,
  },
  {
    label: "yarn 4",
    pm: "yarn",
    pkg: "@yarnpkg/cli-dist@4",
    bin: "node_modules/.bin",
    lockfile: "yarn.lock",
    lockMark: /^__metadata:$/m,
    // This machine reaches registry.npmjs.org; Yarn 2+ defaults to registry.yarnpkg.com.
    env: { YARN_NPM_REGISTRY_SERVER: "https://registry.npmjs.org", YARN_ENABLE_TELEMETRY: "0" },
  },
  {
    label: "bun",
    pm: "bun",
    pkg: "@oven/bun-linux-x64",
    bin: "node_modules/@oven/bun-linux-x64/bin",
    lockfile: "bun.lock",
    lockMark: /^\{\s*"lockfileVersion": \d+,/,
  },
];
const lockfiles = ["package-lock.json", "pnpm-lock.yaml", "yarn.lock", "bun.lock", "bun.lockb"];

interface Cell {
  manager: Manager;
  node: "20" | "24";
  frontend: "none" | "vite";
}
// vite for the issue's yarn 1 on Node 20 and for pnpm; the backend alone elsewhere (the frontends' installs are
// covered by npm in the integration suite).
const cells: Cell[] = managers.flatMap((manager) =>
  (["20", "24"] as const).map((node) => ({
    manager,
    node,
    frontend: node === "20" && (manager.label === "yarn 1" || manager.label === "pnpm") ? "vite" : "none",
  })),
);

/** Each tool installed once into its own prefix (two yarns both provide `yarn`); started before the cells. */
const tools = new Map<string, Promise<string>>();
const installTool = (pkg: string) => {
  let dir = tools.get(pkg);
  if (!dir) {
    const prefix = join(root, "tools", pkg.replace(/[@/]/g, "_"));
    dir = runChecked("npm", ["install", "--prefix", prefix, "--no-audit", "--no-fund", pkg], { cwd: root }).then(() => {
      // The npm package holds the bun binary only; bun's installer adds bunx as a link to it.
      const bun = join(prefix, "node_modules/@oven/bun-linux-x64/bin");
      if (existsSync(join(bun, "bun"))) symlinkSync("bun", join(bun, "bunx"));
      return prefix;
    });
    tools.set(pkg, dir);
  }
  return dir;
};
beforeAll(() => {
  for (const pkg of ["node@24", ...managers.map((m) => m.pkg).filter(Boolean)]) void installTool(pkg).catch(() => {});
});

/** At most two cells at once (2-core CI): each waits for a slot before its work. */
let running = 0;
const waiting: (() => void)[] = [];
async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= 2) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  try {
    return await work();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

/** Installed packages: every package folder below node_modules (pnpm's .pnpm store included), counted once. */
function installedPackages(dir: string): Map<string, { name: string; engines?: { node?: string } }> {
  const found = new Map<string, { name: string; engines?: { node?: string } }>();
  const visitModules = (modules: string) => {
    if (!existsSync(modules)) return;
    for (const entry of readdirSync(modules)) {
      if (entry === ".bin" || entry === ".cache") continue;
      const path = join(modules, entry);
      if (entry === ".pnpm") {
        for (const id of readdirSync(path))
          if (existsSync(join(path, id, "node_modules"))) visitModules(join(path, id, "node_modules"));
      } else if (entry.startsWith("@")) {
        for (const scoped of readdirSync(path)) visitPackage(join(path, scoped));
      } else if (!entry.startsWith(".")) {
        visitPackage(path);
      }
    }
  };
  const visitPackage = (path: string) => {
    let real: string;
    try {
      real = realpathSync(path);
    } catch {
      return;
    }
    if (found.has(real) || !existsSync(join(real, "package.json"))) return;
    found.set(real, JSON.parse(readFileSync(join(real, "package.json"), "utf8")));
    visitModules(join(real, "node_modules"));
  };
  visitModules(join(dir, "node_modules"));
  return found;
}

const results: string[][] = [];
afterAll(() => {
  const rows = [["manager", "Node", "frontend", "scaffold+install", "packages", "suite", "lockfile"], ...results];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  console.log(rows.map((row) => row.map((cell, i) => cell.padEnd(widths[i]!)).join("  ")).join("\n"));
});

describe.concurrent("every package manager on Node 20 and 24", () => {
  it.each(cells)(
    "$manager.label on Node $node (frontend $frontend)",
    { timeout: 40 * 60_000 },
    async ({ manager, node, frontend }) => {
      const bins = await Promise.all([
        ...(node === "24" ? [installTool("node@24").then((prefix) => join(prefix, "node_modules/.bin"))] : []),
        ...(manager.pkg ? [installTool(manager.pkg).then((prefix) => join(prefix, manager.bin))] : []),
      ]);
      await slot(async () => {
        const env = { ...process.env, ...manager.env, NO_COLOR: "1", PATH: [...bins, process.env.PATH].join(":") };
        const nodeVersion = (await runChecked("node", ["--version"], { cwd: root, env })).trim();
        expect(nodeVersion).toMatch(new RegExp(`^v${node}\\.`));
        const version = (await runChecked(manager.pm, ["--version"], { cwd: root, env })).trim();
        expect(version).toMatch(manager.label === "yarn 1" ? /^1\./ : manager.label === "yarn 4" ? /^4\./ : /^\d+\./);
        const name = `app-${manager.label.replace(" ", "")}-node${node}`;
        const dir = join(root, name);
        const { run, exec } = commands[manager.pm];

        // The CLI as `<pm> create convex-saas` runs it: on this Node, with the manager's user agent.
        const userAgent = `${manager.pm}/${version} npm/? node/${nodeVersion} linux x64`;
        const started = performance.now();
        const out = await runChecked(
          "node",
          [cliPath, name, `--frontend=${frontend}`, "--payments", `--pm=${manager.pm}`, "--no-git"],
          { cwd: root, env: { ...env, npm_config_user_agent: userAgent } },
        );
        const installSeconds = (performance.now() - started) / 1000;
        expect(out).toContain("Installed dependencies");
        expect(out.includes("Node 20 is end-of-life")).toBe(node === "20");

        const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
        expect(pkg.packageManager).toBe(`${manager.pm}@${version}`);
        expect(semver.satisfies(nodeVersion, pkg.engines.node), `${nodeVersion} in engines ${pkg.engines.node}`).toBe(
          true,
        );
        for (const lockfile of lockfiles)
          expect(existsSync(join(dir, lockfile)), lockfile).toBe(lockfile === manager.lockfile);
        expect(readFileSync(join(dir, manager.lockfile), "utf8")).toMatch(manager.lockMark);
        expect(existsSync(join(dir, ".pnp.cjs"))).toBe(false);

        // engines tells the truth: every Node it admits is admitted by every installed package.
        const installed = installedPackages(dir);
        for (const { name: dep, engines } of installed.values()) {
          const range = engines?.node;
          if (typeof range !== "string" || !semver.validRange(range)) continue;
          expect(
            semver.subset(pkg.engines.node, range),
            `${dep} needs Node ${range}; engines says ${pkg.engines.node}`,
          ).toBe(true);
        }

        const [execFile, ...execArgs] = exec.split(" ") as [string, ...string[]];
        const [runFile, ...runArgs] = run.split(" ") as [string, ...string[]];
        const written = readTree(join(dir, "convex/_generated"));
        const deployment = await fakeConvexDeployment();
        try {
          await runChecked(execFile, [...execArgs, ...codegenArgs(deployment.url)], {
            cwd: dir,
            env: { ...env, CI: "1" },
          });
        } finally {
          await deployment.close();
        }
        expect(readTree(join(dir, "convex/_generated"))).toEqual(written);
        await runChecked(runFile, [...runArgs, "typecheck"], { cwd: dir, env });
        const tests = await runChecked(runFile, [...runArgs, "test"], { cwd: dir, env });
        const passed = /Tests\s+(\d+) passed/.exec(tests);
        expect(passed, tests.slice(-2000)).not.toBeNull();
        expect(tests).not.toMatch(/skipped|failed/);
        results.push([
          `${manager.label} ${version}`,
          nodeVersion,
          frontend,
          `${installSeconds.toFixed(1)} s`,
          String(installed.size),
          `${passed![1]} passed`,
          manager.lockfile,
        ]);
      });
    },
  );
});
