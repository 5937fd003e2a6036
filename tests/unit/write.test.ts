import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { mergeFile } from "../../src/merge.js";
import { Refusal } from "../../src/refusal.js";
import {
  occupiedEntries,
  planWrite,
  spaceNeeded,
  unwrittenMessage,
  writePlan,
  writeTree,
  type WriteResult,
} from "../../src/write.js";
import { bigReadme, freshDirs, tmpfsUnavailable, withFullDisk } from "../helpers.js";

const fresh = freshDirs();

const tree = new Map([
  ["package.json", "{}\n"],
  ["src/a/b.ts", "export {};\n"],
  [".gitignore", "node_modules\n"],
]);

/** Every path below dir, sorted, with a trailing / for folders. */
const listing = (dir: string) =>
  (readdirSync(dir, { recursive: true, withFileTypes: true }) as import("node:fs").Dirent[])
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1) + (e.isDirectory() ? "/" : ""))
    .sort();

describe("occupiedEntries", () => {
  it("ignores harmless entries such as .git and counts the rest", () => {
    const dir = fresh();
    mkdirSync(join(dir, ".git"));
    writeFileSync(join(dir, ".DS_Store"), "");
    expect(occupiedEntries(dir)).toEqual([]);
    writeFileSync(join(dir, "notes.txt"), "mine");
    expect(occupiedEntries(dir)).toEqual(["notes.txt"]);
    expect(occupiedEntries(join(dir, "missing"))).toEqual([]);
    expect(() => occupiedEntries(join(dir, "notes.txt"))).toThrow(Refusal);
  });
});

describe("writeTree: one transaction", () => {
  it("writes every file, creating folders", async () => {
    const dir = join(fresh(), "new/project");
    expect(await writeTree(dir, tree)).toEqual({ status: "written", kept: [] });
    expect(readFileSync(join(dir, "src/a/b.ts"), "utf8")).toBe("export {};\n");
    expect(readFileSync(join(dir, ".gitignore"), "utf8")).toBe("node_modules\n");
  });

  it("refuses to overwrite without permission and leaves nothing behind", async () => {
    const dir = fresh();
    writeFileSync(join(dir, "package.json"), "mine");
    await expect(writeTree(dir, tree)).rejects.toThrow(/package.json already exists/);
    expect(readdirSync(dir)).toEqual(["package.json"]);
    expect(readFileSync(join(dir, "package.json"), "utf8")).toBe("mine");
  });

  it("fails midway: restores overwritten files, removes only what it created", async () => {
    const dir = fresh();
    writeFileSync(join(dir, "package.json"), "mine");
    writeFileSync(join(dir, "notes.txt"), "keep me");
    mkdirSync(join(dir, "src"));
    writeFileSync(join(dir, "src/user.ts"), "user");
    // a file where the tree needs a folder, found only when writing (the plan is made before it appears)
    const plan = planWrite(dir, new Map([...tree, ["z/file.ts", "x"]]), { overwrite: true });
    writeFileSync(join(dir, "z"), "in the way");
    const result = await writePlan(plan);
    expect(result).toMatchObject({ status: "failed", leftovers: [] });
    expect(result.status === "failed" && result.reason).toMatch(
      /^Could not write .*\/z(\/file\.ts)?: .*\((EEXIST|ENOTDIR)\)\.$/,
    );
    expect(readFileSync(join(dir, "package.json"), "utf8")).toBe("mine");
    expect(listing(dir)).toEqual(["notes.txt", "package.json", "src/", "src/user.ts", "z"]);
  });

  it("keeps each original aside (a rename, no copy) while writing, and removes it once every file is written", async () => {
    const dir = fresh();
    writeFileSync(join(dir, "package.json"), "mine");
    const during: string[][] = [];
    const result = await writeTree(dir, tree, { overwrite: true, onFile: () => during.push(readdirSync(dir).sort()) });
    expect(result).toEqual({ status: "written", kept: [] });
    expect(during.at(-1)).toContain(".package.json.create-convex-saas-original");
    expect(readdirSync(dir).sort()).toEqual([".gitignore", "package.json", "src"]);
    expect(readFileSync(join(dir, "package.json"), "utf8")).toBe("{}\n");
  });

  it("stops between files when its signal aborts, and takes back exactly what it wrote", async () => {
    const root = fresh();
    const dir = join(root, "p");
    mkdirSync(dir);
    writeFileSync(join(dir, "package.json"), "mine");
    const cancel = new AbortController();
    const written: string[] = [];
    const onFile = (path: string) => {
      written.push(path);
      writeFileSync(join(dir, "added-by-someone-else.txt"), "x");
      cancel.abort();
    };
    const result = await writeTree(dir, tree, { overwrite: true, signal: cancel.signal, onFile });
    expect(result).toEqual({ status: "cancelled", leftovers: [] });
    expect(written).toEqual(["package.json"]); // nothing after the abort
    expect(readdirSync(dir).sort()).toEqual(["added-by-someone-else.txt", "package.json"]);
    expect(readFileSync(join(dir, "package.json"), "utf8")).toBe("mine");
  });

  it("an abort that comes with the last file still takes everything back", async () => {
    const dir = join(fresh(), "p");
    const cancel = new AbortController();
    const onFile = (path: string) => path === [...tree.keys()].at(-1) && cancel.abort();
    expect(await writeTree(dir, tree, { signal: cancel.signal, onFile })).toEqual({
      status: "cancelled",
      leftovers: [],
    });
    expect(existsSync(dir)).toBe(false);
  });

  it("reports exactly which originals it could not put back", async () => {
    const dir = fresh();
    writeFileSync(join(dir, "package.json"), "mine");
    const aside = join(dir, ".package.json.create-convex-saas-original");
    const cancel = new AbortController();
    // the original disappears (someone removed it) before the write is taken back: the result must say so
    const onFile = () => (unlinkSync(aside), cancel.abort());
    const result = await writeTree(dir, tree, { overwrite: true, signal: cancel.signal, onFile });
    expect(result.status).toBe("cancelled");
    const { leftovers } = result as Extract<WriteResult, { status: "cancelled" }>;
    expect(leftovers).toHaveLength(1);
    expect(leftovers[0]).toContain(`could not restore ${dir}/package.json`);
    expect(leftovers[0]).toContain(aside);
  });
});

describe("unwrittenMessage", () => {
  it("says why, then that nothing was left behind or each thing that was", () => {
    expect(unwrittenMessage({ status: "cancelled", leftovers: [] })).toBe("Cancelled. Nothing was left behind.");
    expect(unwrittenMessage({ status: "failed", reason: "Could not write x: full.", leftovers: ["a", "b"] })).toBe(
      "Could not write x: full.\nThese could not be taken back:\n  a\n  b",
    );
  });
});

describe("planWrite: never through a link, never onto a folder", () => {
  it("refuses a symbolic link in place of a file or a folder, and writes nothing through it", async () => {
    const root = fresh();
    const outside = join(root, "outside");
    mkdirSync(outside);
    writeFileSync(join(outside, "package.json"), "outside");
    const dir = join(root, "proj");
    mkdirSync(dir);
    symlinkSync(join(outside, "package.json"), join(dir, "package.json"));
    symlinkSync(outside, join(dir, "src"));
    const plan = planWrite(dir, tree, { overwrite: true });
    expect(plan.refusals).toEqual([
      "package.json is a symbolic link: the project is never written through a link",
      "src is a symbolic link: the project is never written through a link",
    ]);
    await expect(writePlan(plan)).rejects.toThrow(Refusal);
    expect(readFileSync(join(outside, "package.json"), "utf8")).toBe("outside");
    expect(readdirSync(outside)).toEqual(["package.json"]);
    expect(readdirSync(dir).sort()).toEqual(["package.json", "src"]);
  });

  it("refuses a folder where a file goes and a file where a folder goes", () => {
    const dir = fresh();
    mkdirSync(join(dir, "package.json"));
    writeFileSync(join(dir, "src"), "a file");
    expect(planWrite(dir, tree, { overwrite: true }).refusals).toEqual([
      "package.json is a folder where the project needs a file",
      "src is a file where the project needs a folder",
    ]);
  });

  it("plans create, overwrite, merge and unchanged", () => {
    const dir = fresh();
    writeFileSync(join(dir, "package.json"), "{}\n");
    writeFileSync(join(dir, ".gitignore"), "secrets.json\n");
    const actions = Object.fromEntries(planWrite(dir, tree, { overwrite: true }).files.map((f) => [f.path, f.action]));
    expect(actions).toEqual({ "package.json": "unchanged", "src/a/b.ts": "create", ".gitignore": "merge" });
  });
});

describe("merging the files a user already has", () => {
  it(".gitignore keeps every user line and adds ours once", async () => {
    const dir = fresh();
    writeFileSync(join(dir, ".gitignore"), "secrets.json\nnode_modules\n");
    await writeTree(dir, new Map([[".gitignore", "# dependencies\nnode_modules\n\n# env\n.env.local\n"]]), {
      overwrite: true,
    });
    const merged = readFileSync(join(dir, ".gitignore"), "utf8");
    expect(merged).toBe("secrets.json\nnode_modules\n\n# Added by create-convex-saas\n# env\n.env.local\n");
    expect(mergeFile(".gitignore", merged, "node_modules\n.env.local\n")).toBe(merged); // a second run adds nothing
  });

  it(".env.example keeps the user's keys and values", () => {
    const merged = mergeFile(
      ".env.example",
      "API_URL=https://mine\nCONVEX_DEPLOYMENT=dev:mine\n",
      "# Convex\nCONVEX_DEPLOYMENT=\n\n# Clerk\nVITE_CLERK_PUBLISHABLE_KEY=\n",
    );
    expect(merged).toBe(
      "API_URL=https://mine\nCONVEX_DEPLOYMENT=dev:mine\n\n# Added by create-convex-saas\n# Clerk\nVITE_CLERK_PUBLISHABLE_KEY=\n",
    );
  });

  it("README.md keeps the user's text first", () => {
    const merged = mergeFile("README.md", "# My project\n", "# app\n\nSetup.\n");
    expect(merged.startsWith("# My project\n")).toBe(true);
    expect(merged).toContain("# app\n\nSetup.\n");
    expect(mergeFile("README.md", merged, "# app\n\nSetup.\n")).toBe(merged);
  });
});

describe.skipIf(tmpfsUnavailable())("a full disk (tmpfs)", () => {
  const project = new Map(Array.from({ length: 30 }, (_, i) => [`src/f${i}.ts`, "y".repeat(3000)] as [string, string]));

  it("the space check sees that the project does not fit", async () => {
    await withFullDisk("size=100k", (dir) => {
      const space = spaceNeeded(planWrite(dir, new Map([...project, ["README.md", "ours"]]), { overwrite: true }))!;
      expect(space.needed).toBeGreaterThan(space.free);
    });
  });

  it("a write that runs out of space takes everything back, the user's file intact", async () => {
    await withFullDisk("size=100k", async (dir) => {
      const result = await writeTree(dir, new Map([["README.md", "ours\n"], ...project]), { overwrite: true });
      expect(result).toMatchObject({ status: "failed", leftovers: [] });
      expect(result.status === "failed" && result.reason).toMatch(/the disk is full \(ENOSPC\)/);
      expect(readFileSync(join(dir, "README.md"), "utf8")).toBe(bigReadme);
      expect(readdirSync(dir)).toEqual(["README.md"]);
    });
  });
});
