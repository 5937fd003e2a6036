import { describe, expect, it } from "vitest";
import { parseArgv } from "../../src/args.js";
import { nextSteps, reproduceCommand } from "../../src/next-steps.js";
import { defaults, type OptionValues } from "../../src/options.js";
import { versionFor } from "../../src/versions.js";
import { combinations, projectOptions } from "../helpers.js";

describe("next steps", () => {
  const dir = "/work/app";

  it("start with cd and the install when the install did not run", () => {
    expect(nextSteps(dir, projectOptions(), false, "/work").slice(0, 2)).toEqual(["cd app", "npm install"]);
    expect(nextSteps(dir, projectOptions({ pm: "pnpm" }), true, "/work/app")[0]).toMatch(/^# Clerk:/);
  });

  it("use the chosen package manager's commands", () => {
    const steps = nextSteps(dir, projectOptions({ pm: "pnpm" }), true, "/work").join("\n");
    expect(steps).toContain("pnpm exec convex dev");
    expect(steps).toContain("pnpm test");
  });

  it("with Polar, name the deployment variables Polar needs; with Clerk Billing, none", () => {
    const polar = nextSteps(dir, projectOptions({ payments: "polar" }), true, "/work").join("\n");
    for (const name of ["POLAR_PRO_PRODUCT_IDS", "POLAR_ORGANIZATION_TOKEN", "POLAR_WEBHOOK_SECRET", "/polar/events"]) {
      expect(polar).toContain(name);
    }
    expect(nextSteps(dir, projectOptions(), true, "/work").join("\n")).not.toContain("POLAR");
  });

  it("on the Node 20 line, end with one line on Node 20's end of life and what Node 22 gives", () => {
    const steps = nextSteps(dir, projectOptions({ node: 20 }), true, "/work", "20.19.0");
    const notes = steps.filter((line) => /end-of-life/.test(line));
    expect(notes).toHaveLength(1);
    expect(steps.at(-1)).toBe(notes[0]);
    expect(notes[0]).toContain("Node 20 is end-of-life since April 2026");
    expect(notes[0]).toContain(`convex ${versionFor("convex", 22)}`);
    expect(notes[0]).toContain(`svix ${versionFor("svix", 22)}`);
    const current = nextSteps(dir, projectOptions({ node: 22 }), true, "/work", "22.13.0").join("\n");
    expect(current).not.toMatch(/end-of-life|Node 20/);
  });

  it("say so when the project needs a newer Node than the one that ran the CLI", () => {
    const needs = "This project needs Node.js 22.13 or newer (this is 20.19.0)";
    expect(nextSteps(dir, projectOptions({ node: 22 }), false, "/work", "20.19.0").at(-1)).toContain(needs);
    expect(nextSteps(dir, projectOptions({ node: 22 }), false, "/work", "24.0.0").join("\n")).not.toContain(
      "This project needs",
    );
  });
});

describe("reproduceCommand", () => {
  /** The option values the printed command gives when it is run. */
  const valuesOf = (command: string) => {
    const words = command.replace("npx create-convex-saas@latest ", "").split(" ");
    const args = parseArgv(words);
    return { args, values: { ...defaults(), ...args.given } };
  };

  it("makes the same options again, for every combination, package manager and run option", () => {
    for (const combination of combinations) {
      for (const pm of ["npm", "pnpm", "yarn", "bun"] as const) {
        for (const [install, git] of [
          [true, true],
          [false, false],
        ]) {
          const values: OptionValues = { ...combination, pm, install: install!, git: git! };
          expect(valuesOf(reproduceCommand("app", values)).values).toEqual(values);
        }
      }
    }
  });

  it("writes every project option, so that a later default cannot change the project, and run options only when not their default", () => {
    const command = reproduceCommand("app", defaults());
    expect(command).toBe("npx create-convex-saas@latest app --frontend=next --payments=clerk --no-orgs --pm=npm --yes");
    expect(reproduceCommand("app", { ...defaults(), install: false, git: false })).toContain("--no-install --no-git");
  });

  it("keeps --name and --template, quoted for the shell where needed", () => {
    const command = reproduceCommand("my dir", defaults(), { name: "@acme/shop", template: "gh:acme/layers/x#v2" });
    expect(command).toMatch(/^npx create-convex-saas@latest 'my dir' --name=@acme\/shop /);
    expect(command).toContain(" --template='gh:acme/layers/x#v2' --yes");
  });
});
