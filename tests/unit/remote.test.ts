// Remote template layers, offline: every archive is served by the test itself on 127.0.0.1.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { generate } from "../../src/generate.js";
import { builtInLayerNames } from "../../src/layers.js";
import { Refusal } from "../../src/refusal.js";
import { downloadLayer } from "../../src/remote.js";
import { serveFiles, silentServer, tarGz, type TarEntry, type TarServer } from "../tar-server.js";

let root: string;
let servers: TarServer[];

/** Each test gets its own TMPDIR (where downloadLayer makes its temp dir) and giget cache (XDG_CACHE_HOME). */
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "ccs-remote-"));
  mkdirSync(join(root, "tmp"));
  vi.stubEnv("TMPDIR", join(root, "tmp"));
  vi.stubEnv("XDG_CACHE_HOME", join(root, "cache"));
  vi.stubEnv("GIGET_AUTH", undefined);
  vi.stubEnv("GIGET_REGISTRY", undefined);
  servers = [];
});

afterEach(async () => {
  await Promise.all(servers.map((server) => server.close().catch(() => {})));
  vi.unstubAllEnvs();
  rmSync(root, { recursive: true, force: true });
});

async function serve(files: Record<string, Buffer>): Promise<TarServer> {
  const server = await serveFiles(files);
  servers.push(server);
  return server;
}

/** Serves one archive and downloads it. */
async function download(entries: readonly TarEntry[] | Buffer, options: { offline?: boolean; auth?: string } = {}) {
  const server = await serve({ "/template.tar.gz": Buffer.isBuffer(entries) ? entries : tarGz(entries) });
  return downloadLayer(server.url("/template.tar.gz"), options);
}

async function refusal(promise: Promise<unknown>): Promise<Refusal> {
  const error = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(error).toBeInstanceOf(Refusal);
  expect((error as Refusal).exitCode).toBe(1);
  return error as Refusal;
}

/** Every path below the test's root (its TMPDIR, the giget cache, …). */
const allPaths = () => readdirSync(root, { recursive: true }) as string[];

/** The private temp dir is gone and nothing named evil* was written anywhere the test can see. */
function expectNothingLeftBehind() {
  expect(readdirSync(join(root, "tmp"))).toEqual([]);
  expect(allPaths().filter((path) => /evil/.test(path))).toEqual([]);
  expect(existsSync(join(tmpdir(), "evil.txt"))).toBe(false);
}

const layerEntries: TarEntry[] = [
  { path: "pax_global_header", type: "pax-global", content: "52 comment=0123456789abcdef0123456789abcdef01234567\n" },
  { path: "acme-saas-template-0123456/", type: "dir" },
  { path: "acme-saas-template-0123456/convex/", type: "dir" },
  { path: "acme-saas-template-0123456/convex/audit.ts", content: "export const audit = 1;\n" },
  { path: "acme-saas-template-0123456/vitest.config.ts", content: "// replaced by the template\n" },
  { path: "acme-saas-template-0123456/_gitignore", content: "coverage/\n" },
  { path: "acme-saas-template-0123456/_gitignore.d/90-audit", content: "audit-logs/\n" },
  { path: "acme-saas-template-0123456/README.md.d/", type: "dir" },
  { path: "acme-saas-template-0123456/README.md.d/50-audit.md", content: "## Audit log for {{name}}\n" },
  {
    path: "acme-saas-template-0123456/package.json",
    content: JSON.stringify({ scripts: { audit: "node audit.js" }, dependencies: { zod: "^4.0.0" } }),
  },
];

describe("downloadLayer", () => {
  it("reads a served archive as a layer: files, dotfiles, parts, package.json fragment", async () => {
    const server = await serve({ "/acme.tar.gz": tarGz(layerEntries) });
    const source = server.url("/acme.tar.gz");
    const layer = await downloadLayer(source, { auth: "s3cret" });

    expect(layer.name).toBe(source);
    expect([...layer.files.keys()].sort()).toEqual(["_gitignore", "convex/audit.ts", "vitest.config.ts"]);
    expect(layer.files.get("_gitignore")).toBe("coverage/\n");
    expect(layer.parts.get("README.md")?.get("50-audit.md")).toBe("## Audit log for {{name}}\n");
    expect(layer.parts.get("_gitignore")?.get("90-audit")).toBe("audit-logs/\n");
    expect(layer.packageJson).toEqual({ scripts: { audit: "node audit.js" }, dependencies: { zod: "^4.0.0" } });
    expect(server.requests.filter((r) => r.method === "GET").map((r) => r.headers.authorization)).toEqual([
      "Bearer s3cret",
    ]);
    expect(readdirSync(join(root, "tmp"))).toEqual([]);
  });

  it("gives a layer that generate() applies last: adds and replaces files, merges dependencies and parts", async () => {
    const layer = await download(layerEntries);
    const frontend = builtInLayerNames().includes("none") ? "none" : "next";
    const options = { name: "app", frontend, payments: "none", orgs: false, pm: "npm", node: 22 } as const;
    const plain = generate(options);
    const tree = generate(options, [layer]);

    expect(plain.has("vitest.config.ts")).toBe(true);
    expect(tree.get("vitest.config.ts")).toBe("// replaced by the template\n");
    expect(tree.get("convex/audit.ts")).toBe("export const audit = 1;\n");
    expect(tree.has("_gitignore")).toBe(false);
    // its whole _gitignore replaces the built-in one, and its own part extends it
    expect(tree.get(".gitignore")).toBe("coverage/\n\naudit-logs/\n");
    expect(tree.get("README.md")).toContain("## Audit log for app");
    expect(tree.get("README.md")).toContain(plain.get("README.md")!.split("\n")[0]!);
    const pkg = JSON.parse(tree.get("package.json")!) as Record<string, Record<string, string>>;
    const plainPkg = JSON.parse(plain.get("package.json")!) as Record<string, Record<string, string>>;
    expect(pkg.dependencies).toEqual({ ...plainPkg.dependencies, zod: "^4.0.0" });
    expect(pkg.scripts).toMatchObject({ audit: "node audit.js" });
    expect(pkg.name).toBe("app");
  });

  // tar is part of every Debian/Ubuntu/macOS system this runs on.
  it("reads an archive made by the tar CLI (`tar czf t.tar.gz -C layer .`: entries start with ./)", async () => {
    const source = join(root, "src-layer");
    mkdirSync(join(source, "README.md.d"), { recursive: true });
    writeFileSync(join(source, "README.md.d", "50-x.md"), "x\n");
    writeFileSync(join(source, "_env.example"), "KEY=\n");
    execFileSync("tar", ["czf", join(root, "t.tar.gz"), "-C", source, "."]);
    const layer = await download(readFileSync(join(root, "t.tar.gz")));
    expect([...layer.files.keys()]).toEqual(["_env.example"]);
    expect([...layer.parts.keys()]).toEqual(["README.md"]);
  });

  it("reports a missing archive (404) naming the source", async () => {
    const server = await serve({});
    const source = server.url("/nope.tar.gz");
    const error = await refusal(downloadLayer(source, {}));
    expect(error.message).toContain(`Template "${source}" was not found (404`);
    expectNothingLeftBehind();
  });

  it.each([
    ["not gzip", Buffer.from("<html>this is not a tarball</html>")],
    ["gzip, but not tar", gzipSync(Buffer.from("just some text\n".repeat(100)))],
    ["a truncated gzip", tarGz(layerEntries).subarray(0, 60)],
  ])("refuses an archive that is %s", async (_, body) => {
    const error = await refusal(download(body));
    expect(error.message).toMatch(
      /^Template "http:\/\/127\.0\.0\.1:\d+\/template\.tar\.gz" is not a valid \.tar\.gz archive/,
    );
    expectNothingLeftBehind();
  });

  it("refuses the whole archive when an entry climbs out with ../, and writes nothing outside", async () => {
    const error = await refusal(
      download([
        { path: "tpl/", type: "dir" },
        { path: "tpl/ok.txt", content: "fine\n" },
        { path: "tpl/../../evil.txt", content: "pwned\n" },
        { path: "tpl/../../../../../../../../../../../../tmp/evil.txt", content: "pwned\n" },
        { path: "tpl/../../../evil-parent.txt", content: "pwned\n" },
        { path: "tpl/after.txt", content: "fine\n" },
      ]),
    );
    expect(error.message).toContain("was refused");
    expect(error.message).toContain('"../../evil.txt"');
    expect(error.message).toContain("outside the template folder");
    expectNothingLeftBehind();
    expect(existsSync("/tmp/evil.txt")).toBe(false);
  });

  it("cannot be made to write outside by a top-level ../ or an absolute path (giget drops the first segment)", async () => {
    // `../evil-top.txt` and `/evil-abs.txt` lose their first segment: they become `evil-top.txt` inside the temp dir.
    const layer = await download([
      { path: "../evil-top.txt", content: "x\n" },
      { path: "//evil-abs.txt", content: "x\n" },
      { path: "tpl/ok.txt", content: "fine\n" },
    ]);
    expect([...layer.files.keys()].sort()).toEqual(["evil-abs.txt", "evil-top.txt", "ok.txt"]);
    expectNothingLeftBehind();
  });

  it.each<[string, TarEntry[], RegExp]>([
    [
      "a symlink to /etc/passwd",
      [{ path: "tpl/passwd", type: "symlink", linkpath: "/etc/passwd" }],
      /"passwd" is a symbolic link/,
    ],
    [
      "a symlink inside the template",
      [{ path: "tpl/alias.txt", type: "symlink", linkpath: "ok.txt" }],
      /"alias\.txt" is a symbolic link/,
    ],
    [
      "a symlink climbing out (the extractor skips it silently)",
      [{ path: "tpl/passwd", type: "symlink", linkpath: "../../../../../../etc/passwd" }],
      /"passwd" is not a plain file or folder/,
    ],
    [
      "a symlinked folder written through",
      [
        { path: "tpl/out", type: "symlink", linkpath: "../../../outside-evil" },
        { path: "tpl/out/evil.txt", content: "pwned\n" },
      ],
      /"out" is not a plain file or folder/,
    ],
    [
      "a hard link inside the template",
      [{ path: "tpl/hard.txt", type: "hardlink", linkpath: "ok.txt" }],
      /"(ok|hard)\.txt" is a hard link/,
    ],
    [
      "a hard link to /etc/passwd",
      [{ path: "tpl/hard", type: "hardlink", linkpath: "/etc/passwd" }],
      /"hard" is not a plain file or folder/,
    ],
  ])("refuses the whole archive for %s", async (_, links, message) => {
    const error = await refusal(
      download([{ path: "tpl/ok.txt", content: "fine\n" }, ...links, { path: "tpl/z.txt", content: "z\n" }]),
    );
    expect(error.message).toMatch(message);
    expect(error.message).toContain("plain text files only");
    expectNothingLeftBehind();
    expect(existsSync(join(root, "outside-evil"))).toBe(false);
  });

  it("reports a refused connection (server gone)", async () => {
    const server = await serve({});
    const source = server.url("/template.tar.gz");
    await server.close();
    const error = await refusal(downloadLayer(source, {}));
    expect(error.message).toContain(
      `Template "${source}" could not be downloaded: no connection to ${source} (ECONNREFUSED)`,
    );
    expectNothingLeftBehind();
  });

  it("offline with nothing cached: a clear error, no request", async () => {
    const server = await serve({ "/template.tar.gz": tarGz(layerEntries) });
    const error = await refusal(downloadLayer(server.url("/template.tar.gz"), { offline: true }));
    expect(error.message).toContain("is not in the download cache");
    expect(error.message).toContain("--offline");
    expect(server.requests).toEqual([]);
    const ghError = await refusal(downloadLayer("gh:acme/convex-audit-layer#v1", { offline: true }));
    expect(ghError.message).toBe(
      'Template "gh:acme/convex-audit-layer#v1" is not in the download cache, and --offline forbids downloading it: run once without --offline.',
    );
    expectNothingLeftBehind();
  });

  it("offline uses the cached archive, keyed by the whole URL (same file name on two servers)", async () => {
    const a = await serve({ "/main.tar.gz": tarGz([{ path: "t/a.txt", content: "A\n" }]) });
    const b = await serve({ "/main.tar.gz": tarGz([{ path: "t/b.txt", content: "B\n" }]) });
    expect([...(await downloadLayer(a.url("/main.tar.gz"), {})).files.keys()]).toEqual(["a.txt"]);
    expect([...(await downloadLayer(b.url("/main.tar.gz"), {})).files.keys()]).toEqual(["b.txt"]);
    await a.close();
    await b.close();
    expect([...(await downloadLayer(a.url("/main.tar.gz"), { offline: true })).files.keys()]).toEqual(["a.txt"]);
    expect([...(await downloadLayer(b.url("/main.tar.gz"), { offline: true })).files.keys()]).toEqual(["b.txt"]);
    expect(readdirSync(join(root, "tmp"))).toEqual([]);
  });

  it.each<[string, TarEntry[], string]>([
    [
      "no files",
      [
        { path: "tpl/", type: "dir" },
        { path: "tpl/empty/", type: "dir" },
      ],
      "is empty: no files in it",
    ],
    ["files at the archive's top level only", [{ path: "README.md", content: "# x\n" }], "is empty: no files in it"],
    [
      "an invalid package.json",
      [{ path: "tpl/package.json", content: "{ nope" }],
      "is not a valid layer: package.json is not valid JSON (",
    ],
    [
      "a package.json that is not an object",
      [{ path: "tpl/package.json", content: "[1, 2]" }],
      "package.json must be a JSON object",
    ],
    [
      "a binary file",
      [{ path: "tpl/logo.png", content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe, 0x00]) }],
      '"logo.png" is not a UTF-8 text file',
    ],
  ])("refuses a template with %s", async (_, entries, message) => {
    const error = await refusal(download(entries));
    expect(error.message).toContain(message);
    expect(error.message).toMatch(/^Template "http:\/\/127\.0\.0\.1:\d+\/template\.tar\.gz"/);
    expectNothingLeftBehind();
  });

  it("rejects unknown providers and an empty source", async () => {
    expect((await refusal(downloadLayer("ftp:example.com/x.tar.gz", {}))).message).toContain(
      'Template source "ftp:example.com/x.tar.gz" is not supported: use gh:owner/repo',
    );
    expect((await refusal(downloadLayer("  ", {}))).message).toContain("The template source is empty");
    expectNothingLeftBehind();
  });

  it("stops when its signal aborts: a cancellation (exit 130), the temp dir removed", async () => {
    const server = await silentServer();
    try {
      const cancel = new AbortController();
      const download = downloadLayer(server.url, { signal: cancel.signal });
      while (server.connections() === 0) await new Promise((resolve) => setTimeout(resolve, 10));
      cancel.abort();
      const error = await download.then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(error).toBeInstanceOf(Refusal);
      expect(error).toMatchObject({ exitCode: 130, message: `Download of "${server.url}" cancelled.` });
      expectNothingLeftBehind();
    } finally {
      await server.close();
    }
  });
});
