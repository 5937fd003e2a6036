// create-convex-saas, top to bottom: args → prompts → generate → write → install → git → next steps.
import { readFileSync, statSync } from "node:fs";
import { relative, resolve } from "node:path";
import { parseArgv, UsageError } from "./args.js";
import { generate } from "./generate.js";
import { LayerError } from "./layers.js";
import { helpText } from "./help.js";
import { defaults, nodeRequirement, type OptionValues, type ProjectOptions } from "./options.js";
import { detectPackageManager, commands, howToGet, onPath, packageManagerSpec } from "./package-manager.js";
import { checkPackageName, resolveTarget, suggestName } from "./project-name.js";
import { nextSteps, reproduceCommand, shellQuote } from "./next-steps.js";
import { isTerminal, useStdioStreams, writeOut } from "./terminal.js";
import { nodeLineFor, nodeLines } from "./versions.js";
import {
  commit,
  occupiedEntries,
  planWrite,
  rollback,
  spaceNeeded,
  TargetError,
  writePlan,
  WriteError,
  type Plan,
} from "./write.js";

const EXIT = { done: 0, failed: 1, usage: 2, cancelled: 130 } as const;

const version = (): string =>
  (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }).version;

// Plain lines go straight to the descriptor, or through the stdio streams once prompts are in use (terminal.ts).
const say = (line = "") => writeOut(1, `${line}\n`);

type Ui = typeof import("./prompts.js");

/** Ends the run with a message: inside clack's frame in a terminal, on stderr otherwise. */
class Stop extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}
const stop = (message: string, code: number = EXIT.failed) => new Stop(message, code);

/** A long step: our clack-styled spinner in a terminal, plain lines otherwise. */
function progress(ui: Ui | undefined, label: string) {
  const spin = ui?.spinner();
  spin ? spin.start(label) : say(`${label}…`);
  return {
    message: (message: string) => spin?.message(message),
    done: (message: string) => (spin ? spin.stop(message) : say(`✔ ${message}`)),
    failed: (message: string) => spin?.error(message),
    cancelled: (message: string) => spin?.cancel(message),
  };
}

/** After `ms` without the step ending, and every `ms` after that, a line says what it is still waiting on. */
function slowNote(ms: number, note: () => string) {
  const timer = setInterval(() => say(note()), ms);
  return () => clearInterval(timer);
}

const seconds = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return value > 0 ? value * 1000 : fallback * 1000;
};

export async function main(argv = process.argv.slice(2)): Promise<number> {
  // 1. Arguments. --help and --version load nothing else.
  let args;
  try {
    args = parseArgv(argv);
  } catch (error) {
    if (error instanceof UsageError)
      return fail(`${error.message}\nRun create-convex-saas --help for usage.`, EXIT.usage);
    throw error;
  }
  if (args.help) return (say(helpText(version())), EXIT.done);
  if (args.version) return (say(version()), EXIT.done);

  // 2. Prompts, only with a terminal: without one (CI, pipes, agents) we never wait for input. stdout is checked
  // first: in CI it is a pipe, so stdin (often /dev/null, a character device) never needs the tty module.
  const interactive = isTerminal(1) && isTerminal(0) && !args.dryRun;
  const ui = interactive ? await import("./prompts.js") : undefined;
  if (ui) useStdioStreams();

  // Ctrl-C (SIGINT, or the Ctrl-C key under our spinner) aborts the current step; each step takes back what it did.
  const cancel = new AbortController();
  const onInterrupt = () => cancel.abort();
  process.on("SIGINT", onInterrupt);
  try {
    return await run(args, ui, cancel.signal);
  } catch (error) {
    if (error instanceof Stop) {
      if (ui) ui.cancel(error.message);
      else writeOut(2, `${error.message}\n`);
      return error.code;
    }
    if (ui && error instanceof ui.Cancelled) {
      ui.cancel("Cancelled. Nothing was written.");
      return EXIT.cancelled;
    }
    throw error;
  } finally {
    process.off("SIGINT", onInterrupt);
  }
}

const fail = (message: string, code: number = EXIT.failed): number => {
  writeOut(2, `${message}\n`);
  return code;
};

async function run(args: ReturnType<typeof parseArgv>, ui: Ui | undefined, signal: AbortSignal): Promise<number> {
  const usage = (message: string) => stop(`${message}\nRun create-convex-saas --help for usage.`, EXIT.usage);
  const cancelled = (message = "Cancelled. Nothing was written.") => stop(message, EXIT.cancelled);
  const note = (message: string) => (ui ? ui.log.info(message) : say(message));

  if (args.template && args.localTemplate) {
    let isFolder: boolean;
    try {
      isFolder = statSync(resolve(args.template)).isDirectory();
    } catch {
      throw usage(`--template ${args.template}: no such folder.`);
    }
    if (!isFolder) throw usage(`--template ${args.template} is a file: a local template is a layer folder.`);
  }

  ui?.intro(version());
  const directory = args.directory ?? (await ui?.askDirectory());
  if (!directory) throw usage("Missing project directory. Usage: create-convex-saas <directory> [options]");
  const target = resolveTarget(directory);
  const where = relative(process.cwd(), target.dir) || ".";

  // The package name: --name, else the folder's name, else (asked, or said) a valid one close to it.
  let name = target.name;
  if (args.name !== undefined) {
    const bad = checkPackageName(args.name);
    if (bad) throw usage(`--name: ${bad} Try --name ${shellQuote(suggestName(args.name))}.`);
    name = args.name;
  } else if (checkPackageName(name)) {
    const suggestion = suggestName(name);
    if (ui) name = await ui.askPackageName(name, suggestion);
    else {
      note(`${checkPackageName(name)} The package is named "${suggestion}" (choose another with --name).`);
      name = suggestion;
    }
  }

  let force = args.force;
  const occupied = occupied_(target.dir);
  if (occupied.length > 0 && !force && !args.dryRun) {
    if (!ui) {
      throw usage(
        `${target.dir} is not empty: ${occupied.join(", ")}\n` +
          "Choose another directory, or add --force to write into it (same-named files are overwritten; .gitignore, .env.example and README.md are extended; nothing is deleted).",
      );
    }
    force = await ui.askOverwrite(where, occupied);
    if (!force) throw cancelled(`Cancelled: ${where} is left as it was.`);
  }

  const asked = ui && !args.yes ? await ui.askOptions(args.given) : {};
  const values: OptionValues = { ...defaults(), pm: detectPackageManager(), ...args.given, ...asked };
  // A choice that needs a newer Node (TanStack Start) gets that line's versions; installing them here would fail.
  const running = nodeLineFor(process.versions.node);
  const needs = nodeRequirement(values);
  const node = needs && needs.line > running ? needs.line : running;
  if (needs && node > running && values.install) {
    const newer = `Node.js ${nodeLines[node].readme}`;
    throw usage(
      `${needs.by} needs ${newer}, and this is Node ${process.versions.node}. Run this again with ${newer}, or add ` +
        `--no-install to write the project now and install it with ${newer} later.\nNothing was written.`,
    );
  }
  const project: ProjectOptions = {
    name,
    frontend: values.frontend,
    payments: values.payments,
    orgs: values.orgs,
    pm: values.pm,
    node,
    packageManager: packageManagerSpec(values.pm),
  };

  // The package manager must be there before anything is written (a lookup on PATH: nothing runs).
  const pmMissing =
    values.install && !onPath(values.pm)
      ? `${values.pm} is not installed. Get it with: ${howToGet[values.pm]}\nOr choose another --pm, or add --no-install.`
      : undefined;
  if (pmMissing && !args.dryRun) throw stop(`${pmMissing}\nNothing was written.`);

  // 3. Generate in memory, with the template layer (if any) applied last.
  const layers = args.template ? [await loadTemplate(args.template, args, ui, signal)] : [];
  if (signal.aborted) throw cancelled();
  let tree;
  try {
    tree = generate(project, layers);
  } catch (error) {
    // A template layer whose package.json names a dependency the version map does not have.
    if (error instanceof LayerError)
      throw stop(`--template ${args.template}: ${error.message}\nNothing was written.`, EXIT.usage);
    throw error;
  }

  // 4. Plan: what happens to each file, and whatever would refuse the write. --dry-run prints it and stops.
  const plan = planWrite(target.dir, tree, { overwrite: force || args.dryRun });
  const space = spaceNeeded(plan);
  const full =
    space && space.needed > space.free
      ? `Not enough free space for ${target.dir}: the project needs about ${kb(space.needed)}, ${kb(space.free)} are free. Free some space or choose another place. Nothing was written.`
      : undefined;
  const refused =
    plan.refusals.length > 0
      ? `Cannot write into ${target.dir}:\n${plan.refusals.map((r) => `  ${r}`).join("\n")}\nMove ${plan.refusals.length === 1 ? "it" : "them"} away or choose another directory. Nothing was written.`
      : undefined;
  if (args.dryRun)
    return dryRun(plan, { occupied: occupied.length > 0 && !force ? occupied : [], refused, full, pmMissing });
  if (refused) throw stop(refused, EXIT.usage);
  if (full) throw stop(full);

  // 5. Write. Ctrl-C while writing stops it and takes back what this run wrote.
  let record;
  try {
    record = await writePlan(plan, {
      stopped: () => signal.aborted,
      // For tests: waits after the first file until Ctrl-C, so a Ctrl-C always lands mid-write.
      afterFile: process.env.CREATE_CONVEX_SAAS_TEST_HOLD_WRITE === "1" ? holdUntil(signal) : undefined,
    });
  } catch (error) {
    if (!(error instanceof WriteError)) throw error;
    const outcome =
      error.leftovers.length === 0
        ? "Nothing was left behind."
        : `These could not be taken back:\n${error.leftovers.map((l) => `  ${l}`).join("\n")}`;
    if (error.message === "Cancelled") throw stop(`Cancelled. ${outcome}`, EXIT.cancelled);
    throw stop(`${error.message}\n${outcome}`);
  }
  await new Promise((resolve) => setImmediate(resolve)); // a Ctrl-C that came with the last file
  if (signal.aborted) {
    const left = rollback(record);
    throw stop(
      `Cancelled. ${left.length === 0 ? "Nothing was left behind." : `These could not be taken back:\n  ${left.join("\n  ")}`}`,
      EXIT.cancelled,
    );
  }
  const kept = commit(record);
  const written = plan.files.filter((f) => f.action !== "unchanged").length;
  const merged = plan.files.filter((f) => f.action === "merge").map((f) => f.path);
  const wrote = `Wrote ${written} files to ${where}${merged.length > 0 ? ` (extended your ${merged.join(", ")})` : ""}`;
  ui ? ui.log.success(wrote) : say(`✔ ${wrote}`);
  if (kept.length > 0) note(`Could not remove the originals kept aside while writing: ${kept.join(", ")}`);

  // 6. Install. A failure or a Ctrl-C keeps the project and says how to resume.
  let installed = false;
  if (values.install) {
    const { install } = await import("./install.js");
    const retry = `cd ${shellQuote(where)} && ${commands[values.pm].install}`;
    const label = `Installing dependencies with ${values.pm}`;
    const step = progress(ui, label);
    let last = "";
    const quiet = slowNote(
      seconds("CREATE_CONVEX_SAAS_SLOW_NOTE", 30),
      () =>
        `Still installing with ${values.pm}… ${last ? `Its last line: ${last}` : "It has printed nothing yet (is the registry reachable?)."}`,
    );
    const outcome = await install(values.pm, target.dir, {
      signal,
      onLine: (line) => {
        if (!line.trim()) return;
        last = line.trim();
        step.message(`${label} · ${last}`);
      },
    });
    quiet();
    if (outcome.ok) {
      installed = true;
      step.done("Installed dependencies");
    } else if (outcome.cancelled) {
      step.cancelled("Install cancelled");
      throw stop(
        `Install cancelled. Your project is written and kept in ${where}.\nResume with: ${retry}`,
        EXIT.cancelled,
      );
    } else {
      step.failed(`${commands[values.pm].install} failed`);
      if (outcome.output) writeOut(2, `${outcome.output.split("\n").slice(-60).join("\n")}\n`);
      throw stop(`${outcome.reason}. Your project is written and kept in ${where}.\nRetry with: ${retry}`);
    }
  }

  // 7. Git: a first commit, skipped with a note when it cannot help. A merged .gitignore keeps the user's rules.
  if (values.git) {
    const { initGit } = await import("./git.js");
    const label = "Initialising a git repository";
    const step = progress(ui, label);
    const outcome = await initGit(target.dir, {
      signal,
      onLine: (line) => line.trim() && step.message(`${label} · ${line.trim()}`),
    });
    if (!outcome.done && outcome.cancelled) {
      step.cancelled("Git cancelled");
      throw stop(
        `Cancelled while initialising git: no repository was made. Your project is written and kept in ${where}.`,
        EXIT.cancelled,
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

  // 8. Next steps, and the command that makes this project again.
  const steps = nextSteps(target.dir, project, installed);
  const recreate = reproduceCommand(directory, values, args.template, name !== target.name ? name : undefined);
  const text = `Next steps:\n${steps.map((s) => `  ${s}`).join("\n")}\n\nREADME.md walks through Clerk, Convex and deploying.\nRecreate this project: ${recreate}`;
  ui ? ui.outro(text) : say(`\n${text}`);
  return EXIT.done;
}

/** occupiedEntries, with its refusals as usage errors or failures. */
function occupied_(dir: string): string[] {
  try {
    return occupiedEntries(dir);
  } catch (error) {
    if (error instanceof TargetError) throw stop(error.message, error.usage ? EXIT.usage : EXIT.failed);
    throw error;
  }
}

const kb = (bytes: number) => `${Math.ceil(bytes / 1024)} KB`;

/** Prints the plan and ends as a real run would: the same refusal and exit code, or 0. */
function dryRun(
  plan: Plan,
  stops: { occupied: string[]; refused?: string; full?: string; pmMissing?: string },
): number {
  const label = {
    create: "",
    overwrite: "  (exists: would be overwritten)",
    merge: "  (exists: would be extended)",
    unchanged: "  (exists: already identical)",
  };
  say(`Would write ${plan.files.length} files to ${plan.dir}:`);
  for (const { path, action, contents } of plan.files)
    say(`  ${path}  ${Buffer.byteLength(contents)} B${label[action]}`);
  const problems: [string, number][] = [];
  if (stops.occupied.length > 0) {
    problems.push([`${plan.dir} is not empty (${stops.occupied.join(", ")}): a real run needs --force.`, EXIT.usage]);
  }
  if (stops.refused) problems.push([stops.refused, EXIT.usage]);
  if (stops.full) problems.push([stops.full, EXIT.failed]);
  if (stops.pmMissing) problems.push([stops.pmMissing, EXIT.failed]);
  if (problems.length === 0) return EXIT.done;
  writeOut(2, `A real run would stop here:\n${problems.map(([p]) => p).join("\n")}\n`);
  return problems[0]![1];
}

/** Resolves after Ctrl-C (or at once if it came already). */
function holdUntil(signal: AbortSignal) {
  return (count: number) =>
    count === 1 && !signal.aborted
      ? new Promise<void>((resolve) => {
          writeOut(2, "[test] holding the write\n");
          const alive = setInterval(() => {}, 1000); // a signal listener alone does not keep Node running
          signal.addEventListener("abort", () => (clearInterval(alive), resolve()), { once: true });
        })
      : undefined;
}

/** Loads a --template layer: a local folder, or a download (giget loads only on this path). */
async function loadTemplate(
  source: string,
  args: { offline: boolean; localTemplate: boolean },
  ui: Ui | undefined,
  signal: AbortSignal,
) {
  const remote = await import("./remote.js");
  if (args.localTemplate) {
    try {
      return remote.localLayer(source, resolve(source));
    } catch (error) {
      if ((error as Error).name === "RemoteTemplateError")
        throw stop(`${(error as Error).message}\nNothing was written.`);
      throw error;
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
    return layer;
  } catch (error) {
    if ((error as Error).name !== "RemoteTemplateError") throw error;
    if ((error as { cancelled?: boolean }).cancelled) {
      step.cancelled("Download cancelled");
      throw stop("Cancelled. Nothing was written.", EXIT.cancelled);
    }
    step.failed(`Could not use ${source}`);
    throw stop(`${(error as Error).message}\nNothing was written.`);
  }
}
