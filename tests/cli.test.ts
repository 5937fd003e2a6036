// The built CLI as a user runs it: without a terminal (stdin ignored), as the published package, in a terminal, and
// with a --template layer.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { execa } from "execa";
import { describe, expect, it } from "vitest";
import { generate } from "../src/generate.js";
import { nodeLines, versionFor } from "../src/versions.js";
import {
  cliPath,
  fakeCommand,
  freshDirs,
  gitEnv,
  keys,
  printed,
  projectOptions,
  readTree,
  repoRoot,
  runCli as run,
  runInTerminal,
} from "./helpers.js";
import { serveFiles, tarGz } from "./tar-server.js";

const fresh = freshDirs();

describe("create-convex-saas (no terminal)", () => {
  it("prints --help and --version", async () => {
    const cwd = fresh();
    const help = await run(["--help"], cwd);
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toMatch(/--frontend <next\|vite\|start\|none>/);
    const version = await run(["-v"], cwd);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")).version);
  });

  it("exits quietly when its reader closes the pipe early (`| head`)", async () => {
    // `true` exits long before Node has booted, so the CLI's first write meets a closed pipe (EPIPE).
    const result = await execa(
      "bash",
      ["-c", `"${process.execPath}" "${cliPath}" --help | true; echo "exit $\{PIPESTATUS[0]}"`],
      {
        cwd: fresh(),
        reject: false,
      },
    );
    expect(result.stdout).toBe("exit 0");
    expect(result.stderr).toBe("");
  });

  it("fails with exit 2 when the directory is missing, instead of waiting for input", async () => {
    const cwd = fresh();
    const result = await run(["--yes"], cwd);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/Missing project directory/);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("rejects a bad --name or flag with exit 2 and writes nothing", async () => {
    const cwd = fresh();
    const bad = await run(["app", "--name", "My App"], cwd);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toMatch(/not a valid npm package name.*Try --name my-app/);
    const flag = await run(["app", "--frontend", "angular"], cwd);
    expect(flag.exitCode).toBe(2);
    expect(flag.stderr).toMatch(/Expected one of: next, vite, start, none/);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("TanStack Start with --no-install is written for Node 22.13+, whatever Node runs the CLI", async () => {
    // The refusal with --install on an older Node is tested on every Node line in unit/resolve-project.test.ts.
    const cwd = fresh();
    const written = await run(["later", "--frontend", "start", "--no-install", "--no-git"], cwd);
    expect(written.exitCode, written.stderr).toBe(0);
    const pkg = JSON.parse(readFileSync(join(cwd, "later/package.json"), "utf8"));
    expect(pkg.engines.node).toBe(nodeLines[22].engines);
    expect(pkg.dependencies.convex).toBe(versionFor("convex", 22));
  });

  it("--dry-run lists the files and writes nothing", async () => {
    const cwd = fresh();
    const result = await run(["app", "--dry-run", "--frontend", "vite"], cwd);
    expect(result.exitCode).toBe(0);
    const expected = generate(projectOptions({ name: "app", frontend: "vite" }));
    expect(result.stdout).toContain(`Would write ${expected.size} files`);
    for (const path of expected.keys()) expect(result.stdout).toContain(`  ${path}  `);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("writes exactly what generate() returns, with defaults and no prompts", async () => {
    const cwd = fresh();
    const result = await run(["my-app", "--no-install", "--no-git"], cwd);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(readTree(join(cwd, "my-app"))).toEqual(generate(projectOptions()));
    expect(result.stdout).toMatch(/Next steps:\n {2}cd my-app\n {2}npm install/);
    expect(result.stdout).toContain(
      "npx create-convex-saas@latest my-app --frontend=next --payments=clerk --no-orgs --pm=npm --no-install --no-git --yes",
    );
  });

  it("uses the package manager that ran it, and quotes paths with spaces", async () => {
    const cwd = fresh();
    const result = await run(["projects dir/shop", "--no-install", "--no-git", "--no-payments"], cwd, {
      npm_config_user_agent: "pnpm/9.12.0 npm/? node/v20.19.0 linux x64",
    });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain("cd 'projects dir/shop'");
    expect(result.stdout).toContain("pnpm install");
    expect(result.stdout).toContain("pnpm exec convex dev");
    expect(readFileSync(join(cwd, "projects dir/shop/README.md"), "utf8")).toContain("pnpm dev");
    const pkg = JSON.parse(readFileSync(join(cwd, "projects dir/shop/package.json"), "utf8"));
    expect(pkg.name).toBe("shop");
    expect(pkg.packageManager).toBe("pnpm@9.12.0");
  });

  it("refuses a non-empty directory (usage error), listing what is there, and changes nothing", async () => {
    const cwd = fresh();
    mkdirSync(join(cwd, "app/.git"), { recursive: true });
    writeFileSync(join(cwd, "app/notes.txt"), "mine");
    writeFileSync(join(cwd, "app/package.json"), '{"name":"mine"}');
    const result = await run(["app", "--no-install", "--no-git"], cwd);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/is not empty: notes\.txt, package\.json/);
    expect(result.stderr).toContain("--force");
    expect(readdirSync(join(cwd, "app")).sort()).toEqual([".git", "notes.txt", "package.json"]);
  });

  it('"." writes into the current directory, named after it', async () => {
    const shop = join(fresh(), "shop");
    mkdirSync(shop);
    const result = await run([".", "--no-install", "--no-git", "--frontend", "none"], shop);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(shop, "package.json"), "utf8")).name).toBe("shop");
    expect(result.stdout).not.toContain("cd ");
    expect(result.stdout).toContain("npx create-convex-saas@latest . --frontend=none");
  });

  it("counts a directory holding only .git as empty", async () => {
    const cwd = fresh();
    mkdirSync(join(cwd, "app/.git"), { recursive: true });
    const result = await run(["app", "--no-install", "--no-git"], cwd);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(existsSync(join(cwd, "app/convex/schema.ts"))).toBe(true);
  });

  it("with --force writes into it and deletes nothing of the user's", async () => {
    const cwd = fresh();
    mkdirSync(join(cwd, "app/convex"), { recursive: true });
    writeFileSync(join(cwd, "app/notes.txt"), "mine");
    writeFileSync(join(cwd, "app/convex/myOwn.ts"), "export const mine = 1;\n");
    writeFileSync(join(cwd, "app/README.md"), "old readme");
    const result = await run(["app", "--force", "--no-install", "--no-git", "--no-payments"], cwd);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(readFileSync(join(cwd, "app/notes.txt"), "utf8")).toBe("mine");
    expect(readFileSync(join(cwd, "app/convex/myOwn.ts"), "utf8")).toBe("export const mine = 1;\n");
    const generated = generate(projectOptions({ name: "app", payments: "none" }));
    // README.md is extended: the user's text first, then ours
    expect(readFileSync(join(cwd, "app/README.md"), "utf8")).toMatch(
      /^old readme\n\n---\n\n<!-- Added by create-convex-saas -->\n\n/,
    );
    expect(readFileSync(join(cwd, "app/README.md"), "utf8").endsWith(generated.get("README.md")!)).toBe(true);
    for (const [path, contents] of generated) {
      if (path !== "README.md") expect(readFileSync(join(cwd, "app", path), "utf8"), path).toBe(contents);
    }
    expect(readdirSync(join(cwd, "app")).filter((e) => e.includes("create-convex-saas-original"))).toEqual([]);
  });

  it("refuses a folder where a file goes (usage error, as --dry-run predicts), writing nothing", async () => {
    const cwd = fresh();
    mkdirSync(join(cwd, "app/README.md"), { recursive: true });
    const dry = await run(["app", "--force", "--dry-run", "--no-install"], cwd);
    const real = await run(["app", "--force", "--no-install", "--no-git"], cwd);
    for (const result of [dry, real]) {
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toContain(
        `Cannot write into ${join(cwd, "app")}:\n  README.md is a folder where the project needs a file\n`,
      );
      expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    }
    expect(dry.stderr).toMatch(/^A real run would stop here:/);
    expect(readdirSync(join(cwd, "app"))).toEqual(["README.md"]);
  });

  it("keeps the project when the install fails, shows the output and how to retry", async () => {
    const cwd = fresh();
    const PATH = fakeCommand(cwd, "npm", "echo 'npm ERR! 404 Not Found - left-pad'\nexit 1");
    const result = await run(["app", "--no-git"], cwd, { PATH });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain("npm ERR! 404 Not Found - left-pad");
    expect(result.stderr).toMatch(
      /npm install failed\. Your project is written and kept in app\.\nRetry with: cd app && npm install/,
    );
    expect(existsSync(join(cwd, "app/convex/schema.ts"))).toBe(true);
  });

  it("Ctrl-C during the install keeps the project and says how to resume (exit 130)", async () => {
    const cwd = fresh();
    const child = run(["app", "--no-git"], cwd, { PATH: fakeCommand(cwd, "npm", "sleep 30") });
    await printed(child, "Installing");
    child.kill("SIGINT");
    const result = await child;
    expect(result.exitCode).toBe(130);
    expect(result.stderr).toContain(
      "Install cancelled. Your project is written and kept in app.\nResume with: cd app && npm install",
    );
    expect(existsSync(join(cwd, "app/convex/schema.ts"))).toBe(true);
  });

  it("says how to get a package manager that is not installed", async () => {
    const cwd = fresh();
    const result = await run(["app", "--pm", "bun", "--no-git"], cwd, { PATH: "/usr/bin:/bin" });
    // node itself must stay reachable: run it by absolute path
    expect(result.exitCode).toBe(1);
    // checked before writing: said once, nothing written
    expect(result.stderr).toBe(
      "bun is not installed. Get it with: npm install -g bun (or see https://bun.sh)\nOr choose another --pm, or add --no-install.\nNothing was written.",
    );
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("skips git with a note when git is not installed", async () => {
    const cwd = fresh();
    const result = await run(["app", "--no-install"], cwd, { PATH: join(cwd, "no-such-bin") });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain("Skipped git: git is not installed.");
    expect(existsSync(join(cwd, "app/.git"))).toBe(false);
  });

  it("initialises git with a first commit, and skips inside another work tree", async () => {
    const cwd = fresh();
    const result = await run(["app", "--no-install"], cwd, gitEnv);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain("Initialised a git repository with a first commit.");
    const log = await execa("git", ["log", "--format=%s", "--name-only"], { cwd: join(cwd, "app") });
    expect(log.stdout).toContain("Initial commit from create-convex-saas");
    expect(log.stdout).toContain("convex/schema.ts");
    expect(log.stdout).toContain(".gitignore");

    const nested = await run(["app/packages/web", "--no-install"], cwd, gitEnv);
    expect(nested.exitCode, nested.stderr).toBe(0);
    expect(nested.stdout).toContain("Skipped git: the directory is already inside a git work tree.");
    expect(existsSync(join(cwd, "app/packages/web/.git"))).toBe(false);
  });
});

describe("the published package (npm pack)", () => {
  it("ships no templates/ folder, stays within 500 KB unpacked, and scaffolds from its own files", async () => {
    const dir = fresh();
    const packed = await execa("npm", ["pack", "--json", "--pack-destination", dir], {
      cwd: repoRoot,
      stdin: "ignore",
    });
    const [pack] = JSON.parse(packed.stdout) as [{ filename: string; unpackedSize: number; files: { path: string }[] }];
    const paths = pack.files.map((file) => file.path);
    expect(paths).toContain("dist/templates.br");
    expect(paths.filter((path) => path.startsWith("templates/"))).toEqual([]);
    expect(pack.unpackedSize).toBeLessThanOrEqual(500 * 1024);

    await execa("tar", ["-xzf", pack.filename], { cwd: dir });
    const cwd = fresh();
    const result = await execa(
      process.execPath,
      [join(dir, "package/bin/create-convex-saas.cjs"), "my-app", "--no-install", "--no-git"],
      {
        cwd,
        reject: false,
        stdin: "ignore",
        env: { npm_config_user_agent: "" },
      },
    );
    expect(result.exitCode, result.stderr).toBe(0);
    expect(readTree(join(cwd, "my-app"))).toEqual(generate(projectOptions()));
  });
});

describe("create-convex-saas (in a terminal)", () => {
  const { ENTER, DOWN, CTRL_C } = keys;

  it("asks for what the flags leave open, then writes the chosen project", async () => {
    const cwd = fresh();
    const result = await runInTerminal(["--no-install", "--no-git"], cwd, [
      { expect: "Where should the project go?", send: `shop${ENTER}` },
      { expect: "Which frontend?", send: `${DOWN}${ENTER}` }, // Next.js → React + Vite
      { expect: "Payments?", send: `${DOWN}${DOWN}${ENTER}` }, // Clerk Billing → Polar → None
      { expect: "Teams (Clerk Organizations)?", send: `${ENTER}` }, // the default: No
    ]);
    expect(result.exitCode, result.output).toBe(0);
    expect(result.output).toContain("Next steps:");
    expect(readTree(join(cwd, "shop"))).toEqual(
      generate(projectOptions({ name: "shop", frontend: "vite", payments: "none", orgs: false })),
    );
  });

  it("Ctrl-C at a prompt: Cancelled, exit 130, nothing written", async () => {
    const cwd = fresh();
    const result = await runInTerminal(["shop"], cwd, [{ expect: "Which frontend?", send: CTRL_C }]);
    expect(result.exitCode).toBe(130);
    expect(result.output).toContain("Cancelled");
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("asks before writing into a non-empty directory; declining is a cancellation and changes nothing", async () => {
    const cwd = fresh();
    mkdirSync(join(cwd, "shop"));
    writeFileSync(join(cwd, "shop/notes.txt"), "mine");
    const result = await runInTerminal(["shop", "--yes"], cwd, [{ expect: "Write into it anyway?", send: ENTER }]);
    expect(result.exitCode).toBe(130);
    expect(result.output).toContain("Cancelled: shop is left as it was.");
    expect(result.output).not.toContain("--force");
    expect(readdirSync(join(cwd, "shop"))).toEqual(["notes.txt"]);
  });
});

describe("create-convex-saas --template (a local server stands in for GitHub)", () => {
  const layer = [
    { path: "house-style/", type: "dir" as const },
    { path: "house-style/convex/audit.ts", content: "export const audit = 1;\n" },
    { path: "house-style/README.md.d/50-house.md", content: "## House style for {{name}}\n" },
    { path: "house-style/package.json", content: JSON.stringify({ dependencies: { zod: "^4.0.0" } }) },
  ];

  it("applies a remote layer last, through the same generator and writer", async () => {
    const cwd = fresh();
    const server = await serveFiles({ "/house.tar.gz": tarGz(layer) });
    try {
      const url = server.url("/house.tar.gz");
      const env = { XDG_CACHE_HOME: join(cwd, ".cache") };
      const dry = await run(["app", "--template", url, "--dry-run"], cwd, env);
      expect(dry.exitCode, dry.stderr).toBe(0);
      expect(dry.stdout).toContain("  convex/audit.ts  ");
      expect(existsSync(join(cwd, "app"))).toBe(false);

      const result = await run(["app", "--template", url, "--no-install", "--no-git"], cwd, env);
      expect(result.exitCode, result.stderr).toBe(0);
      const tree = readTree(join(cwd, "app"));
      expect(tree.get("convex/audit.ts")).toBe("export const audit = 1;\n");
      expect(tree.get("README.md")).toContain("## House style for app");
      expect(JSON.parse(tree.get("package.json")!).dependencies.zod).toBe("^4.0.0");
      // convex/_generated follows the modules that ended up in the project
      expect(tree.get("convex/_generated/api.d.ts")).toContain("audit: typeof audit;");
      expect(result.stdout).toContain(`--template=${url}`);
    } finally {
      await server.close();
    }
  });

  it("refuses a tarball that reaches outside the project, and writes nothing", async () => {
    const cwd = fresh();
    const server = await serveFiles({
      "/evil.tar.gz": tarGz([...layer, { path: "house-style/../../escaped.txt", content: "gotcha\n" }]),
    });
    try {
      const result = await run(["app", "--template", server.url("/evil.tar.gz"), "--no-install", "--no-git"], cwd, {
        XDG_CACHE_HOME: join(cwd, ".cache"),
      });
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toMatch(/refused|outside/i);
      expect(readdirSync(cwd).filter((e) => e !== ".cache")).toEqual([]);
      expect(existsSync(join(cwd, "..", "escaped.txt"))).toBe(false);
    } finally {
      await server.close();
    }
  });

  it("reports a missing template clearly", async () => {
    const cwd = fresh();
    const server = await serveFiles({});
    try {
      const result = await run(["app", "--template", server.url("/nope.tar.gz"), "--no-install", "--no-git"], cwd, {
        XDG_CACHE_HOME: join(cwd, ".cache"),
      });
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toMatch(/not found \(404/);
      expect(readdirSync(cwd).filter((e) => e !== ".cache")).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
