// Installs the project's dependencies with the chosen package manager.
import type { PackageManager } from "./options.js";
import { commands } from "./package-manager.js";
import { runCommand } from "./run-command.js";

export const howToGet: Record<PackageManager, string> = {
  npm: "npm comes with Node.js: https://nodejs.org",
  pnpm: "npm install -g pnpm (or: corepack enable pnpm)",
  yarn: "npm install -g yarn (or: corepack enable yarn)",
  bun: "npm install -g bun (or see https://bun.sh)",
};

export type InstallOutcome = { ok: true } | { ok: false; reason: string; output: string };

/**
 * Yarn 2+ refuses to create a lockfile when CI is set (immutable installs); this first install is the one that
 * creates it. Yarn 1 ignores the variable.
 */
const installEnv: Partial<Record<PackageManager, Record<string, string>>> = { yarn: { YARN_ENABLE_IMMUTABLE_INSTALLS: "false" } };

export async function install(pm: PackageManager, dir: string): Promise<InstallOutcome> {
  const [file, ...args] = commands[pm].install.split(" ") as [string, ...string[]];
  const result = await runCommand(file, args, dir, installEnv[pm]);
  if (result.ok) return { ok: true };
  if (result.missing) return { ok: false, reason: `${pm} is not installed. Get it with: ${howToGet[pm]}`, output: "" };
  return { ok: false, reason: `${commands[pm].install} failed`, output: result.output };
}
