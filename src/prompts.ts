// Asks, with @clack/prompts, for whatever the flags did not say. Only loaded when there is a terminal.
import * as p from "@clack/prompts";
import { optionDefs, type OptionKey, type OptionValues } from "./options.js";
import { checkPackageName, resolveTarget } from "./project-name.js";

export class Cancelled extends Error {}

function answered<T>(value: T | symbol): T {
  if (p.isCancel(value)) throw new Cancelled();
  return value as T;
}

const ask = async <T>(prompt: Promise<T | symbol>): Promise<T> => answered(await prompt);

export function intro(version: string) {
  p.intro(`create-convex-saas ${version}`);
}

export async function askDirectory(): Promise<string> {
  return ask<string>(
    p.text({
      message: "Where should the project go?",
      placeholder: "my-saas",
      defaultValue: "my-saas",
      validate: (value) => (value ? checkPackageName(resolveTarget(value).name) : undefined),
    }),
  );
}

export async function askOverwrite(dir: string, entries: readonly string[]): Promise<boolean> {
  p.log.warn(`${dir} is not empty: ${entries.join(", ")}`);
  return ask<boolean>(
    p.confirm({
      message: "Write into it anyway? Same-named files are overwritten; nothing is deleted.",
      initialValue: false,
    }),
  );
}

/** Asks each promptable option the flags left open. */
export async function askOptions(given: Partial<OptionValues>): Promise<Partial<OptionValues>> {
  const answers: Record<string, unknown> = {};
  for (const [key, def] of Object.entries(optionDefs) as [OptionKey, (typeof optionDefs)[OptionKey]][]) {
    if (given[key] !== undefined || !def.prompt) continue;
    answers[key] =
      def.kind === "choice"
        ? answered(
            await p.select({
              message: def.prompt,
              initialValue: def.default,
              options: def.choices.map((c) => ({ value: c.value, label: c.label, hint: c.hint })),
            }),
          )
        : answered(await p.confirm({ message: def.prompt, initialValue: def.default }));
  }
  return answers as Partial<OptionValues>;
}

export const log = p.log;
export const spinner = p.spinner;
export const outro = p.outro;
export const cancel = p.cancel;
