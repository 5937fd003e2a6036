import { describe, expect, it } from "vitest";
import { parseArgv } from "../../src/args.js";
import { Refusal } from "../../src/refusal.js";

describe("parseArgv", () => {
  it("reads the directory, choices and negated booleans", () => {
    const args = parseArgv(["app", "--frontend", "vite", "--no-payments", "--pm=pnpm", "--no-git", "-y"]);
    expect(args).toMatchObject({
      directory: "app",
      given: { frontend: "vite", payments: "none", pm: "pnpm", git: false },
      yes: true,
      force: false,
      dryRun: false,
    });
    expect(args.given.install).toBeUndefined();
  });

  it("rejects unknown flags, bad choices and extra positionals as usage errors (exit 2)", () => {
    expect(() => parseArgv(["--frontend", "angular"])).toThrow(/Expected one of: next, vite, start, none/);
    expect(() => parseArgv(["a", "b"])).toThrow(/one project directory/);
    for (const argv of [["--nope"], ["--pm"], ["--no-yes"], ["a", "--offline"], ["a", "--name", " "]]) {
      const error = (() => {
        try {
          parseArgv(argv);
        } catch (error) {
          return error;
        }
      })();
      expect(error, argv.join(" ")).toBeInstanceOf(Refusal);
      expect((error as Refusal).exitCode).toBe(2);
      expect((error as Refusal).message).toMatch(/\nRun create-convex-saas --help for usage\.$/);
    }
  });

  it("tells a local --template folder from a remote source", () => {
    expect(parseArgv(["a", "--template", "./layer"]).localTemplate).toBe(true);
    expect(parseArgv(["a", "--template", "gh:acme/layers/x#v1"]).localTemplate).toBe(false);
  });
});
