import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseArgv, UsageError } from "../../src/args.js";
import { helpText } from "../../src/help.js";
import { builtInLayerNames } from "../../src/layers.js";
import { checkChoice, defaults, nodeRequirement, optionDefs, runFlags, selectedLayers } from "../../src/options.js";
import { detectPackageManager } from "../../src/package-manager.js";
import { templatesDir } from "../helpers.js";

describe("option declarations", () => {
  it("name a template folder for every layer they select", () => {
    for (const def of Object.values(optionDefs)) {
      const layers = def.kind === "choice" ? def.choices.flatMap((c) => c.layers) : (def.layers ?? []);
      for (const layer of layers) expect(existsSync(join(templatesDir, layer)), layer).toBe(true);
    }
  });

  it("only have overlays whose parts are real layers", () => {
    const layers = builtInLayerNames();
    for (const overlay of layers.filter((name) => name.includes("+"))) {
      for (const part of overlay.split("+")) expect(layers, overlay).toContain(part);
    }
  });

  it("have defaults that are allowed values", () => {
    for (const def of Object.values(optionDefs)) {
      if (def.kind === "choice") expect(checkChoice(def, def.default)).toBeUndefined();
    }
    expect(defaults()).toEqual({ frontend: "next", payments: true, orgs: false, pm: "npm", install: true, git: true });
  });

  it("say which choice needs a newer Node line", () => {
    expect(nodeRequirement({ frontend: "start", payments: true })).toEqual({ line: 22, by: "TanStack Start" });
    for (const frontend of ["next", "vite", "none"] as const) expect(nodeRequirement({ frontend })).toBeUndefined();
  });

  it("select base first, then the frontend, then features", () => {
    expect(selectedLayers({ frontend: "vite", payments: true })).toEqual(["base", "react", "vite", "billing", "clerk-billing"]);
    expect(selectedLayers({ frontend: "none", payments: false })).toEqual(["base", "none"]);
  });

  it("appear in --help with every choice and flag", () => {
    const help = helpText("1.2.3");
    expect(help).toContain("create-convex-saas 1.2.3");
    for (const def of Object.values(optionDefs)) {
      expect(help).toContain(`--${def.flag}`);
      if (def.kind === "choice") for (const c of def.choices) expect(help).toContain(c.value);
      else expect(help).toContain(`--no-${def.flag}`);
    }
    for (const flag of Object.keys(runFlags)) expect(help).toContain(`--${flag}`);
  });
});

describe("parseArgv", () => {
  it("reads the directory, choices and negated booleans", () => {
    const args = parseArgv(["app", "--frontend", "vite", "--no-payments", "--pm=pnpm", "--no-git", "-y"]);
    expect(args).toMatchObject({
      directory: "app",
      given: { frontend: "vite", payments: false, pm: "pnpm", git: false },
      yes: true,
      force: false,
      dryRun: false,
    });
    expect(args.given.install).toBeUndefined();
  });

  it("rejects unknown flags, bad choices and extra positionals as usage errors", () => {
    expect(() => parseArgv(["--frontend", "angular"])).toThrow(/Expected one of: next, vite, start, none/);
    expect(() => parseArgv(["--nope"])).toThrow(UsageError);
    expect(() => parseArgv(["a", "b"])).toThrow(/one project directory/);
    expect(() => parseArgv(["--pm"])).toThrow(UsageError);
  });
});

describe("detectPackageManager", () => {
  it("reads npm_config_user_agent", () => {
    expect(detectPackageManager("pnpm/9.12.0 npm/? node/v20.19.0 linux x64")).toBe("pnpm");
    expect(detectPackageManager("yarn/1.22.22 npm/? node/v20.19.0")).toBe("yarn");
    expect(detectPackageManager("bun/1.2.0 npm/? node/v22.0.0")).toBe("bun");
    expect(detectPackageManager("npm/11.0.0 node/v20.19.0")).toBe("npm");
    expect(detectPackageManager(undefined)).toBe("npm");
  });
});
