// Where the project goes: the directory (asked in a terminal when not given), its package name, and whether a
// non-empty directory may be written into.
import { relative } from "node:path";
import { shellQuote } from "./next-steps.js";
import { checkPackageName, resolveTarget, suggestName } from "./project-name.js";
import { cancelled, usage } from "./refusal.js";
import { note, type Ui } from "./ui.js";
import { occupiedEntries } from "./write.js";

export interface Target {
  /** The directory as the user gave it (for the command that makes the project again). */
  directory: string;
  /** Its absolute path. */
  dir: string;
  /** Its path relative to the current directory, for messages ("." for the current one). */
  where: string;
  /** The package name. */
  name: string;
  /** The package name the directory implies: the name differs from it when --name or the user chose another. */
  impliedName: string;
  /** Entries already in the directory (harmless ones excluded). */
  occupied: string[];
  /** Write into it although it is not empty (--force, or the user said yes). */
  force: boolean;
}

export interface TargetArgs {
  directory?: string;
  name?: string;
  force: boolean;
  dryRun: boolean;
}

export async function chooseTarget(args: TargetArgs, ui: Ui | undefined): Promise<Target> {
  const directory = args.directory ?? (await ui?.askDirectory());
  if (!directory) throw usage("Missing project directory. Usage: create-convex-saas <directory> [options]");
  const { dir, name: impliedName } = resolveTarget(directory);
  const where = relative(process.cwd(), dir) || ".";
  const name = await packageName(args.name, impliedName, ui);
  const occupied = occupiedEntries(dir);
  // --dry-run asks nothing: it reports what a real run would refuse.
  const force = args.force || (occupied.length > 0 && !args.dryRun && (await mayWriteInto(dir, where, occupied, ui)));
  return { directory, dir, where, name, impliedName, occupied, force };
}

/** --name, else the directory's name, else (asked in a terminal, said otherwise) a valid one close to it. */
async function packageName(given: string | undefined, implied: string, ui: Ui | undefined): Promise<string> {
  if (given !== undefined) {
    const bad = checkPackageName(given);
    if (bad) throw usage(`--name: ${bad} Try --name ${shellQuote(suggestName(given))}.`);
    return given;
  }
  const bad = checkPackageName(implied);
  if (!bad) return implied;
  const suggestion = suggestName(implied);
  if (ui) return ui.askPackageName(implied, suggestion);
  note(ui, `${bad} The package is named "${suggestion}" (choose another with --name).`);
  return suggestion;
}

/** A non-empty directory without --force: asked in a terminal (no is a cancellation), a usage error otherwise. */
async function mayWriteInto(dir: string, where: string, occupied: string[], ui: Ui | undefined): Promise<true> {
  if (!ui) {
    throw usage(
      `${dir} is not empty: ${occupied.join(", ")}\n` +
        "Choose another directory, or add --force to write into it (same-named files are overwritten; .gitignore, .env.example and README.md are extended; nothing is deleted).",
    );
  }
  if (!(await ui.askOverwrite(where, occupied))) throw cancelled(`Cancelled: ${where} is left as it was.`);
  return true;
}
