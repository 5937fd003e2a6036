// `create-convex-saas add`, as a process in a project: create → edit as an owner would → add.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { execa } from "execa";
import { describe, expect, it } from "vitest";
import { generate } from "../src/generate.js";
import { RECORD_PATH } from "../src/record.js";
import { freshDirs, projectOptions, readTree, runCli } from "./helpers.js";

const fresh = freshDirs();
const git = (cwd: string, ...args: string[]) =>
  execa("git", ["-c", "user.name=Owner", "-c", "user.email=owner@example.com", ...args], { cwd });

/** A Vite project with Clerk Billing and no teams, committed, then edited and committed again. */
async function editedProject(edit: (dir: string) => void) {
  const cwd = fresh();
  const created = await runCli(
    ["shop", "--frontend=vite", "--payments=clerk", "--no-orgs", "--no-install", "--no-git"],
    cwd,
  );
  expect(created.exitCode, created.stderr).toBe(0);
  const dir = join(cwd, "shop");
  await git(dir, "init", "-q");
  await git(dir, "add", "-A");
  await git(dir, "commit", "-qm", "as generated");
  edit(dir);
  await git(dir, "commit", "-qam", "the owner's edits", "--allow-empty");
  return dir;
}

const change = (dir: string, path: string, edit: (text: string) => string) =>
  writeFileSync(join(dir, path), edit(readFileSync(join(dir, path), "utf8")));

const ownerEdits = (dir: string) => {
  change(dir, "convex/schema.ts", (text) =>
    text.replace(/\n\}\);\n$/, '\n  notes: defineTable({ text: v.string() }).index("by_text", ["text"]),\n});\n'),
  );
  change(dir, "README.md", (text) => `${text}\n## Our release process\n\nTag, then deploy.\n`);
  change(dir, "src/components/landing/hero.tsx", (text) =>
    text.replace("Ship your SaaS, not its plumbing", "Notes for busy teams"),
  );
};

describe("create-convex-saas add", () => {
  it("add teams keeps the owner's edits, and every file they did not touch is the fresh project's", async () => {
    const dir = await editedProject(ownerEdits);
    const result = await runCli(["add", "teams", "--no-install"], dir);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain("merge       convex/schema.ts");
    expect(result.stdout).toContain("create      convex/organizations.ts");
    const after = readTree(dir);
    expect(after.get("convex/schema.ts")).toContain("notes: defineTable");
    expect(after.get("convex/schema.ts")).toContain("...orgTables");
    expect(after.get("README.md")).toContain("## Our release process");
    expect(after.get("src/components/landing/hero.tsx")).toContain("Notes for busy teams");
    const fresh = generate(projectOptions({ name: "shop", frontend: "vite", payments: "clerk", orgs: true }));
    const edited = new Set(["convex/schema.ts", "README.md", "src/components/landing/hero.tsx"]);
    for (const [path, contents] of fresh) {
      if (!edited.has(path) && !path.startsWith("convex/_generated/")) expect(after.get(path), path).toBe(contents);
    }
    // The record is the fresh project's: the next add starts from it.
    expect(after.get(RECORD_PATH)).toBe(fresh.get(RECORD_PATH));
  });

  it("an edit on the lines the feature changes: lists the conflict with its hunk, writes nothing, exit 1", async () => {
    const dir = await editedProject((dir) => {
      ownerEdits(dir);
      change(dir, "convex/model/owners.ts", (text) =>
        text.replace(
          'return { owner: { kind: "user", id: identity.subject } };',
          'return { owner: { kind: "user", id: identity.subject } }; // our rule',
        ),
      );
    });
    const before = readTree(dir);
    const result = await runCli(["add", "teams", "--diff", "--no-install"], dir);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain("1 file conflict with teams: convex/model/owners.ts. Nothing was written.");
    expect(result.stdout).toContain("<<<<<<< yours");
    expect(result.stdout).toContain("// our rule");
    expect(readTree(dir)).toEqual(before);
  });

  it("refuses uncommitted changes (unless --force), a project without a record, and what the project has", async () => {
    const dir = await editedProject(() => {});
    change(dir, "README.md", (text) => `${text}\nwork in progress\n`);
    const dirty = await runCli(["add", "teams", "--no-install"], dir);
    expect([dirty.exitCode, dirty.stderr]).toEqual([2, expect.stringContaining("Uncommitted changes (1)")]);
    const forced = await runCli(["add", "teams", "--no-install", "--force", "--dry-run"], dir);
    expect(forced.exitCode, forced.stderr).toBe(0);
    expect(readFileSync(join(dir, RECORD_PATH), "utf8")).toContain('"orgs": false');

    const has = await runCli(["add", "clerk", "--force"], dir);
    expect([has.exitCode, has.stderr]).toEqual([
      2,
      expect.stringContaining("takes payments with Clerk Billing already"),
    ]);
    const elsewhere = await runCli(["add", "teams"], fresh());
    expect([elsewhere.exitCode, elsewhere.stderr]).toEqual([2, expect.stringContaining("No convex-saas.json here")]);
    const unknown = await runCli(["add", "stripe"], dir);
    expect([unknown.exitCode, unknown.stderr]).toEqual([2, expect.stringContaining("add takes one of: teams, clerk")]);
  });
});
