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

  it("reads --payments as a choice, and its boolean forms as earlier versions printed them", () => {
    const payments = (...argv: string[]) => parseArgv(["app", ...argv]).given.payments;
    expect(payments("--payments", "polar")).toBe("polar");
    expect(payments("--payments=polar")).toBe("polar");
    expect(payments("--payments")).toBe("clerk");
    expect(payments("--payments", "--orgs")).toBe("clerk");
    expect(payments("--no-payments")).toBe("none");
    expect(payments()).toBeUndefined();
    // Alone before the directory: the word after it is the directory, not a value.
    expect(parseArgv(["--payments", "shop"]).directory).toBe("shop");
    expect(parseArgv(["--payments", "shop"]).given.payments).toBe("clerk");
    expect(() => parseArgv(["app", "--payments=stripe"])).toThrow(/Expected one of: clerk, polar, none/);
  });

  it("tells a local --template folder from a remote source", () => {
    expect(parseArgv(["a", "--template", "./layer"]).localTemplate).toBe(true);
    expect(parseArgv(["a", "--template", "gh:acme/layers/x#v1"]).localTemplate).toBe(false);
  });
});
