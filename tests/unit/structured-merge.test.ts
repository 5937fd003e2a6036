import { describe, expect, it } from "vitest";
import { packageJsonText } from "../../src/package-json.js";
import { mergeLines, mergePackageJson } from "../../src/structured-merge.js";

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const text = (...lines: string[]) => lines.map((line) => `${line}\n`).join("");

const base = {
  name: "app",
  version: "0.1.0",
  private: true,
  scripts: { dev: "vite", build: "vite build" },
  dependencies: { convex: "^1.49.0", react: "^19.2.0" },
  devDependencies: { typescript: "^5.9.3", vite: "^8.0.0" },
  packageManager: "npm@11.0.0",
};

describe("mergePackageJson(base, theirs, ours)", () => {
  it("keeps the owner's edits and adds the feature's, key by key", () => {
    const theirs = { ...base, description: "Mine", scripts: { ...base.scripts, dev: "vite --port 3000" } };
    const ours = {
      ...base,
      scripts: { ...base.scripts, "dev:stripe": "stripe listen" },
      dependencies: { ...base.dependencies, stripe: "^20.0.0" },
    };
    expect(mergePackageJson(json(base), json(theirs), json(ours))).toEqual({
      text: json({
        ...theirs,
        scripts: { dev: "vite --port 3000", build: "vite build", "dev:stripe": "stripe listen" },
        dependencies: { convex: "^1.49.0", react: "^19.2.0", stripe: "^20.0.0" },
      }),
      conflicts: [],
    });
  });

  it("takes the feature's file when the owner never touched it, and the same change on both sides once", () => {
    const ours = { ...base, dependencies: { ...base.dependencies, stripe: "^20.0.0" } };
    expect(mergePackageJson(json(base), json(base), json(ours))).toEqual({ text: json(ours), conflicts: [] });
    const both = { ...base, scripts: { ...base.scripts, test: "vitest" }, devDependencies: { vite: "^8.1.0" } };
    expect(mergePackageJson(json(base), json(both), json(both))).toEqual({ text: json(both), conflicts: [] });
  });

  it("applies a removal made on one side", () => {
    const { packageManager: _packageManager, ...theirs } = { ...base, scripts: { dev: "vite" } };
    const ours = { ...base, dependencies: { convex: "^1.49.0" } };
    expect(mergePackageJson(json(base), json(theirs), json(ours))).toEqual({
      text: json({ ...theirs, dependencies: { convex: "^1.49.0" } }),
      conflicts: [],
    });
  });

  it("reports different changes to one key as a conflict on line 0, keeping the owner's value", () => {
    // The owner pinned convex and added a lint script; the feature bumps convex and adds its own lint script.
    const theirs = {
      ...base,
      scripts: { ...base.scripts, lint: "eslint ." },
      dependencies: { ...base.dependencies, convex: "1.49.1" },
    };
    const ours = {
      ...base,
      scripts: { ...base.scripts, lint: "oxlint" },
      dependencies: { ...base.dependencies, convex: "^1.50.0" },
    };
    expect(mergePackageJson(json(base), json(theirs), json(ours))).toEqual({
      text: json(theirs),
      conflicts: [
        { line: 0, base: ["(absent)"], theirs: ['"scripts.lint": "eslint ."'], ours: ['"scripts.lint": "oxlint"'] },
        {
          line: 0,
          base: ['"dependencies.convex": "^1.49.0"'],
          theirs: ['"dependencies.convex": "1.49.1"'],
          ours: ['"dependencies.convex": "^1.50.0"'],
        },
      ],
    });
  });

  it("reports a key the owner removed and the feature changed, keeping it removed", () => {
    const { packageManager: _packageManager, ...theirs } = base;
    const ours = { ...base, packageManager: "npm@11.1.0" };
    expect(mergePackageJson(json(base), json(theirs), json(ours))).toEqual({
      text: json(theirs),
      conflicts: [
        {
          line: 0,
          base: ['"packageManager": "npm@11.0.0"'],
          theirs: ["(absent)"],
          ours: ['"packageManager": "npm@11.1.0"'],
        },
      ],
    });
  });

  it("merges objects one level down only: deeper objects, arrays and scalars are values", () => {
    const withPnpm = { ...base, files: ["dist"], pnpm: { overrides: { a: "1" }, onlyBuiltDependencies: ["esbuild"] } };
    const theirs = { ...withPnpm, files: ["dist", "bin"], pnpm: { ...withPnpm.pnpm, overrides: { a: "2" } } };
    const ours = { ...withPnpm, pnpm: { overrides: { a: "1", b: "1" }, onlyBuiltDependencies: ["esbuild", "sharp"] } };
    const merged = mergePackageJson(json(withPnpm), json(theirs), json(ours));
    expect(JSON.parse(merged.text)).toEqual({
      ...theirs,
      pnpm: { overrides: { a: "2" }, onlyBuiltDependencies: ["esbuild", "sharp"] },
    });
    expect(merged.conflicts).toEqual([
      {
        line: 0,
        base: ['"pnpm.overrides": {"a":"1"}'],
        theirs: ['"pnpm.overrides": {"a":"2"}'],
        ours: ['"pnpm.overrides": {"a":"1","b":"1"}'],
      },
    ]);
  });

  it("merges an object both sides added key by key", () => {
    const theirs = { ...base, engines: { node: ">=22" } };
    const ours = { ...base, engines: { node: ">=22", npm: ">=10" } };
    expect(mergePackageJson(json(base), json(theirs), json(ours))).toEqual({ text: json(ours), conflicts: [] });
  });

  it("keeps the owner's key order, then puts keys only the feature has in the feature's order", () => {
    const theirs = {
      scripts: { build: "vite build", dev: "vite" },
      name: "app",
      version: "0.1.0",
      private: true,
      dependencies: base.dependencies,
      devDependencies: base.devDependencies,
      packageManager: base.packageManager,
    };
    const ours = { ...base, type: "module", scripts: { stripe: "stripe listen", ...base.scripts, e2e: "playwright" } };
    const merged = mergePackageJson(json(base), json(theirs), json(ours));
    expect(Object.keys(JSON.parse(merged.text))).toEqual([...Object.keys(theirs), "type"]);
    expect(Object.keys(JSON.parse(merged.text).scripts)).toEqual(["build", "dev", "stripe", "e2e"]);
  });

  it("puts a new dependency in its alphabetical place when the owner's dependencies are sorted, last otherwise", () => {
    const ours = { ...base, dependencies: { ...base.dependencies, "@stripe/stripe-js": "^8.0.0", stripe: "^20.0.0" } };
    const sorted = { ...base, dependencies: { convex: "^1.49.0", "lucide-react": "^1.0.0", react: "^19.2.0" } };
    const merged = JSON.parse(mergePackageJson(json(base), json(sorted), json(ours)).text);
    expect(Object.keys(merged.dependencies)).toEqual([
      "@stripe/stripe-js",
      "convex",
      "lucide-react",
      "react",
      "stripe",
    ]);
    // npm sorts with localeCompare, where "Zod" comes after "react"; the generator sorts by code units.
    const byNpm = { ...base, dependencies: { convex: "^1.49.0", react: "^19.2.0", Zod: "^4.0.0" } };
    const mergedByNpm = JSON.parse(mergePackageJson(json(base), json(byNpm), json(ours)).text);
    expect(Object.keys(mergedByNpm.dependencies)).toEqual(["@stripe/stripe-js", "convex", "react", "stripe", "Zod"]);
    const unsorted = { ...base, dependencies: { react: "^19.2.0", convex: "^1.49.0" } };
    const kept = JSON.parse(mergePackageJson(json(base), json(unsorted), json(ours)).text);
    expect(Object.keys(kept.dependencies)).toEqual(["react", "convex", "@stripe/stripe-js", "stripe"]);
  });

  it("writes package.json exactly as src/package-json.ts does", () => {
    const fragments = [
      { type: "module", scripts: { dev: "vite" }, dependencies: { react: "^19.2.0", convex: "^1.49.0" } },
    ];
    const generated = packageJsonText("app", fragments, { node: 22, packageManager: "npm@11.0.0" });
    expect(mergePackageJson(generated, generated, generated).text).toBe(generated);
    const added = packageJsonText("app", [...fragments, { dependencies: { stripe: "^20.0.0" } }], { node: 22 });
    expect(mergePackageJson(generated, generated, added).text).toBe(added);
    // Whatever the owner's indentation, the result is written the generator's way.
    const tabbed = JSON.stringify(JSON.parse(generated), null, "\t");
    expect(mergePackageJson(generated, tabbed, generated).text).toBe(generated);
  });

  it("names the side that is not valid JSON", () => {
    const good = json(base);
    expect(() => mergePackageJson(good, "{ oops", good)).toThrow(/^package\.json on disk is not valid JSON: /);
    expect(() => mergePackageJson("", good, good)).toThrow(/^package\.json as generated is not valid JSON: /);
    expect(() => mergePackageJson(good, good, "[]")).toThrow(
      /^package\.json with the new feature is not valid JSON: not an object/,
    );
  });
});

describe("mergeLines(base, theirs, ours)", () => {
  const gitignore = text("node_modules", "dist", "", "# env", ".env.local");

  it("appends the lines the feature added, with their comments and blank lines, in the feature's order", () => {
    const ours = text("node_modules", "dist", ".turbo", "", "# env", ".env.local", "", "# Stripe", ".stripe");
    expect(mergeLines(gitignore, gitignore, ours)).toBe(gitignore + text(".turbo", "", "# Stripe", ".stripe"));
  });

  it("leaves the owner's lines untouched, even those the feature removed", () => {
    const theirs = text("# mine", "node_modules", "coverage", "", "# env", ".env.local");
    const ours = text("node_modules", "", "# env", ".env.local", ".env.test");
    expect(mergeLines(gitignore, theirs, ours)).toBe(theirs + text(".env.test"));
    expect(mergeLines(gitignore, theirs, gitignore)).toBe(theirs);
  });

  it("skips lines the owner already has, and a block (cut at blank lines) whose entries the owner all has", () => {
    const theirs = gitignore + text(".stripe", "STRIPE_SECRET_KEY=");
    const ours = gitignore + text("", "# Stripe", ".stripe", "", "# Polar", ".polar", ".stripe");
    expect(mergeLines(gitignore, theirs, ours)).toBe(theirs + text("", "# Polar", ".polar"));
    expect(mergeLines(gitignore, theirs, gitignore + text("", "# Stripe", ".stripe"))).toBe(theirs);
    // A block of comments alone is judged by its comments.
    expect(mergeLines(gitignore, theirs, gitignore + text("", "# env"))).toBe(theirs);
    expect(mergeLines(gitignore, theirs, gitignore + text("", "# see docs/deploy.md"))).toBe(
      theirs + text("", "# see docs/deploy.md"),
    );
  });

  it("keeps the owner's final newline convention, with a newline before the appended lines", () => {
    expect(mergeLines("a\n", "a\nb", "a\nc\n")).toBe("a\nb\nc");
    expect(mergeLines("a\n", "a\r\nb\r\n", "a\nc\n")).toBe("a\r\nb\r\nc\r\n");
  });

  it("handles empty files", () => {
    expect(mergeLines("", "", "")).toBe("");
    expect(mergeLines("", "", "a\nb\n")).toBe("a\nb\n");
    expect(mergeLines("a\n", "", "a\nb\n")).toBe("b\n");
    expect(mergeLines("", "mine\n", "")).toBe("mine\n");
    expect(mergeLines("a\n", "a\n", "")).toBe("a\n");
  });
});
