// argv → what the user asked for. Flags come from options.ts; nothing here knows about prompts or files.
import { parseArgs, type ParseArgsConfig } from "node:util";
import {
  checkChoice,
  nameFlag,
  optionDefs,
  runFlags,
  templateFlag,
  templateKind,
  type OptionKey,
  type OptionValues,
} from "./options.js";
import { usage } from "./refusal.js";

export interface ParsedArgs {
  directory?: string;
  /** Option values given as flags. */
  given: Partial<OptionValues>;
  /** --template source, if any. */
  template?: string;
  /** The --template source is a local folder. */
  localTemplate: boolean;
  /** --name, if given. */
  name?: string;
  offline: boolean;
  yes: boolean;
  force: boolean;
  dryRun: boolean;
  help: boolean;
  version: boolean;
}

/**
 * A choice option that used to be a boolean keeps its boolean forms: `--payments` alone (not followed by one of its
 * values) means its `bare` value, `--no-payments` its `negated` value.
 */
export function expandBooleanForms(argv: readonly string[]): string[] {
  const end = argv.includes("--") ? argv.indexOf("--") : argv.length;
  const options = argv.slice(0, end);
  const expanded = options.map((arg, i) => {
    for (const def of Object.values(optionDefs)) {
      if (def.kind !== "choice") continue;
      if (def.negated && arg === `--no-${def.flag}`) return `--${def.flag}=${def.negated}`;
      const valueFollows = def.choices.some((choice) => choice.value === options[i + 1]);
      if (def.bare && arg === `--${def.flag}` && !valueFollows) return `--${def.flag}=${def.bare}`;
    }
    return arg;
  });
  return [...expanded, ...argv.slice(end)];
}

/** The arguments, or a usage Refusal (exit 2). */
export function parseArgv(argv: readonly string[]): ParsedArgs {
  const config: NonNullable<ParseArgsConfig["options"]> = {};
  for (const def of Object.values(optionDefs))
    config[def.flag] = { type: def.kind === "choice" ? "string" : "boolean" };
  config[templateFlag.flag] = { type: "string" };
  config[nameFlag.flag] = { type: "string" };
  for (const [flag, def] of Object.entries(runFlags)) {
    config[flag] = { type: "boolean", ...("short" in def ? { short: def.short } : {}) };
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: expandBooleanForms(argv),
      options: config,
      allowPositionals: true,
      allowNegative: true,
      strict: true,
      tokens: true,
    });
  } catch (error) {
    throw usage((error as Error).message.replace(/\. To specify.*$/s, "."));
  }
  const { values, positionals, tokens } = parsed;
  // Only the project options have a --no- form; --no-help, --no-yes… are unknown options.
  for (const token of tokens) {
    if (token.kind === "option" && token.rawName.startsWith("--no-") && token.name in runFlags) {
      throw usage(`Unknown option '${token.rawName}'.`);
    }
  }
  if (positionals.length > 1) throw usage(`Expected one project directory, got: ${positionals.join(" ")}`);

  const given: Record<string, unknown> = {};
  for (const [key, def] of Object.entries(optionDefs) as [OptionKey, (typeof optionDefs)[OptionKey]][]) {
    const value = values[def.flag];
    if (value === undefined) continue;
    if (def.kind === "choice") {
      const problem = checkChoice(def, String(value));
      if (problem) throw usage(problem);
    }
    given[key] = value;
  }
  const template = values[templateFlag.flag] as string | undefined;
  let localTemplate = false;
  if (template !== undefined) {
    const kind = templateKind(template);
    if ("error" in kind) throw usage(kind.error);
    localTemplate = kind.kind === "local";
  }
  if (values.offline === true && template === undefined)
    throw usage("--offline only applies to --template: add a --template source, or drop --offline.");
  const name = values[nameFlag.flag] as string | undefined;
  if (name !== undefined && !name.trim()) throw usage("--name needs a package name.");
  return {
    directory: positionals[0],
    name,
    localTemplate,
    given: given as Partial<OptionValues>,
    template,
    offline: values.offline === true,
    yes: values.yes === true,
    force: values.force === true,
    dryRun: values["dry-run"] === true,
    help: values.help === true,
    version: values.version === true,
  };
}
