// A generated project installed for real with pnpm and under Node 24, both installed from the npm registry into a
// temp prefix (the npm packages pnpm and node@24), so the dependency ranges are proven beyond npm on Node 20.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cliPath, removeDir, runChecked, tempDir } from "./helpers.js";

const root = tempDir("ccs-pm-");
afterAll(() => removeDir(root), 300_000);

const withPath = (dir: string) => ({ ...process.env, NO_COLOR: "1", PATH: `${dir}:${process.env.PATH}` });

describe.concurrent("beyond npm on Node 20", () => {
  it("pnpm installs, type-checks and tests a project, leaving its lockfile", { timeout: 15 * 60_000 }, async () => {
    const prefix = join(root, "pnpm");
    await runChecked("npm", ["install", "--prefix", prefix, "--no-audit", "--no-fund", "pnpm@latest"], { cwd: root });
    const env = withPath(join(prefix, "node_modules/.bin"));
    console.log(`pnpm ${(await runChecked("pnpm", ["--version"], { cwd: root, env })).trim()}`);
    const out = await runChecked(process.execPath, [cliPath, "app-pnpm", "--frontend=vite", "--payments", "--pm=pnpm", "--no-git"], { cwd: root, env });
    expect(out).toContain("Installed dependencies");
    expect(out).toContain("pnpm exec convex dev");
    const dir = join(root, "app-pnpm");
    expect(existsSync(join(dir, "pnpm-lock.yaml"))).toBe(true);
    expect(existsSync(join(dir, "package-lock.json"))).toBe(false);
    await runChecked("pnpm", ["exec", "convex", "codegen", "--system-udfs", "--typecheck", "disable"], { cwd: dir, env });
    await runChecked("pnpm", ["run", "typecheck"], { cwd: dir, env });
    const tests = await runChecked("pnpm", ["test"], { cwd: dir, env });
    expect(tests).toMatch(/Tests\s+\d+ passed/);
    expect(tests).not.toMatch(/skipped|failed/);
  });

  it("Node 24 installs, type-checks and tests a project", { timeout: 15 * 60_000 }, async () => {
    const prefix = join(root, "node24");
    await runChecked("npm", ["install", "--prefix", prefix, "--no-audit", "--no-fund", "node@24"], { cwd: root });
    const env = withPath(join(prefix, "node_modules/.bin"));
    expect((await runChecked("node", ["--version"], { cwd: root, env })).trim()).toMatch(/^v24\./);
    await runChecked("node", [cliPath, "app-node24", "--frontend=none", "--payments", "--pm=npm", "--no-git"], { cwd: root, env });
    const dir = join(root, "app-node24");
    await runChecked("npm", ["run", "typecheck"], { cwd: dir, env });
    const tests = await runChecked("npm", ["test"], { cwd: dir, env });
    expect(tests).toMatch(/Tests\s+\d+ passed/);
    expect(tests).not.toMatch(/skipped|failed/);
  });
});
