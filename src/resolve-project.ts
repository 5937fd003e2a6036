// From what the user said (flags, prompt answers) and where the CLI runs (the Node version, the package manager that
// ran it) to the project: every option's value and the options the generator takes. Pure: no I/O, no process state.
import { defaults, nodeRequirement, projectValues, type OptionValues, type ProjectOptions } from "./options.js";
import { detectPackageManager, packageManagerSpec } from "./package-manager.js";
import { usage } from "./refusal.js";
import { nodeLineFor, nodeLines } from "./versions.js";

export interface ProjectInputs {
  /** The package name. */
  name: string;
  /** Option values given as flags. */
  given: Partial<OptionValues>;
  /** Option values answered at the prompts. */
  answers: Partial<OptionValues>;
  /** The running Node's version, as process.versions.node gives it ("20.19.0"). */
  nodeVersion: string;
  /** npm_config_user_agent ("pnpm/9.12.0 npm/? node/v20.19.0 linux x64"), empty when not run by a package manager. */
  userAgent: string;
}

export interface ResolvedProject {
  values: OptionValues;
  project: ProjectOptions;
}

/**
 * Defaults, then the package manager that ran the CLI, then flags, then answers. The project gets the dependency
 * versions of the running Node's line, or of a newer line a choice needs (TanStack Start): installing those here would
 * fail, so that combination with --install is refused (exit 2).
 */
export function resolveProject({ name, given, answers, nodeVersion, userAgent }: ProjectInputs): ResolvedProject {
  const values: OptionValues = { ...defaults(), pm: detectPackageManager(userAgent), ...given, ...answers };
  const running = nodeLineFor(nodeVersion);
  const needs = nodeRequirement(values);
  const node = needs && needs.line > running ? needs.line : running;
  if (needs && node > running && values.install) {
    const newer = `Node.js ${nodeLines[node].readme}`;
    throw usage(
      `${needs.by} needs ${newer}, and this is Node ${nodeVersion}. Run this again with ${newer}, or add ` +
        `--no-install to write the project now and install it with ${newer} later.\nNothing was written.`,
    );
  }
  const packageManager = packageManagerSpec(values.pm, userAgent);
  return { values, project: { name, ...projectValues(values), node, ...(packageManager ? { packageManager } : {}) } };
}
