// How the steps talk to the user: clack's frame in a terminal (prompts.js, loaded only there), plain lines otherwise.
import { writeOut } from "./terminal.js";

/** The prompts module: present only when stdin and stdout are a terminal. */
export type Ui = typeof import("./prompts.js");

/** A plain line on stdout: to the descriptor, or through the stdio streams once prompts are in use (terminal.ts). */
export const say = (line = "") => writeOut(1, `${line}\n`);

/** A line of information: inside clack's frame in a terminal, plain otherwise. */
export const note = (ui: Ui | undefined, message: string) => (ui ? ui.log.info(message) : say(message));

/** A line saying a step succeeded. */
export const success = (ui: Ui | undefined, message: string) => (ui ? ui.log.success(message) : say(`✔ ${message}`));

/** A long step: our clack-styled spinner in a terminal, plain lines otherwise. */
export function progress(ui: Ui | undefined, label: string) {
  const spin = ui?.spinner();
  if (spin) spin.start(label);
  else say(`${label}…`);
  return {
    message: (message: string) => spin?.message(message),
    done: (message: string) => (spin ? spin.stop(message) : say(`✔ ${message}`)),
    failed: (message: string) => spin?.error(message),
    cancelled: (message: string) => spin?.cancel(message),
  };
}

/** After `ms` without the step ending, and every `ms` after that, a line says what it is still waiting on. */
export function slowNote(ms: number, note: () => string) {
  const timer = setInterval(() => say(note()), ms);
  return () => clearInterval(timer);
}

/** A duration in ms from an environment variable given in seconds, else `fallback` seconds. */
export function seconds(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return value > 0 ? value * 1000 : fallback * 1000;
}
