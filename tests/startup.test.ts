// What the CLI loads on its cheap paths: --help and --version read no template and load no execa, giget, clack or
// zlib; a scaffold without install or git loads neither execa nor giget, and reads its templates from one file.
import { join } from "node:path";
import { execa } from "execa";
import { describe, expect, it } from "vitest";
import { cliPath, freshDirs, repoRoot } from "./helpers.js";

const fresh = freshDirs();
const tracer = join(repoRoot, "tests/fixtures/trace-loads.cjs");

async function trace(args: string[], env: Record<string, string> = {}) {
  const cwd = fresh();
  const result = await execa(process.execPath, ["-r", tracer, cliPath, ...args], {
    cwd,
    reject: false,
    stdin: "ignore",
    env,
  });
  expect(result.exitCode, result.stderr).toBe(0);
  const lines = result.stderr.split("\n");
  return {
    // File names of every module loaded, CommonJS or ES.
    modules: lines.filter((l) => /^\[(load|require)\] /.test(l)).map((l) => l.slice(l.lastIndexOf("/") + 1)),
    builtins: lines.filter((l) => l.startsWith("[builtin] ")).map((l) => l.slice("[builtin] ".length)),
    reads: lines.filter((l) => /^\[read(FileSync|dirSync)\]/.test(l)).map((l) => l.replace(/^\[\w+\] /, "")),
  };
}

describe("start-up", () => {
  it.each([["--help"], ["--version"]])(
    "%s loads the bundle's entry only, reads no template, loads no zlib",
    async (flag) => {
      const { modules, reads } = await trace([flag]);
      expect(modules).toEqual(["create-convex-saas.cjs", "cli.cjs"]);
      expect(reads.filter((path) => path.includes("/templates"))).toEqual([]);
      const { builtins } = await trace([flag], { TRACE_ES_MODULES: "0" });
      expect(builtins).not.toContain("zlib");
    },
  );

  it("a scaffold with --no-install --no-git loads no execa, giget or prompts, and reads templates from the archive only", async () => {
    const { modules, reads } = await trace(["app", "--no-install", "--no-git"]);
    expect(modules).toEqual(["create-convex-saas.cjs", "cli.cjs"]);
    expect(reads.filter((path) => path.includes("/templates"))).toEqual([
      expect.stringMatching(/\/dist\/templates\.br$/),
    ]);
    expect(reads.filter((path) => !/\/(create-convex-saas\.cjs|cli\.cjs|templates\.br)$/.test(path))).toEqual([
      expect.stringMatching(/\/package\.json$/), // the version, for convex-saas.json
      expect.stringMatching(/\/app$/), // the check that the target folder is empty
    ]);
  });

  it("a scaffold writes to a pipe without building Node's stdio streams", async () => {
    // stdout is a pipe and stdin /dev/null, as in CI: output goes to the descriptor and no terminal check needs tty,
    // so neither net, tty nor the fs streams load. (zlib, which decompresses the templates, does load Node's
    // `stream` module.)
    const { builtins } = await trace(["app", "--no-install", "--no-git"], { TRACE_ES_MODULES: "0" });
    expect(builtins).toContain("internal/util/parse_args/parse_args"); // the trace does see lazily loaded built-ins
    expect(builtins).toContain("zlib");
    expect(builtins.filter((name) => /^(net|tty|internal\/fs\/streams)$/.test(name))).toEqual([]);
  });
});
