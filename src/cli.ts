// create-convex-saas: main() is the list of steps; each step lives in its own module with only the inputs it needs.
import { parseArgv, type ParsedArgs } from "./args.js";
import { helpText } from "./help.js";
import { cancelled, EXIT, nothingWritten, Refusal } from "./refusal.js";
import { resolveProject } from "./resolve-project.js";
import {
  checkLocalTemplate,
  generateProject,
  initRepository,
  installDependencies,
  loadTemplate,
  occupiedRefusal,
  packageManagerRefusal,
  planProject,
  printDryRun,
  showNextSteps,
  writeProject,
} from "./steps.js";
import { chooseTarget } from "./target.js";
import { isTerminal, useStdioStreams, writeOut } from "./terminal.js";
import { runAdd } from "./add-command.js";
import { say, type Ui } from "./ui.js";
import { generatorVersion } from "./version.js";

const version = generatorVersion;

export async function main(argv = process.argv.slice(2)): Promise<number> {
  if (argv[0] === "add") {
    // Ctrl-C aborts the write, which takes back what it wrote.
    const cancel = new AbortController();
    const onInterrupt = () => cancel.abort();
    process.on("SIGINT", onInterrupt);
    try {
      return await runAdd(argv.slice(1), cancel.signal);
    } catch (error) {
      return report(error, undefined);
    } finally {
      process.off("SIGINT", onInterrupt);
    }
  }
  let args: ParsedArgs;
  try {
    args = parseArgv(argv);
  } catch (error) {
    return report(error, undefined);
  }
  // --help and --version load nothing else.
  if (args.help) return (say(helpText(version())), EXIT.done);
  if (args.version) return (say(version()), EXIT.done);

  const ui = await openPrompts(args);
  // Ctrl-C (SIGINT, or the Ctrl-C key under our spinner) aborts the current step; each step takes back what it did.
  const cancel = new AbortController();
  const onInterrupt = () => cancel.abort();
  process.on("SIGINT", onInterrupt);
  try {
    return await scaffold(args, ui, cancel.signal);
  } catch (error) {
    return report(error, ui);
  } finally {
    process.off("SIGINT", onInterrupt);
  }
}

/** The prompts, only with a terminal: without one (CI, pipes, agents) nothing waits for input. */
async function openPrompts(args: ParsedArgs): Promise<Ui | undefined> {
  // stdout first: in CI it is a pipe, so stdin (often /dev/null, a character device) never needs the tty module.
  if (args.dryRun || !isTerminal(1) || !isTerminal(0)) return undefined;
  const ui = await import("./prompts.js");
  useStdioStreams();
  return ui;
}

async function scaffold(args: ParsedArgs, ui: Ui | undefined, signal: AbortSignal): Promise<number> {
  checkLocalTemplate(args);
  ui?.intro(version());
  const target = await chooseTarget(args, ui);
  const answers = ui && !args.yes ? await ui.askOptions(args.given) : {};
  const { values, project } = resolveProject({
    name: target.name,
    given: args.given,
    answers,
    nodeVersion: process.versions.node,
    userAgent: process.env.npm_config_user_agent ?? "",
  });
  const pmMissing = packageManagerRefusal(values.pm, values.install);
  if (pmMissing && !args.dryRun) throw nothingWritten(pmMissing);
  const layers = await loadTemplate(args, ui, signal);
  if (signal.aborted) throw cancelled();
  const tree = generateProject(project, layers, args.template);
  const { plan, refusals } = planProject(target, tree, target.force || args.dryRun);
  if (args.dryRun) {
    const occupied = occupiedRefusal(target);
    return printDryRun(plan, [...(occupied ? [occupied] : []), ...refusals, ...(pmMissing ? [pmMissing] : [])]);
  }
  if (refusals[0]) throw refusals[0];
  await writeProject(plan, target.where, ui, signal);
  if (values.install) await installDependencies(values.pm, target, ui, signal);
  if (values.git) await initRepository(target, ui, signal);
  showNextSteps(target, project, values, { installed: values.install, template: args.template }, ui);
  return EXIT.done;
}

/** Ends the run: a refusal's message (in clack's frame in a terminal, on stderr otherwise) and its exit code. */
function report(error: unknown, ui: Ui | undefined): number {
  if (!(error instanceof Refusal)) throw error;
  if (ui) ui.cancel(error.message);
  else writeOut(2, `${error.message}\n`);
  return error.exitCode;
}
