import { describe, expect, it } from "vitest";
import { features, optionsWith, planAdd } from "../../src/add.js";
import { generate } from "../../src/generate.js";
import { nodeRequirement, type ProjectOptions } from "../../src/options.js";
import { parseRecord, type ProjectRecord, RECORD_PATH } from "../../src/record.js";
import { combinations, projectOptions } from "../helpers.js";

/** A project as its owner has it: generated with `options`, then `edit`ed. */
function project(options: ProjectOptions, edit: (files: Map<string, string>) => void = () => {}) {
  const files = generate(options);
  const record = parseRecord(files.get(RECORD_PATH)!) as ProjectRecord;
  edit(files);
  return { files, record };
}

/** The project after the plan's writes (conflicts left as they are on disk). */
function after(files: ReadonlyMap<string, string>, plan: ReturnType<typeof planAdd>) {
  if ("problem" in plan) throw new Error(plan.problem);
  const result = new Map(files);
  for (const change of plan.changes) if (change.action !== "conflict") result.set(change.path, change.contents);
  return result;
}

const grow = (record: ProjectRecord, word: string) => {
  const grown = optionsWith(
    record,
    features.find((feature) => feature.word === word)!,
  );
  if ("problem" in grown) throw new Error(grown.problem);
  return grown;
};

describe("add to an untouched project", () => {
  // Each base on the Node lines it can be made for: TanStack Start only on 22, the others on both.
  const bases = combinations.flatMap((combination) =>
    ([20, 22] as const)
      .filter((node) => node >= (nodeRequirement(combination)?.line ?? 20))
      .map((node) => ({ ...combination, node })),
  );
  const cases = bases.flatMap((base) =>
    features.flatMap((feature) => {
      const { record } = project(projectOptions(base));
      return "problem" in optionsWith(record, feature) ? [] : [{ ...base, feature: feature.word }];
    }),
  );

  it("covers every feature on some base, TanStack Start included", () => {
    expect(new Set(cases.map((c) => c.feature))).toEqual(new Set(features.map((f) => f.word)));
    expect(cases.some((c) => c.frontend === "start")).toBe(true);
  });

  it.each(cases)(
    "$feature on --frontend=$frontend --payments=$payments --orgs=$orgs (Node $node line): the project with both",
    (c) => {
      const { files, record } = project(projectOptions(c));
      const grown = grow(record, c.feature);
      const plan = planAdd(record, files, grown);
      const result = after(files, plan);
      const expected = generate(grown);
      // Every file but the record is what a fresh project with both options has.
      result.delete(RECORD_PATH);
      expected.delete(RECORD_PATH);
      expect(result).toEqual(expected);
      expect("problem" in plan ? [] : plan.changes.filter((change) => change.action === "conflict")).toEqual([]);
    },
  );
});

describe("add to a project whose package.json names its package manager (`packageManager`)", () => {
  it("regenerates it as recorded: the field is part of the record", () => {
    const { files, record } = project(projectOptions({ pm: "pnpm", packageManager: "pnpm@10.12.1" }));
    expect(record.options.packageManager).toBe("pnpm@10.12.1");
    const plan = planAdd(record, files, grow(record, "teams"));
    expect(plan).not.toHaveProperty("problem");
    expect(after(files, plan).get("package.json")).toContain('"packageManager": "pnpm@10.12.1"');
  });
});

describe("add teams to a project its owner edited", () => {
  const base = projectOptions({ frontend: "vite", payments: "clerk", orgs: false });
  const notesTable = '  notes: defineTable({ text: v.string() }).index("by_text", ["text"]),';
  const readmeSection = "\n## Our release process\n\nTag, then deploy.\n";

  const edited = (files: Map<string, string>) => {
    // A new table at the end of the schema, where teams add theirs too.
    const schema = files.get("convex/schema.ts")!;
    files.set("convex/schema.ts", schema.replace(/\n\}\);\n$/, `\n${notesTable}\n});\n`));
    // A README section of their own, at the end.
    files.set("README.md", files.get("README.md")! + readmeSection);
    // A page changed where teams change nothing.
    const landing = "src/components/landing/hero.tsx";
    files.set(landing, files.get(landing)!.replace("Ship your SaaS, not its plumbing", "Notes for busy teams"));
  };

  it("keeps every edit and adds the feature's changes", () => {
    const { files, record } = project(base, edited);
    const plan = planAdd(record, files, grow(record, "teams"));
    const result = after(files, plan);
    expect(result.get("convex/schema.ts")).toContain(notesTable);
    expect(result.get("convex/schema.ts")).toContain("...orgTables");
    expect(result.get("README.md")).toContain(readmeSection);
    expect(result.get("README.md")).toContain("organizationMembership");
    expect(result.get("src/components/landing/hero.tsx")).toContain("Notes for busy teams");
    const fresh = generate(grow(record, "teams"));
    // What the owner did not touch is the fresh project's.
    for (const path of ["convex/organizations.ts", "src/views/team-page.tsx", "package.json"]) {
      expect(result.get(path), path).toBe(fresh.get(path));
    }
    if ("problem" in plan) throw new Error(plan.problem);
    expect(plan.changes.find((change) => change.path === "convex/schema.ts")?.action).toBe("merge");
    expect(plan.changes.find((change) => change.path === "convex/organizations.ts")?.action).toBe("create");
    expect(plan.changes.filter((change) => change.action === "conflict")).toEqual([]);
  });

  it("reports an edit on the same lines as the feature's as a conflict, with its hunk", () => {
    const { files, record } = project(base, (files) => {
      edited(files);
      // The owner changed who owns the caller's data, right where teams add the active team.
      const owners = "convex/model/owners.ts";
      const line = 'return { owner: { kind: "user", id: identity.subject } };';
      files.set(owners, files.get(owners)!.replace(line, `${line} /* ours */`));
    });
    const plan = planAdd(record, files, grow(record, "teams"));
    if ("problem" in plan) throw new Error(plan.problem);
    const conflicts = plan.changes.filter((change) => change.action === "conflict");
    expect(conflicts.map((change) => change.path)).toEqual(["convex/model/owners.ts"]);
    expect(conflicts[0]!.conflicts[0]!.theirs.join("\n")).toContain("/* ours */");
  });

  it("refuses what the project has, and a frontend that needs a newer Node line", () => {
    const { record } = project(projectOptions({ frontend: "next", payments: "polar", orgs: true }));
    for (const word of ["teams", "clerk", "polar", "vite"]) {
      expect(
        optionsWith(
          record,
          features.find((feature) => feature.word === word)!,
        ),
        word,
      ).toHaveProperty("problem");
    }
    const { record: node20 } = project(projectOptions({ frontend: "none", node: 20 }));
    expect(
      optionsWith(
        node20,
        features.find((feature) => feature.word === "start")!,
      ),
    ).toEqual({
      problem: "TanStack Start needs the Node 22 line; this project was made for Node 20.",
    });
  });
});
