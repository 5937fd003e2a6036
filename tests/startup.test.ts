// What the CLI loads on its cheap paths: --help and --version read no template and load no execa, giget or clack;
// a scaffold without install or git loads neither execa nor giget.
import { join } from "node:path";
import { execa } from "execa";
import { describe, expect, it } from "vitest";
import { cliPath, freshDirs, repoRoot } from "./helpers.js";

const fresh = freshDirs();
const tracer = join(repoRoot, "tests/fixtures/trace-loads.mjs");

async function trace(args: string[]) {
  const cwd = fresh();
  const result = await execa(process.execPath, ["--import", tracer, cliPath, ...args], { cwd, reject: false, stdin: "ignore" });
  expect(result.exitCode, result.stderr).toBe(0);
  const lines = result.stderr.split("\n");
  return {
    modules: lines.filter((l) => l.startsWith("[load] file:")).map((l) => l.slice("[load] ".length)),
    reads: lines.filter((l) => /^\[read(FileSync|dirSync)\]/.test(l)).map((l) => l.replace(/^\[\w+\] /, "")),
  };
}

describe("start-up", () => {
  it.each([["--help"], ["--version"]])("%s loads the bundle's entry only and reads no template", async (flag) => {
    const { modules, reads } = await trace([flag]);
    expect(modules.map((url) => url.slice(url.lastIndexOf("/") + 1))).toEqual(["create-convex-saas.js", "cli.js"]);
    expect(reads.filter((path) => path.includes("/templates/") || path.endsWith("templates.json"))).toEqual([]);
  });

  it("a scaffold with --no-install --no-git loads no execa, giget or prompts", async () => {
    const { modules, reads } = await trace(["app", "--no-install", "--no-git"]);
    expect(modules.map((url) => url.slice(url.lastIndexOf("/") + 1))).toEqual(["create-convex-saas.js", "cli.js"]);
    expect(reads.some((path) => path.includes("/templates/base/"))).toBe(true); // it did read templates
    expect(reads.filter((path) => path.endsWith("templates.json"))).toHaveLength(1); // and walked no folder
    expect(reads.filter((path) => /\/templates\/[^/]+$/.test(path) && !path.endsWith(".json"))).toEqual([]);
  });
});
