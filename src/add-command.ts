// `create-convex-saas add <feature>`, run in a project: read its record, plan each file (add.ts), refuse on a
// conflict or a dirty git tree, write everything or nothing, install, update the record, say what to set up next.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { features, optionsWith, planAdd, type PlannedChange } from "./add.js";
import { generate } from "./generate.js";
import type { Conflict } from "./merge3.js";
import { nextSteps } from "./next-steps.js";
import { commands } from "./package-manager.js";
import type { ProjectOptions } from "./options.js";
import { parseRecord, RECORD_PATH } from "./record.js";
import { EXIT, Refusal, usage } from "./refusal.js";
import { installDependencies } from "./steps.js";
import { say } from "./ui.js";
import { planWrite, spaceNeeded, unwrittenMessage, writePlan } from "./write.js";

export const addHelp = `Usage: npx create-convex-saas add <${features.map((f) => f.word).join("|")}> [options]
Run in a project made by create-convex-saas (it has ${RECORD_PATH}). Adds teams, a payments provider (to a project
without one) or a frontend (to a project without one), keeping every edit: a file you never touched is replaced, one
you edited is merged with the feature's changes, and on any conflict nothing is written.

Options:
  --dry-run      list what would happen to each file, write nothing
  --diff         with a conflict, show each conflicting hunk
  --markers      write conflict markers into the conflicting files instead of refusing
  --force        run in a git work tree with uncommitted changes
  --no-install   do not install the dependencies the feature needs
  -h, --help     show this help
`;

/** The project's files that matter to the plan: what either version generates, and every Convex module and route. */
function readProject(dir: string, paths: Iterable<string>): Map<string, string> {
  const files = new Map<string, string>();
  const read = (path: string) => {
    const file = join(dir, path);
    if (existsSync(file)) files.set(path, readFileSync(file, "utf8"));
  };
  for (const path of paths) read(path);
  const walk = (folder: string) => {
    if (!existsSync(join(dir, folder))) return;
    for (const entry of readdirSync(join(dir, folder), { withFileTypes: true })) {
      const path = `${folder}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && !files.has(path)) read(path);
    }
  };
  walk("convex");
  walk("src/routes");
  return files;
}

/** Uncommitted changes, when `dir` is in a git work tree (none when git or the work tree is missing). */
function uncommitted(dir: string): string[] {
  const { spawnSync } = process.getBuiltinModule("node:child_process");
  const status = spawnSync("git", ["status", "--porcelain"], { cwd: dir, encoding: "utf8" });
  if (status.status !== 0) return [];
  return status.stdout.split("\n").filter((line) => line.trim() !== "");
}

function hunk(path: string, { line, base, theirs, ours }: Conflict): string {
  return [
    `${path}, from line ${line}:`,
    "<<<<<<< yours",
    ...theirs,
    "||||||| as generated",
    ...base,
    "=======",
    ...ours,
    ">>>>>>> create-convex-saas",
  ].join("\n");
}

const verbs: Record<PlannedChange["action"], string> = {
  create: "create    ",
  replace: "replace   ",
  merge: "merge     ",
  regenerate: "regenerate",
  conflict: "CONFLICT  ",
};

export async function runAdd(argv: readonly string[], signal: AbortSignal, dir = process.cwd()): Promise<number> {
  let values;
  let positionals;
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      allowNegative: true,
      options: {
        "dry-run": { type: "boolean" },
        diff: { type: "boolean" },
        markers: { type: "boolean" },
        force: { type: "boolean" },
        install: { type: "boolean", default: true },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    throw usage((error as Error).message.replace(/\. To specify.*$/s, "."));
  }
  if (values.help) return (say(addHelp), EXIT.done);
  const feature = features.find((candidate) => candidate.word === positionals[0]);
  if (positionals.length !== 1 || !feature) {
    throw usage(`add takes one of: ${features.map((f) => f.word).join(", ")}.`);
  }

  const recordFile = join(dir, RECORD_PATH);
  if (!existsSync(recordFile)) {
    throw new Refusal(`No ${RECORD_PATH} here: run add in a project made by create-convex-saas.`, EXIT.usage);
  }
  const record = parseRecord(readFileSync(recordFile, "utf8"));
  if ("problem" in record) throw new Refusal(`${record.problem}. Nothing was written.`, EXIT.usage);
  if (record.template !== undefined) {
    throw new Refusal(
      `This project was made with --template ${record.template}: add cannot regenerate it yet. Nothing was written.`,
      EXIT.usage,
    );
  }
  const grown = optionsWith(record, feature);
  if ("problem" in grown) throw new Refusal(`${grown.problem} Nothing was written.`, EXIT.usage);
  const dirty = values.force ? [] : uncommitted(dir);
  if (dirty.length > 0) {
    throw new Refusal(
      `Uncommitted changes (${dirty.length}): commit or stash them first, so add's changes can be reviewed and undone on their own (or pass --force). Nothing was written.`,
      EXIT.usage,
    );
  }

  const paths = new Set([...generate(record.options as ProjectOptions).keys(), ...generate(grown).keys()]);
  const plan = planAdd(record, readProject(dir, paths), grown, { markers: values.markers === true });
  if ("problem" in plan) throw new Refusal(`${plan.problem} Nothing was written.`, EXIT.usage);

  for (const change of plan.changes) say(`  ${verbs[change.action]}  ${change.path}`);
  const conflicts = plan.changes.filter((change) => change.action === "conflict");
  if (conflicts.length > 0 && !values.markers) {
    if (values.diff) {
      for (const change of conflicts) for (const conflict of change.conflicts) say(hunk(change.path, conflict));
    }
    throw new Refusal(
      `${conflicts.length} file${conflicts.length === 1 ? "" : "s"} conflict with ${feature.word}: ${conflicts.map((c) => c.path).join(", ")}. Nothing was written. See the hunks with --diff, or write conflict markers with --markers.`,
      EXIT.failed,
    );
  }
  if (values["dry-run"]) return EXIT.done;

  const tree = new Map(plan.changes.map((change) => [change.path, change.contents]));
  tree.set(RECORD_PATH, plan.ours.get(RECORD_PATH)!);
  const writing = planWrite(dir, tree, { overwrite: true, extend: false });
  if (writing.refusals.length > 0) {
    throw new Refusal(
      `Cannot write:\n${writing.refusals.map((r) => `  ${r}`).join("\n")}\nNothing was written.`,
      EXIT.usage,
    );
  }
  const space = spaceNeeded(writing);
  if (space && space.needed > space.free) {
    throw new Refusal(
      `Not enough free space: add needs about ${Math.ceil(space.needed / 1024)} KB. Nothing was written.`,
      EXIT.failed,
    );
  }
  const written = await writePlan(writing, { signal });
  if (written.status !== "written") {
    throw new Refusal(unwrittenMessage(written), written.status === "cancelled" ? EXIT.cancelled : EXIT.failed);
  }
  say(`Added ${feature.word}: ${plan.changes.length} files changed, ${RECORD_PATH} updated.`);
  if (values.install) await installDependencies(grown.pm, { dir, where: dir }, undefined, signal);
  else say(`Install the new dependencies with: ${commands[grown.pm].install}`);
  // What the feature needs set up: the next steps a project with it has and this one had not.
  const before = new Set(nextSteps(dir, record.options as ProjectOptions, true, dir));
  const steps = nextSteps(dir, grown, true, dir).filter((step) => !before.has(step));
  if (steps.length > 0) say(`Next steps for ${feature.word}:\n${steps.map((step) => `  ${step}`).join("\n")}`);
  return conflicts.length > 0 ? EXIT.failed : EXIT.done;
}
