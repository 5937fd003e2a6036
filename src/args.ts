// argv → what the user asked for. Flags come from options.ts; nothing here knows about prompts or files.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { checkChoice, optionDefs, runFlags, templateFlag, type OptionKey, type OptionValues } from "./options.js";

export class UsageError extends Error {}

export interface ParsedArgs {
  directory?: string;
  /** Option values given as flags. */
  given: Partial<OptionValues>;
  /** --template source, if any. */
  template?: string;
  offline: boolean;
  yes: boolean;
  force: boolean;
  dryRun: boolean;
  help: boolean;
  version: boolean;
}

export function parseArgv(argv: readonly string[]): ParsedArgs {
  const config: NonNullable<ParseArgsConfig["options"]> = {};
  for (const def of Object.values(optionDefs)) config[def.flag] = { type: def.kind === "choice" ? "string" : "boolean" };
  config[templateFlag.flag] = { type: "string" };
  for (const [flag, def] of Object.entries(runFlags)) {
    config[flag] = { type: "boolean", ...("short" in def ? { short: def.short } : {}) };
  }
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: config, allowPositionals: true, allowNegative: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify.*$/s, "."));
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) throw new UsageError(`Expected one project directory, got: ${positionals.join(" ")}`);

  const given: Record<string, unknown> = {};
  for (const [key, def] of Object.entries(optionDefs) as [OptionKey, (typeof optionDefs)[OptionKey]][]) {
    const value = values[def.flag];
    if (value === undefined) continue;
    if (def.kind === "choice") {
      const problem = checkChoice(def, String(value));
      if (problem) throw new UsageError(problem);
    }
    given[key] = value;
  }
  return {
    directory: positionals[0],
    given: given as Partial<OptionValues>,
    template: values[templateFlag.flag] as string | undefined,
    offline: values.offline === true,
    yes: values.yes === true,
    force: values.force === true,
    dryRun: values["dry-run"] === true,
    help: values.help === true,
    version: values.version === true,
  };
}
