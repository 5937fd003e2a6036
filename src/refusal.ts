// The one type for an expected failure: a sentence for the user and the exit code the run ends with. Anything else
// thrown is a bug and keeps its stack trace.

export const EXIT = { done: 0, failed: 1, usage: 2, cancelled: 130 } as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

const brand = Symbol.for("create-convex-saas.refusal");

export class Refusal extends Error {
  override name = "Refusal";
  readonly [brand] = true;

  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
  }

  /**
   * prompts.js and remote.js are bundles of their own, each with a copy of this class: `instanceof` checks the brand,
   * which every copy sets, instead of the prototype chain.
   */
  static [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[brand] === true;
  }
}

/** A usage error (exit 2), with the pointer to --help. */
export const usage = (message: string) =>
  new Refusal(`${message}\nRun create-convex-saas --help for usage.`, EXIT.usage);

/** A cancellation (exit 130) before anything was written. */
export const cancelled = (message = "Cancelled. Nothing was written.") => new Refusal(message, EXIT.cancelled);

/** The same refusal, saying that nothing was written. */
export const nothingWritten = (refusal: Refusal) =>
  new Refusal(`${refusal.message}\nNothing was written.`, refusal.exitCode);
