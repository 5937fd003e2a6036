// Asks, with @clack/prompts, for whatever the flags did not say. Only loaded when there is a terminal.
import { statSync } from "node:fs";
import { styleText } from "node:util";
import * as p from "@clack/prompts";
import { optionDefs, type OptionKey, type OptionValues } from "./options.js";
import { checkPackageName, resolveTarget } from "./project-name.js";
import { cancelled } from "./refusal.js";

/** The answer, or a cancellation (Ctrl-C or Escape at a prompt). */
function answered<T>(value: T | symbol): T {
  if (p.isCancel(value)) throw cancelled();
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
      validate: (value) => {
        if (!value) return undefined;
        const { dir } = resolveTarget(value);
        try {
          if (!statSync(dir).isDirectory()) return `${value} is a file: choose a folder.`;
        } catch {
          // missing: it will be created
        }
        return undefined;
      },
    }),
  );
}

/** Asks for a package name when the folder's name is not a valid one, offering a valid one close to it. */
export async function askPackageName(folderName: string, suggestion: string): Promise<string> {
  return ask<string>(
    p.text({
      message: `Package name (the folder name "${folderName}" is not a valid one):`,
      placeholder: suggestion,
      defaultValue: suggestion,
      initialValue: suggestion,
      validate: (value) => (value ? checkPackageName(value) : undefined),
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

/**
 * A spinner drawn like clack's. Unlike clack's, Ctrl-C does not exit the process: the terminal is in raw mode (so
 * keys are not echoed into the line) and a Ctrl-C byte raises SIGINT, which the CLI handles as in a piped run.
 */
export function spinner() {
  const out = process.stdout;
  const stdin = process.stdin;
  const frames = p.unicode ? ["◒", "◐", "◓", "◑"] : ["•", "o", "O", "0"];
  let text = "";
  let frame = 0;
  let timer: NodeJS.Timeout | undefined;
  const onKey = (data: Buffer) => {
    if (data.includes(3)) process.kill(process.pid, "SIGINT");
  };
  const restore = () => {
    if (stdin.isTTY) stdin.setRawMode(false);
    out.write("\x1b[?25h");
  };
  const draw = () => {
    const room = (out.columns || 80) - 4; // the frame, two spaces, and one column spare so the line never wraps
    const shown = text.length > room ? `${text.slice(0, room - 1)}…` : text;
    out.write(`\r\x1b[K${styleText("magenta", frames[frame]!)}  ${shown}`);
    frame = (frame + 1) % frames.length;
  };
  const end = (symbol: string, message: string) => {
    if (!timer) return;
    clearInterval(timer);
    timer = undefined;
    out.write(`\r\x1b[K${symbol}  ${message}\n`);
    stdin.off("data", onKey);
    stdin.pause();
    restore();
    process.off("exit", restore);
  };
  return {
    start(message: string) {
      text = message;
      out.write(`${styleText("gray", p.S_BAR)}\n\x1b[?25l`);
      process.on("exit", restore);
      if (stdin.isTTY) {
        stdin.setRawMode(true);
        stdin.on("data", onKey);
        stdin.resume();
      }
      draw();
      timer = setInterval(draw, 80);
    },
    message(message: string) {
      text = message;
    },
    stop: (message: string) => end(styleText("green", p.S_STEP_SUBMIT), message),
    error: (message: string) => end(styleText("red", p.S_STEP_ERROR), message),
    cancel: (message: string) => end(styleText("red", p.S_STEP_CANCEL), message),
  };
}

export const log = p.log;
export const outro = p.outro;
export const cancel = p.cancel;
