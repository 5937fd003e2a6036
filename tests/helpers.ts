// The one support module of the tests: running the CLI (piped or in a terminal), fake commands on PATH, git's
// identity, temp folders, small file systems, and the option matrix derived from the declarations.
import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { execa, type Options } from "execa";
import { afterEach, expect } from "vitest";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  defaults,
  optionDefs,
  projectOptionKeys,
  projectValues,
  type OptionValues,
  type ProjectOptionKey,
  type ProjectOptions,
} from "../src/options.js";
import { nodeLineFor } from "../src/versions.js";

export const repoRoot = fileURLToPath(new URL("..", import.meta.url));
export const cliPath = join(repoRoot, "bin/create-convex-saas.cjs");
/** The template folders, the source of dist/templates.br (the CLI reads only that). */
export const templatesDir = join(repoRoot, "templates");

/** Every value an option can take, from its declaration (a boolean's default first). */
const valuesOf = <K extends ProjectOptionKey>(key: K): OptionValues[K][] => {
  const def = optionDefs[key];
  return (def.kind === "choice" ? def.choices.map((c) => c.value) : [def.default, !def.default]) as OptionValues[K][];
};

/** The options crossed in the matrix: every project option but the package manager, which tests vary on its own. */
type MatrixKey = Exclude<ProjectOptionKey, "pm">;
const matrixKeys = projectOptionKeys.filter((key): key is MatrixKey => key !== "pm");

/** Every combination of the project options' values but the package manager's (frontend × payments × teams). */
export const combinations: Pick<OptionValues, MatrixKey>[] = matrixKeys.reduce<Pick<OptionValues, MatrixKey>[]>(
  (sets, key) => sets.flatMap((set) => valuesOf(key).map((value) => ({ ...set, [key]: value }))),
  [{} as Pick<OptionValues, MatrixKey>],
);

/**
 * What the integration test installs and builds (all 24 would take twice the CI budget): every pair of values of two
 * options is in one of them (pairwise coverage), with the defaults' combination and, for each React frontend, the
 * one with every feature (Clerk Billing and teams: the pages axe-core checks); Polar with every frontend, twice with
 * teams. tests/unit/options.test.ts checks these properties, and that every layer and overlay is built somewhere.
 */
export const installedCombinations: Pick<OptionValues, MatrixKey>[] = [
  { frontend: "next", payments: "clerk", orgs: false },
  { frontend: "next", payments: "clerk", orgs: true },
  { frontend: "next", payments: "polar", orgs: false },
  { frontend: "next", payments: "none", orgs: false },
  { frontend: "vite", payments: "clerk", orgs: true },
  { frontend: "vite", payments: "polar", orgs: true },
  { frontend: "vite", payments: "none", orgs: false },
  { frontend: "start", payments: "clerk", orgs: true },
  { frontend: "start", payments: "polar", orgs: false },
  { frontend: "start", payments: "none", orgs: false },
  { frontend: "none", payments: "clerk", orgs: false },
  { frontend: "none", payments: "polar", orgs: true },
  { frontend: "none", payments: "none", orgs: true },
];

/** The options the CLI gives the generator for `my-app` with every default, on the Node running the tests. */
/** The scripts a generated project's CI workflow runs after installing, in order: rendered UI tests with a React frontend. */
export const workflowChecks = (frontend: string): string[] => [
  "typecheck",
  "lint",
  "format:check",
  "test",
  ...(frontend === "none" ? [] : ["test:ui"]),
  "build",
];

export const projectOptions = (over: Partial<ProjectOptions> = {}): ProjectOptions => ({
  name: "my-app",
  ...projectValues(defaults()),
  node: nodeLineFor(process.versions.node), // as the CLI under test runs on this Node
  ...over,
});

export function tempDir(prefix = "ccs-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export const removeDir = (dir: string) => rmSync(dir, { recursive: true, force: true });

/** A maker of temp dirs that are removed after each test of the calling file. */
export function freshDirs(): () => string {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach(removeDir));
  return () => {
    const dir = tempDir();
    dirs.push(dir);
    return dir;
  };
}

/** Every file below dir (relative paths) with its contents; skips node_modules and .git. */
export function readTree(dir: string): Map<string, string> {
  const tree = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name).slice(dir.length + 1);
    if (/^(node_modules|\.git)\//.test(path)) continue;
    tree.set(path, readFileSync(join(dir, path), "utf8"));
  }
  return new Map([...tree].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * Runs the built CLI as a user does without a terminal: stdin ignored, no package manager's user agent (so it writes
 * no packageManager and defaults to npm), `env` added to this process's environment.
 */
export const runCli = (args: string[], cwd: string, env: Record<string, string> = {}) =>
  execa(process.execPath, [cliPath, ...args], {
    cwd,
    reject: false,
    stdin: "ignore",
    env: { npm_config_user_agent: "", ...env },
  });

/** Keys as a terminal sends them. */
export const keys = { ENTER: "\r", DOWN: "\x1b[B", CTRL_C: "\x03", BACKSPACE: "\x7f" } as const;

/** An identity for git's first commit, whatever the machine's git config says. */
export const gitEnv = {
  GIT_AUTHOR_NAME: "T",
  GIT_AUTHOR_EMAIL: "t@example.com",
  GIT_COMMITTER_NAME: "T",
  GIT_COMMITTER_EMAIL: "t@example.com",
};

/** A fake command `name` running the shell `script`, in `dir/bin`; returns a PATH that finds it first. */
export function fakeCommand(dir: string, name: string, script: string): string {
  const bin = join(dir, "bin");
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, name), `#!/bin/sh\n${script}\n`);
  chmodSync(join(bin, name), 0o755);
  return `${bin}:${process.env.PATH}`;
}

/** Resolves once `text` appears on the running process's stdout. */
export const printed = (child: { stdout: NodeJS.ReadableStream | null }, text: string) =>
  new Promise<void>((resolve) => child.stdout!.on("data", (d: Buffer) => d.toString().includes(text) && resolve()));

/** Fails when `text` holds a stack trace: expected failures are sentences. */
export const expectNoStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+/);

/** A Node option that gives the CLI a Ctrl-C (SIGINT) right after its first file is written. */
export const interruptAfterFirstFile = {
  NODE_OPTIONS: `--require ${join(repoRoot, "tests/fixtures/interrupt-write.cjs")}`,
};

/**
 * Runs the CLI in a pseudo-terminal (util-linux `script`), answering prompts: each step waits for `expect` in the
 * output, then types `send`. Resolves with the exit code and the output.
 */
export async function runInTerminal(
  args: string[],
  cwd: string,
  steps: { expect: string; send: string }[],
  env: Record<string, string> = {},
) {
  const { spawn } = await import("node:child_process");
  const command = `stty cols 120 rows 40; ${[process.execPath, cliPath, ...args].map((a) => `'${a}'`).join(" ")}`;
  // No user agent, as in runCli.
  const child = spawn("script", ["-qfec", command, "/dev/null"], {
    cwd,
    stdio: ["pipe", "pipe", "pipe"],
    env: { ...process.env, npm_config_user_agent: "", ...env },
  });
  let output = "";
  let next = 0;
  let seenUpTo = 0;
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    const step = steps[next];
    const at = step ? output.indexOf(step.expect, seenUpTo) : -1;
    if (step && at >= 0) {
      next += 1;
      seenUpTo = at + step.expect.length;
      setTimeout(() => child.stdin.write(step.send), 150);
    }
  });
  return new Promise<{ exitCode: number | null; output: string }>((resolve) => {
    const timer = setTimeout(() => child.kill(), 20_000);
    child.on("exit", (exitCode) => {
      clearTimeout(timer);
      // eslint-disable-next-line no-control-regex -- strips the terminal's ANSI escape sequences
      resolve({ exitCode, output: output.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "").replace(/\r\n/g, "\n") });
    });
  });
}

/** Runs a command that must succeed (no colours, no stdin); fails the test with its output's tail otherwise. */
export async function runChecked(file: string, args: string[], options: Options = {}): Promise<string> {
  const result = await execa(file, args, {
    all: true,
    reject: false,
    stdin: "ignore",
    ...options,
    env: { NO_COLOR: "1", ...options.env },
  });
  expect(result.exitCode, `${file} ${args.join(" ")} failed:\n${String(result.all).slice(-4000)}`).toBe(0);
  return String(result.all);
}

/**
 * Why a tmpfs cannot be mounted here (not root, no mount binary, a container without CAP_SYS_ADMIN), or undefined
 * when it can. Tests that need a small or read-only file system skip with this reason printed.
 */
let tmpfsProbe: { reason?: string } | undefined;
export function tmpfsUnavailable(): string | undefined {
  tmpfsProbe ??= { reason: probeTmpfs() };
  return tmpfsProbe.reason;
}

function probeTmpfs(): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), "ccs-tmpfs-probe-"));
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", dir], { stdio: "pipe" });
    execFileSync("umount", [dir], { stdio: "pipe" });
    return undefined;
  } catch (error) {
    const reason = `cannot mount a tmpfs here (${String((error as { stderr?: Buffer }).stderr ?? error).trim() || "mount failed"})`;
    process.stderr.write(`[skip] tests needing a small file system: ${reason}\n`);
    return reason;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The user's file on a nearly full disk: an 80 KB README.md. */
export const bigReadme = "x".repeat(80 * 1024);

/** A small disk (a tmpfs with `options`) holding only the user's 80 KB README.md: `fn` runs in its folder. */
export function withFullDisk<T>(options: string, fn: (dir: string) => Promise<T> | T): Promise<T> {
  return withTmpfs(options, (dir) => {
    writeFileSync(join(dir, "README.md"), bigReadme);
    return fn(dir);
  });
}

/** Mounts a tmpfs with `options` (e.g. "size=100k") on a fresh folder, runs `fn` in it, then unmounts and removes it. */
export async function withTmpfs<T>(options: string, fn: (dir: string) => Promise<T> | T): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), "ccs-tmpfs-"));
  execFileSync("mount", ["-t", "tmpfs", "-o", options, "tmpfs", dir]);
  try {
    return await fn(dir);
  } finally {
    execFileSync("umount", ["-l", dir]);
    rmSync(dir, { recursive: true, force: true });
  }
}
