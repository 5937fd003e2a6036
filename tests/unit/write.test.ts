import { mkdirSync, readFileSync, writeFileSync, existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { occupiedEntries, rollback, TargetError, writeTree } from "../../src/write.js";
import { freshDirs } from "../helpers.js";

const fresh = freshDirs();

const tree = new Map([
  ["package.json", "{}\n"],
  ["src/a/b.ts", "export {};\n"],
  [".gitignore", "node_modules\n"],
]);

describe("occupiedEntries", () => {
  it("ignores harmless entries such as .git and counts the rest", () => {
    const dir = fresh();
    mkdirSync(join(dir, ".git"));
    writeFileSync(join(dir, ".DS_Store"), "");
    expect(occupiedEntries(dir)).toEqual([]);
    writeFileSync(join(dir, "notes.txt"), "mine");
    expect(occupiedEntries(dir)).toEqual(["notes.txt"]);
    expect(occupiedEntries(join(dir, "missing"))).toEqual([]);
    expect(() => occupiedEntries(join(dir, "notes.txt"))).toThrow(TargetError);
  });
});

describe("writeTree", () => {
  it("writes every file, creating folders", () => {
    const dir = join(fresh(), "new/project");
    writeTree(dir, tree);
    expect(readFileSync(join(dir, "src/a/b.ts"), "utf8")).toBe("export {};\n");
    expect(readFileSync(join(dir, ".gitignore"), "utf8")).toBe("node_modules\n");
  });

  it("refuses to overwrite without permission and leaves nothing behind", () => {
    const dir = fresh();
    writeFileSync(join(dir, "package.json"), "mine");
    expect(() => writeTree(dir, tree)).toThrow(/package.json already exists/);
    expect(readdirSync(dir)).toEqual(["package.json"]);
    expect(readFileSync(join(dir, "package.json"), "utf8")).toBe("mine");
  });

  it("rolls back on a failure midway: restores overwritten files, removes only what it created", () => {
    const dir = fresh();
    writeFileSync(join(dir, "package.json"), "mine");
    writeFileSync(join(dir, "notes.txt"), "keep me");
    mkdirSync(join(dir, "src"));
    writeFileSync(join(dir, "src/user.ts"), "user");
    // a folder where the tree wants a file: writing it fails after earlier files were written
    mkdirSync(join(dir, ".gitignore"));
    expect(() => writeTree(dir, tree, { overwrite: true })).toThrow();
    expect(readFileSync(join(dir, "package.json"), "utf8")).toBe("mine");
    expect(readFileSync(join(dir, "notes.txt"), "utf8")).toBe("keep me");
    expect(readdirSync(join(dir, "src"))).toEqual(["user.ts"]);
    expect(readdirSync(dir).sort()).toEqual([".gitignore", "notes.txt", "package.json", "src"]);
  });

  it("rollback after success takes back exactly what was written", () => {
    const root = fresh();
    const dir = join(root, "p");
    const record = writeTree(dir, tree);
    writeFileSync(join(dir, "added-by-someone-else.txt"), "x");
    rollback(record);
    expect(readdirSync(dir)).toEqual(["added-by-someone-else.txt"]);
    expect(existsSync(join(dir, "src"))).toBe(false);
  });
});
