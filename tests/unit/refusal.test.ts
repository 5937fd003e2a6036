import { describe, expect, it } from "vitest";
import { cancelled, EXIT, Refusal, usage } from "../../src/refusal.js";

describe("Refusal", () => {
  it("is recognised by its brand, as the copies of the class in the prompts and remote bundles make it", () => {
    const fromAnotherBundle = Object.assign(new Error("m"), {
      [Symbol.for("create-convex-saas.refusal")]: true,
      exitCode: EXIT.failed,
    });
    expect(fromAnotherBundle).toBeInstanceOf(Refusal);
    expect(new Error("m")).not.toBeInstanceOf(Refusal);
    expect(null).not.toBeInstanceOf(Refusal);
  });

  it("carries its exit code: usage errors point to --help, cancellations exit 130", () => {
    expect(usage("Missing project directory.")).toMatchObject({
      message: "Missing project directory.\nRun create-convex-saas --help for usage.",
      exitCode: 2,
    });
    expect(cancelled()).toMatchObject({ message: "Cancelled. Nothing was written.", exitCode: 130 });
  });
});
