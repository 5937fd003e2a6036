// create-convex-saas, top to bottom: args → prompts → generate → write → install → git → next steps.
import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parseArgv, UsageError } from "./args.js";
import { generate } from "./generate.js";
import { helpText } from "./help.js";
import { defaults, type OptionValues, type ProjectOptions } from "./options.js";
import { detectPackageManager, commands, packageManagerSpec } from "./package-manager.js";
import { checkPackageName, resolveTarget } from "./project-name.js";
import { nextSteps, reproduceCommand, shellQuote } from "./next-steps.js";
import { isTerminal, useStdioStreams, writeOut } from "./terminal.js";
import { nodeLineFor } from "./versions.js";
import { occupiedEntries, rollback, TargetError, writeTree } from "./write.js";

const EXIT = { done: 0, failed: 1, usage: 2, cancelled: 130 } as const;

const version = (): string =>
  (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }).version;

// Plain lines go straight to the descriptor, or through the stdio streams once prompts are in use (terminal.ts).
const say = (line = "") => writeOut(1, `${line}\n`);

/** A long step: a clack spinner in a terminal, plain lines otherwise. */
function progress(ui: typeof import("./prompts.js") | undefined, label: string) {
  const spin = ui?.spinner();
  spin ? spin.start(label) : say(`${label}…`);
  return {
    done: (message: string) => (spin ? spin.stop(message) : say(`✔ ${message}`)),
    failed: (message: string) => spin?.error(message),
    cancelled: (message: string) => spin?.cancel(message),
  };
}
const fail = (message: string, code: number = EXIT.failed): number => {
  writeOut(2, `${message}\n`);
  return code;
};

export async function main(argv = process.argv.slice(2)): Promise<number> {
  // 1. Arguments. --help and --version load nothing else.
  let args;
  try {
    args = parseArgv(argv);
  } catch (error) {
    if (error instanceof UsageError) return fail(`${error.message}\nRun create-convex-saas --help for usage.`, EXIT.usage);
    throw error;
  }
  if (args.help) return say(helpText(version())), EXIT.done;
  if (args.version) return say(version()), EXIT.done;

  // 2. Prompts, only with a terminal: without one (CI, pipes, agents) we never wait for input. stdout is checked
  // first: in CI it is a pipe, so stdin (often /dev/null, a character device) never needs the tty module.
  const interactive = isTerminal(1) && isTerminal(0) && !args.dryRun;
  const ui = interactive ? await import("./prompts.js") : undefined;
  if (ui) useStdioStreams();
  try {
    ui?.intro(version());
    const directory = args.directory ?? (await ui?.askDirectory());
    if (!directory) {
      return fail("Missing project directory. Usage: create-convex-saas <directory> [options]", EXIT.usage);
    }
    const target = resolveTarget(directory);
    const badName = checkPackageName(target.name);
    if (badName) return fail(badName, EXIT.usage);

    let force = args.force;
    const occupied = occupiedEntries(target.dir);
    if (occupied.length > 0 && !force && !args.dryRun) {
      force = ui ? await ui.askOverwrite(relative(process.cwd(), target.dir) || ".", occupied) : false;
      if (!force) {
        return fail(
          `${target.dir} is not empty: ${occupied.join(", ")}\n` +
            "Choose another directory, or add --force to write into it (same-named files are overwritten; nothing is deleted).",
        );
      }
    }

    const asked = ui && !args.yes ? await ui.askOptions(args.given) : {};
    const values: OptionValues = { ...defaults(), pm: detectPackageManager(), ...args.given, ...asked };
    const project: ProjectOptions = { name: target.name, frontend: values.frontend, payments: values.payments, pm: values.pm,
      node: nodeLineFor(process.versions.node), packageManager: packageManagerSpec(values.pm) };

    // 3. Generate in memory, with the remote layer (if any) applied last.
    const remote = args.template ? await downloadTemplate(args.template, args.offline, ui) : [];
    const tree = generate(project, remote);

    if (args.dryRun) {
      say(`Would write ${tree.size} files to ${target.dir}:`);
      for (const [path, contents] of tree) {
        const replaces = existsSync(join(target.dir, path)) ? "  (exists: would be overwritten)" : "";
        say(`  ${path}  ${Buffer.byteLength(contents)} B${replaces}`);
      }
      if (occupied.length > 0 && !force) say(`${target.dir} is not empty (${occupied.join(", ")}): a real run needs --force.`);
      return EXIT.done;
    }

    // 4. Write. Ctrl-C while writing takes back what this run wrote.
    let interrupted = false;
    const onInterrupt = () => (interrupted = true);
    process.on("SIGINT", onInterrupt);
    let record;
    try {
      record = writeTree(target.dir, tree, { overwrite: force });
    } catch (error) {
      return fail(`Could not write the project: ${(error as Error).message}\nNothing was left behind.`);
    }
    await new Promise((resolve) => setImmediate(resolve));
    process.off("SIGINT", onInterrupt);
    if (interrupted) {
      rollback(record);
      return fail("Cancelled. Nothing was left behind.", EXIT.cancelled);
    }
    const where = relative(process.cwd(), target.dir) || ".";
    say(`${interactive ? "" : "✔ "}Wrote ${tree.size} files to ${where}`);

    // 5. Install. A failure keeps the project and says how to retry.
    let installed = false;
    if (values.install) {
      const { install } = await import("./install.js");
      const retry = `cd ${shellQuote(where)} && ${commands[values.pm].install}`;
      // Ctrl-C stops the package manager too; the project itself is complete, so keep it and say how to resume.
      // Registered before anything is printed, so a Ctrl-C can never arrive before the handler.
      let step: ReturnType<typeof progress> | undefined;
      const onInstallInterrupt = () => {
        step?.cancelled("Install cancelled");
        writeOut(2, `Install cancelled. Your project is written and kept in ${where}.\nResume with: ${retry}\n`);
        process.exit(EXIT.cancelled);
      };
      process.once("SIGINT", onInstallInterrupt);
      step = progress(ui, `Installing dependencies with ${values.pm}`);
      const outcome = await install(values.pm, target.dir);
      process.off("SIGINT", onInstallInterrupt);
      if (outcome.ok) {
        installed = true;
        step.done("Installed dependencies");
      } else {
        step.failed(outcome.reason);
        if (outcome.output) writeOut(2, `${outcome.output.split("\n").slice(-60).join("\n")}\n`);
        return fail(
          `${outcome.reason}. Your project is written and kept in ${where}.\nRetry with: ${retry}`,
        );
      }
    }

    // 6. Git: a first commit, skipped with a note when it cannot help.
    if (values.git) {
      const { initGit } = await import("./git.js");
      const outcome = await initGit(target.dir);
      const note = !outcome.done
        ? `Skipped git: ${outcome.reason}.`
        : outcome.committed
          ? "Initialised a git repository with a first commit."
          : "Initialised a git repository; files are staged (set git user.name and user.email, then commit).";
      ui ? ui.log.info(note) : say(note);
    }

    // 7. Next steps, and the command that makes this project again.
    const steps = nextSteps(target.dir, project, installed);
    const text = `Next steps:\n${steps.map((s) => `  ${s}`).join("\n")}\n\nREADME.md walks through Clerk, Convex and deploying.\nRecreate this project: ${reproduceCommand(directory, values, args.template)}`;
    ui ? ui.outro(text) : say(`\n${text}`);
    return EXIT.done;
  } catch (error) {
    if (ui && error instanceof ui.Cancelled) {
      ui.cancel("Cancelled");
      return EXIT.cancelled;
    }
    if (error instanceof TargetError || (error as Error).name === "RemoteTemplateError") return fail((error as Error).message);
    throw error;
  }
}

/** Downloads a --template layer (giget loads only on this path). */
async function downloadTemplate(source: string, offline: boolean, ui?: typeof import("./prompts.js")) {
  const { downloadLayer } = await import("./remote.js");
  const step = progress(ui, `Downloading ${source}`);
  try {
    const layer = await downloadLayer(source, { offline });
    if (ui) step.done(`Downloaded ${source}`);
    return [layer];
  } catch (error) {
    step.failed(`Could not use ${source}`);
    throw error;
  }
}
