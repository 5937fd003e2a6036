// The CLI never loses, leaks or half-writes a user's files (issue 10): a full disk, symlinks, --force with git,
// Ctrl-C in a real terminal at every step, malformed --template sources, expected failures without stack traces,
// the interactive frame, package names, and the usage errors.
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { execa } from "execa";
import { describe, expect, it } from "vitest";
import { generate } from "../src/generate.js";
import {
  bigReadme,
  cliPath,
  expectNoStackTrace,
  fakeCommand,
  freshDirs,
  gitEnv,
  interruptAfterFirstFile,
  keys,
  printed,
  projectOptions,
  readTree,
  runCli as run,
  runInTerminal,
  tmpfsUnavailable,
  withFullDisk,
  withTmpfs,
} from "./helpers.js";
import { silentServer } from "./tar-server.js";

const fresh = freshDirs();
const { ENTER, CTRL_C, BACKSPACE } = keys;

describe.skipIf(tmpfsUnavailable())("1. a full disk (tmpfs)", () => {
  it("--force on a 100 KB disk holding an 80 KB README.md: refused before writing, README.md intact", async () => {
    await withFullDisk("size=100k", async (dir) => {
      const result = await run([".", "--force", "--no-install", "--no-git"], dir);
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toMatch(
        /^Not enough free space for .*: the project needs about \d+ KB, \d+ KB are free\..*Nothing was written\.$/,
      );
      expect(readFileSync(join(dir, "README.md"), "utf8")).toBe(bigReadme);
      expect(readdirSync(dir)).toEqual(["README.md"]);
    });
  });

  it("a disk that runs out midway (no inodes left): everything taken back, README.md restored, said truthfully", async () => {
    await withFullDisk("size=2m,nr_inodes=24", async (dir) => {
      const result = await run([".", "--force", "--no-install", "--no-git"], dir);
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toMatch(/^Could not write .*: the disk is full \(ENOSPC\)\.\nNothing was left behind\.$/);
      expectNoStackTrace(result.stderr);
      expect(readFileSync(join(dir, "README.md"), "utf8")).toBe(bigReadme);
      expect(readdirSync(dir)).toEqual(["README.md"]);
    });
  });
});

describe("2. --force and git", () => {
  it("extends the user's .gitignore, so the first commit leaves out what the user ignored", async () => {
    const cwd = fresh();
    const app = join(cwd, "app");
    mkdirSync(app);
    writeFileSync(join(app, ".gitignore"), "secrets.json\n");
    writeFileSync(join(app, "secrets.json"), '{"token":"s3cret"}');
    writeFileSync(join(app, ".env.example"), "MY_API=https://mine\n");
    const result = await run(["app", "--force", "--no-install"], cwd, gitEnv);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain("(extended your .env.example, .gitignore)");
    const committed = (await execa("git", ["ls-files"], { cwd: app })).stdout.split("\n");
    expect(committed).toContain("convex/schema.ts");
    expect(committed).not.toContain("secrets.json");
    const gitignore = readFileSync(join(app, ".gitignore"), "utf8");
    expect(gitignore.startsWith("secrets.json\n")).toBe(true);
    expect(gitignore).toContain("node_modules/");
    expect(readFileSync(join(app, ".env.example"), "utf8")).toMatch(/^MY_API=https:\/\/mine\n[^]*CONVEX_DEPLOYMENT=/);
  });
});

describe("3. --force never writes through a symbolic link", () => {
  it("a link to a file or a folder outside is refused (exit 2), listed, and nothing is written anywhere", async () => {
    const cwd = fresh();
    mkdirSync(join(cwd, "outside"));
    mkdirSync(join(cwd, "elsewhere"));
    mkdirSync(join(cwd, "proj"));
    writeFileSync(join(cwd, "outside/README.md"), "outside");
    symlinkSync("../outside/README.md", join(cwd, "proj/README.md"));
    symlinkSync(join(cwd, "elsewhere"), join(cwd, "proj/convex"));
    const dry = await run(["proj", "--force", "--dry-run", "--no-install"], cwd);
    const result = await run(["proj", "--force", "--no-install", "--no-git"], cwd);
    for (const r of [dry, result]) {
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toContain(
        "  README.md is a symbolic link: the project is never written through a link\n" +
          "  convex is a symbolic link: the project is never written through a link\n",
      );
    }
    expect(readFileSync(join(cwd, "outside/README.md"), "utf8")).toBe("outside");
    expect(readdirSync(join(cwd, "elsewhere"))).toEqual([]);
    expect(readdirSync(join(cwd, "proj")).sort()).toEqual(["README.md", "convex"]);
  });
});

describe("4. Ctrl-C in a real terminal (pseudo-terminal), at every step", () => {
  it("during a --template download that never answers: Cancelled, exit 130, no temp folder, nothing written", async () => {
    const cwd = fresh();
    const tmp = join(cwd, "tmp");
    mkdirSync(tmp);
    const server = await silentServer();
    try {
      const result = await runInTerminal(
        ["app", "--yes", "--no-install", "--no-git", "--template", server.url],
        cwd,
        [{ expect: "Downloading", send: CTRL_C }],
        {
          TMPDIR: tmp,
          XDG_CACHE_HOME: join(cwd, "cache"),
        },
      );
      expect(result.exitCode, result.output).toBe(130);
      expect(result.output).toContain("Download cancelled");
      expect(result.output).toContain("Cancelled. Nothing was written.");
      expect(server.connections()).toBeGreaterThan(0);
      expect(readdirSync(tmp)).toEqual([]);
      expect(existsSync(join(cwd, "app"))).toBe(false);
    } finally {
      await server.close();
    }
  });

  it("while writing: the write stops, is taken back, exit 130", async () => {
    const cwd = fresh();
    const result = await runInTerminal(["app", "--yes", "--no-install", "--no-git"], cwd, [], interruptAfterFirstFile);
    expect(result.output).toContain("[test] Ctrl-C after the first file");
    expect(result.exitCode, result.output).toBe(130);
    expect(result.output).toContain("Cancelled. Nothing was left behind.");
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("while writing after the prompts were used: the same", async () => {
    const cwd = fresh();
    const result = await runInTerminal(
      ["app", "--no-install", "--no-git"],
      cwd,
      [
        { expect: "Which frontend?", send: ENTER },
        { expect: "Payments?", send: ENTER },
        { expect: "Teams (Clerk Organizations)?", send: ENTER },
      ],
      interruptAfterFirstFile,
    );
    expect(result.output).toContain("[test] Ctrl-C after the first file");
    expect(result.exitCode, result.output).toBe(130);
    expect(result.output).toContain("Cancelled. Nothing was left behind.");
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("while writing without a terminal: the same, on stderr", async () => {
    const cwd = fresh();
    const result = await run(["app", "--no-install", "--no-git"], cwd, interruptAfterFirstFile);
    expect(result.exitCode, result.stderr).toBe(130);
    expect(result.stderr).toBe("[test] Ctrl-C after the first file\nCancelled. Nothing was left behind.");
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("during the install: the project is kept, the resume command printed, git skipped, exit 130", async () => {
    const cwd = fresh();
    const PATH = fakeCommand(cwd, "npm", "echo 'fetching left-pad from the registry'\nexec sleep 60");
    const result = await runInTerminal(["app", "--yes"], cwd, [{ expect: "fetching left-pad", send: CTRL_C }], {
      PATH,
      ...gitEnv,
    });
    expect(result.exitCode, result.output).toBe(130);
    // the spinner shows what the install is waiting on
    expect(result.output).toContain("Installing dependencies with npm · fetching left-pad from the registry");
    expect(result.output).toContain(
      "Install cancelled. Your project is written and kept in app.\nResume with: cd app && npm install",
    );
    expect(existsSync(join(cwd, "app/convex/schema.ts"))).toBe(true);
    expect(existsSync(join(cwd, "app/.git"))).toBe(false);
  });

  it("during git: no half-made repository, the project kept, exit 130", async () => {
    const cwd = fresh();
    const realGit = (await execa("sh", ["-c", "command -v git"])).stdout.trim();
    const PATH = fakeCommand(
      cwd,
      "git",
      `if [ "$1" = commit ]; then echo 'committing slowly'; exec sleep 60; fi\nexec ${realGit} "$@"`,
    );
    const result = await runInTerminal(
      ["app", "--yes", "--no-install"],
      cwd,
      [{ expect: "committing slowly", send: CTRL_C }],
      {
        PATH,
        ...gitEnv,
      },
    );
    expect(result.exitCode, result.output).toBe(130);
    expect(result.output).toContain(
      "Cancelled while initialising git: no repository was made. Your project is written and kept in app.",
    );
    expect(existsSync(join(cwd, "app/.git"))).toBe(false);
    expect(existsSync(join(cwd, "app/convex/schema.ts"))).toBe(true);
  });
});

describe("5. --template sources are checked before any network", () => {
  it.each([["react-ts"], ["foo"], ["gh:"], ["gh:owner"], [""], ["./no-such-folder"], ["/no/such/folder"]])(
    "%j is a usage error (exit 2) showing the accepted forms, and writes nothing",
    async (source) => {
      const cwd = fresh();
      const result = await run(["app", "--template", source, "--no-install", "--no-git"], cwd, {
        HTTPS_PROXY: "http://127.0.0.1:9",
      });
      expect(result.exitCode).toBe(2);
      expect(result.stderr).not.toMatch(/network|Downloading/);
      if (source.startsWith(".") || source.startsWith("/"))
        expect(result.stderr).toContain(`--template ${source}: no such folder.`);
      else expect(result.stderr).toContain("Accepted forms:\n  gh:owner/repo[/folder][#ref]");
      expect(readdirSync(cwd)).toEqual([]);
    },
  );

  it("--offline without --template is a usage error", async () => {
    const result = await run(["app", "--offline"], fresh());
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("--offline only applies to --template");
  });

  it("a local folder is a layer, with the same safety checks as a download", async () => {
    const cwd = fresh();
    mkdirSync(join(cwd, "layer/convex"), { recursive: true });
    writeFileSync(join(cwd, "layer/convex/audit.ts"), "export const audit = 1;\n");
    const result = await run(["app", "--template", "./layer", "--no-install", "--no-git"], cwd);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(readFileSync(join(cwd, "app/convex/audit.ts"), "utf8")).toBe("export const audit = 1;\n");
    symlinkSync("/etc/passwd", join(cwd, "layer/passwd"));
    const linked = await run(["other", "--template", "./layer", "--no-install", "--no-git"], cwd);
    expect(linked.exitCode).toBe(1);
    expect(linked.stderr).toContain('"passwd" is a symbolic link');
    expect(existsSync(join(cwd, "other"))).toBe(false);
  });

  it("a layer naming the version map for a dependency it does not have is a clear usage error", async () => {
    const cwd = fresh();
    mkdirSync(join(cwd, "layer"));
    writeFileSync(join(cwd, "layer/package.json"), JSON.stringify({ dependencies: { "left-pad": "<versions.ts>" } }));
    const result = await run(["app", "--template", "./layer", "--no-install", "--no-git"], cwd);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('--template ./layer: package.json: "left-pad"');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(cwd, "app"))).toBe(false);
  });

  it("a refused connection and a server that never answers name the URL and the cause in plain words", async () => {
    const cwd = fresh();
    const closed = await silentServer();
    const closedUrl = closed.url;
    await closed.close(); // nothing listens on that port any more
    const refused = await run(["app", "--template", closedUrl, "--no-install", "--no-git"], cwd, {
      XDG_CACHE_HOME: join(cwd, "c"),
    });
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain(`no connection to ${closedUrl} (ECONNREFUSED)`);
    expect(refused.stderr).not.toContain("TypeError");

    const silent = await silentServer();
    try {
      const hung = await run(["app", "--template", silent.url, "--no-install", "--no-git"], cwd, {
        XDG_CACHE_HOME: join(cwd, "c"),
        CREATE_CONVEX_SAAS_TIMEOUT: "1",
      });
      expect(hung.exitCode).toBe(1);
      expect(hung.stderr).toContain(`${silent.url} did not answer within 1 s`);
      expect(readdirSync(cwd).filter((e) => e !== "c")).toEqual([]);
    } finally {
      await silent.close();
    }
  });
});

describe("6. expected failures are sentences, not stack traces", () => {
  it("an unreadable target names the path and what to do (run as an unprivileged user)", async () => {
    const cwd = fresh();
    chmodSync(cwd, 0o755);
    mkdirSync(join(cwd, "locked"), { mode: 0o700 });
    writeFileSync(join(cwd, "locked/x"), "");
    chmodSync(join(cwd, "locked"), 0o000);
    const asNobody = process.getuid?.() === 0 ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : [];
    const result = await execa(
      asNobody[0] ?? process.execPath,
      [
        ...asNobody.slice(1),
        ...(asNobody.length ? [process.execPath] : []),
        cliPath,
        "locked",
        "--no-install",
        "--no-git",
      ],
      {
        cwd,
        reject: false,
        stdin: "ignore",
      },
    );
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(
      `Cannot read ${join(cwd, "locked")}: permission denied (EACCES). Check its permissions, or choose another directory.`,
    );
  });

  it.skipIf(tmpfsUnavailable())("a read-only parent", async () => {
    await withTmpfs("size=64k,ro", async (dir) => {
      const result = await run([join(dir, "app"), "--no-install", "--no-git"], dir);
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toBe(
        `Could not write ${join(dir, "app")}: the file system is read-only (EROFS).\nNothing was left behind.`,
      );
    });
  });

  it("a path that is a file is a usage error", async () => {
    const cwd = fresh();
    writeFileSync(join(cwd, "afile"), "");
    const result = await run(["afile"], cwd);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/afile exists and is not a directory/);
    expectNoStackTrace(result.stderr);
  });
});

describe("7. the interactive frame", () => {
  it("stays inside clack's frame from intro to outro", async () => {
    const cwd = fresh();
    const result = await runInTerminal(["shop", "--yes", "--no-install", "--no-git"], cwd, []);
    expect(result.exitCode, result.output).toBe(0);
    const lines = result.output.split(/\r?\n/).filter((line) => line.trim());
    const wrote = lines.find((line) => /Wrote \d+ files/.test(line));
    expect(wrote).toMatch(/^[◆│]\s+Wrote \d+ files to shop$/);
  });

  it("a missing package manager is said once, before anything is written", async () => {
    const cwd = fresh();
    const result = await runInTerminal(["shop", "--yes", "--pm", "yarn", "--no-git"], cwd, [], {
      PATH: "/usr/bin:/bin",
    });
    expect(result.exitCode).toBe(1);
    expect(result.output.match(/yarn is not installed/g)).toHaveLength(1);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("a path that is a file is refused at the directory prompt, which asks again", async () => {
    const cwd = fresh();
    writeFileSync(join(cwd, "afile"), "");
    const result = await runInTerminal(["--yes", "--no-install", "--no-git"], cwd, [
      { expect: "Where should the project go?", send: `afile${ENTER}` },
      { expect: "afile is a file: choose a folder.", send: `${BACKSPACE.repeat(5)}shop${ENTER}` },
    ]);
    expect(result.exitCode, result.output).toBe(0);
    expect(existsSync(join(cwd, "shop/package.json"))).toBe(true);
  });
});

describe("8. package names", () => {
  it('"." in a folder named DotUpper keeps the folder and names the package "dotupper", saying so', async () => {
    const dir = join(fresh(), "DotUpper");
    mkdirSync(dir);
    const result = await run([".", "--no-install", "--no-git"], dir);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain('The package is named "dotupper" (choose another with --name).');
    expect(JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).name).toBe("dotupper");
    expect(result.stdout).toContain("npx create-convex-saas@latest . --name=dotupper");
  });

  it("--name sets the package name; café becomes cafe", async () => {
    const cwd = fresh();
    const named = await run(["Shop", "--name", "@acme/shop", "--no-install", "--no-git"], cwd);
    expect(named.exitCode, named.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(cwd, "Shop/package.json"), "utf8")).name).toBe("@acme/shop");
    const cafe = await run(["café", "--no-install", "--no-git"], cwd);
    expect(cafe.exitCode, cafe.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(cwd, "café/package.json"), "utf8")).name).toBe("cafe");
  });

  it("an interactive run asks for a package name, offering a valid one", async () => {
    const cwd = fresh();
    const result = await runInTerminal(["My Shop", "--yes", "--no-install", "--no-git"], cwd, [
      { expect: "Package name", send: ENTER },
    ]);
    expect(result.exitCode, result.output).toBe(0);
    expect(result.output).toContain('the folder name "My Shop" is not a valid one');
    expect(readTree(join(cwd, "My Shop"))).toEqual(generate(projectOptions({ name: "my-shop" })));
  });
});

describe("9. usage errors and a slow install", () => {
  it.each([["--no-help"], ["--no-yes"], ["--no-dry-run"], ["--no-force"]])(
    "%s is an unknown option (exit 2)",
    async (flag) => {
      const result = await run(["app", flag], fresh());
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toContain(`Unknown option '${flag}'`);
    },
  );

  it("a slow install says what it is waiting on, and Ctrl-C (SIGINT) ends it and its children", async () => {
    const cwd = fresh();
    const PATH = fakeCommand(cwd, "npm", "echo 'GET http://127.0.0.1/left-pad'\nsleep 60 &\nwait");
    const child = run(["app", "--no-git"], cwd, { PATH, CREATE_CONVEX_SAAS_SLOW_NOTE: "1" });
    await printed(child, "Still installing");
    child.kill("SIGINT");
    const result = await child;
    expect(result.exitCode).toBe(130);
    expect(result.stdout).toContain("Still installing with npm… Its last line: GET http://127.0.0.1/left-pad");
    expect(result.stderr).toContain("Resume with: cd app && npm install");
  });
});
