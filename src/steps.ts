// The steps of a run after the project is resolved, each with only the inputs it needs. Each one ends in a Refusal
// when it cannot go on, saying what it left behind.
import { statSync } from "node:fs";
import { resolve } from "node:path";
import { generate, type FileTree } from "./generate.js";
import { LayerError, type Layer } from "./layers.js";
import { nextSteps, reproduceCommand, shellQuote } from "./next-steps.js";
import type { OptionValues, PackageManager, ProjectOptions } from "./options.js";
import { commands, howToGet, onPath } from "./package-manager.js";
import { cancelled, EXIT, nothingWritten, Refusal, usage } from "./refusal.js";
import type { Target } from "./target.js";
import { writeOut } from "./terminal.js";
import { note, progress, say, seconds, slowNote, success, type Ui } from "./ui.js";
import { planWrite, spaceNeeded, unwrittenMessage, writePlan, type Plan } from "./write.js";

export interface TemplateArgs {
  template?: string;
  localTemplate: boolean;
  offline: boolean;
}

/** A local --template must be a folder: checked before anything is asked. */
export function checkLocalTemplate({ template, localTemplate }: TemplateArgs): void {
  if (!template || !localTemplate) return;
  let isFolder: boolean;
  try {
    isFolder = statSync(resolve(template)).isDirectory();
  } catch {
    throw usage(`--template ${template}: no such folder.`);
  }
  if (!isFolder) throw usage(`--template ${template} is a file: a local template is a layer folder.`);
}

/** The package manager must be there before anything is written (a lookup on PATH: nothing runs). */
export function packageManagerRefusal(pm: PackageManager, installing: boolean): Refusal | undefined {
  if (!installing || onPath(pm)) return undefined;
  return new Refusal(
    `${pm} is not installed. Get it with: ${howToGet[pm]}\nOr choose another --pm, or add --no-install.`,
    EXIT.failed,
  );
}

/** The --template layer, if any: a local folder, or a download (giget loads only on this path). */
export async function loadTemplate(args: TemplateArgs, ui: Ui | undefined, signal: AbortSignal): Promise<Layer[]> {
  const source = args.template;
  if (!source) return [];
  const remote = await import("./remote.js");
  if (args.localTemplate) {
    try {
      return [remote.localLayer(source, resolve(source))];
    } catch (error) {
      throw error instanceof Refusal ? nothingWritten(error) : error;
    }
  }
  const step = progress(ui, `Downloading ${source}`);
  try {
    const layer = await remote.downloadLayer(source, {
      offline: args.offline,
      signal,
      timeoutMs: seconds("CREATE_CONVEX_SAAS_TIMEOUT", 30),
    });
    step.done(`Downloaded ${source}`);
    return [layer];
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    if (error.exitCode === EXIT.cancelled) {
      step.cancelled("Download cancelled");
      throw cancelled();
    }
    step.failed(`Could not use ${source}`);
    throw nothingWritten(error);
  }
}

/** The project in memory, with the template layer applied last. */
export function generateProject(project: ProjectOptions, layers: Layer[], template?: string): FileTree {
  try {
    return generate(project, layers, template);
  } catch (error) {
    // A template layer whose package.json names a dependency the version map does not have.
    if (error instanceof LayerError)
      throw new Refusal(`--template ${template}: ${error.message}\nNothing was written.`, EXIT.usage);
    throw error;
  }
}

const kb = (bytes: number) => `${Math.ceil(bytes / 1024)} KB`;

/** What happens to each file, and what would refuse the write (in the order a dry run lists them). */
export function planProject(target: Target, tree: FileTree, overwrite: boolean): { plan: Plan; refusals: Refusal[] } {
  const plan = planWrite(target.dir, tree, { overwrite });
  const refusals: Refusal[] = [];
  if (plan.refusals.length > 0) {
    const them = plan.refusals.length === 1 ? "it" : "them";
    const list = plan.refusals.map((r) => `  ${r}`).join("\n");
    refusals.push(
      new Refusal(
        `Cannot write into ${target.dir}:\n${list}\nMove ${them} away or choose another directory. Nothing was written.`,
        EXIT.usage,
      ),
    );
  }
  const space = spaceNeeded(plan);
  if (space && space.needed > space.free) {
    refusals.push(
      new Refusal(
        `Not enough free space for ${target.dir}: the project needs about ${kb(space.needed)}, ${kb(space.free)} are free. Free some space or choose another place. Nothing was written.`,
        EXIT.failed,
      ),
    );
  }
  return { plan, refusals };
}

/** The refusal of a non-empty directory without --force, as a dry run reports it. */
export function occupiedRefusal(target: Target): Refusal | undefined {
  if (target.occupied.length === 0 || target.force) return undefined;
  return new Refusal(
    `${target.dir} is not empty (${target.occupied.join(", ")}): a real run needs --force.`,
    EXIT.usage,
  );
}

/** Prints the plan and ends as a real run would: with the first refusal's exit code, or 0. */
export function printDryRun(plan: Plan, refusals: Refusal[]): number {
  const label = {
    create: "",
    overwrite: "  (exists: would be overwritten)",
    merge: "  (exists: would be extended)",
    unchanged: "  (exists: already identical)",
  };
  say(`Would write ${plan.files.length} files to ${plan.dir}:`);
  for (const { path, action, contents } of plan.files)
    say(`  ${path}  ${Buffer.byteLength(contents)} B${label[action]}`);
  if (refusals.length === 0) return EXIT.done;
  writeOut(2, `A real run would stop here:\n${refusals.map((r) => r.message).join("\n")}\n`);
  return refusals[0]!.exitCode;
}

/** Writes the plan; a failure or a Ctrl-C takes it back and says what could not be. */
export async function writeProject(plan: Plan, where: string, ui: Ui | undefined, signal: AbortSignal): Promise<void> {
  const result = await writePlan(plan, { signal });
  if (result.status !== "written")
    throw new Refusal(unwrittenMessage(result), result.status === "cancelled" ? EXIT.cancelled : EXIT.failed);
  const written = plan.files.filter((f) => f.action !== "unchanged").length;
  const merged = plan.files.filter((f) => f.action === "merge").map((f) => f.path);
  success(ui, `Wrote ${written} files to ${where}${merged.length > 0 ? ` (extended your ${merged.join(", ")})` : ""}`);
  if (result.kept.length > 0)
    note(ui, `Could not remove the originals kept aside while writing: ${result.kept.join(", ")}`);
}

/** Installs the dependencies. A failure or a Ctrl-C keeps the project and says how to resume. */
export async function installDependencies(
  pm: PackageManager,
  { dir, where }: Pick<Target, "dir" | "where">,
  ui: Ui | undefined,
  signal: AbortSignal,
): Promise<void> {
  const { install } = await import("./install.js");
  const retry = `cd ${shellQuote(where)} && ${commands[pm].install}`;
  const label = `Installing dependencies with ${pm}`;
  const step = progress(ui, label);
  let last = "";
  const quiet = slowNote(
    seconds("CREATE_CONVEX_SAAS_SLOW_NOTE", 30),
    () =>
      `Still installing with ${pm}… ${last ? `Its last line: ${last}` : "It has printed nothing yet (is the registry reachable?)."}`,
  );
  const outcome = await install(pm, dir, {
    signal,
    onLine: (line) => {
      if (!line.trim()) return;
      last = line.trim();
      step.message(`${label} · ${last}`);
    },
  });
  quiet();
  if (outcome.ok) return step.done("Installed dependencies");
  if (outcome.cancelled) {
    step.cancelled("Install cancelled");
    throw cancelled(`Install cancelled. Your project is written and kept in ${where}.\nResume with: ${retry}`);
  }
  step.failed(`${commands[pm].install} failed`);
  if (outcome.output) writeOut(2, `${outcome.output.split("\n").slice(-60).join("\n")}\n`);
  throw new Refusal(
    `${outcome.reason}. Your project is written and kept in ${where}.\nRetry with: ${retry}`,
    EXIT.failed,
  );
}

/** A first commit, skipped with a note when it cannot help. A merged .gitignore keeps the user's rules. */
export async function initRepository(
  { dir, where }: Pick<Target, "dir" | "where">,
  ui: Ui | undefined,
  signal: AbortSignal,
): Promise<void> {
  const { initGit } = await import("./git.js");
  const label = "Initialising a git repository";
  const step = progress(ui, label);
  const outcome = await initGit(dir, {
    signal,
    onLine: (line) => line.trim() && step.message(`${label} · ${line.trim()}`),
  });
  if (!outcome.done && outcome.cancelled) {
    step.cancelled("Git cancelled");
    throw cancelled(
      `Cancelled while initialising git: no repository was made. Your project is written and kept in ${where}.`,
    );
  }
  step.done(
    !outcome.done
      ? `Skipped git: ${outcome.reason}.`
      : outcome.committed
        ? "Initialised a git repository with a first commit."
        : "Initialised a git repository; files are staged (set git user.name and user.email, then commit).",
  );
}

/** What to run next, and the command that makes this project again. */
export function showNextSteps(
  target: Target,
  project: ProjectOptions,
  values: OptionValues,
  { installed, template }: { installed: boolean; template?: string },
  ui: Ui | undefined,
): void {
  const steps = nextSteps(target.dir, project, installed);
  const name = target.name !== target.impliedName ? target.name : undefined;
  const recreate = reproduceCommand(target.directory, values, { template, name });
  const text = `Next steps:\n${steps.map((s) => `  ${s}`).join("\n")}\n\nREADME.md walks through Clerk, Convex and deploying.\nRecreate this project: ${recreate}`;
  if (ui) ui.outro(text);
  else say(`\n${text}`);
}
