// Installs the project's dependencies with the chosen package manager.
import type { PackageManager } from "./options.js";
import { commands, howToGet } from "./package-manager.js";
import { runCommand, type RunOptions } from "./run-command.js";

export type InstallOutcome = { ok: true } | { ok: false; cancelled: boolean; reason: string; output: string };

/**
 * Yarn 2+ refuses to create a lockfile when CI is set (immutable installs); this first install is the one that
 * creates it. Yarn 1 ignores the variable.
 */
const installEnv: Partial<Record<PackageManager, Record<string, string>>> = {
  yarn: { YARN_ENABLE_IMMUTABLE_INSTALLS: "false" },
};

export async function install(pm: PackageManager, dir: string, options: RunOptions = {}): Promise<InstallOutcome> {
  const [file, ...args] = commands[pm].install.split(" ") as [string, ...string[]];
  const result = await runCommand(file, args, dir, { ...options, env: installEnv[pm] });
  if (result.ok) return { ok: true };
  if (result.cancelled) return { ok: false, cancelled: true, reason: "cancelled", output: "" };
  if (result.missing)
    return { ok: false, cancelled: false, reason: `${pm} is not installed. Get it with: ${howToGet[pm]}`, output: "" };
  return { ok: false, cancelled: false, reason: `${commands[pm].install} failed`, output: result.output };
}
