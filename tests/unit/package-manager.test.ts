import { describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import { detectPackageManager, packageManagerSpec } from "../../src/package-manager.js";
import { projectOptions } from "../helpers.js";

describe("detectPackageManager", () => {
  it("reads npm_config_user_agent", () => {
    expect(detectPackageManager("pnpm/9.12.0 npm/? node/v20.19.0 linux x64")).toBe("pnpm");
    expect(detectPackageManager("yarn/1.22.22 npm/? node/v20.19.0")).toBe("yarn");
    expect(detectPackageManager("bun/1.2.0 npm/? node/v22.0.0")).toBe("bun");
    expect(detectPackageManager("npm/11.0.0 node/v20.19.0")).toBe("npm");
    expect(detectPackageManager("")).toBe("npm");
  });
});

describe("packageManager", () => {
  it("is name@version from the user agent when that manager is the one chosen", () => {
    expect(packageManagerSpec("pnpm", "pnpm/10.12.1 npm/? node/v22.12.0 linux x64")).toBe("pnpm@10.12.1");
    expect(packageManagerSpec("yarn", "yarn/4.18.1 npm/? node/v20.20.2 linux x64")).toBe("yarn@4.18.1");
    expect(packageManagerSpec("bun", "bun/1.4.5 npm/? node/v24.3.0 linux x64")).toBe("bun@1.4.5");
    expect(packageManagerSpec("npm", "npm/11.19.1 node/v20.20.2 linux x64 workspaces/false")).toBe("npm@11.19.1");
    expect(packageManagerSpec("pnpm", "pnpm/11.0.0-rc.1 npm/? node/v22.12.0")).toBe("pnpm@11.0.0-rc.1");
    // --pm other than the manager that ran us, or no exact version: omitted.
    expect(packageManagerSpec("pnpm", "npm/11.19.1 node/v20.20.2 linux x64")).toBeUndefined();
    expect(packageManagerSpec("npm", "")).toBeUndefined();
    expect(packageManagerSpec("yarn", "yarn/? npm/? node/v20")).toBeUndefined();
  });

  it("is written last in package.json when known, and absent otherwise", () => {
    const withField = JSON.parse(
      generate(projectOptions({ pm: "pnpm", packageManager: "pnpm@12.21.0" })).get("package.json")!,
    );
    expect(withField.packageManager).toBe("pnpm@12.21.0");
    expect(Object.keys(withField).at(-1)).toBe("packageManager");
    expect(JSON.parse(generate(projectOptions({ pm: "pnpm" })).get("package.json")!)).not.toHaveProperty(
      "packageManager",
    );
  });
});

describe("yarn", () => {
  it("installs into node_modules (Yarn 2+) and its state is ignored; other managers get neither", () => {
    const tree = generate(projectOptions({ pm: "yarn" }));
    expect(tree.get(".yarnrc.yml")).toMatch(/^nodeLinker: node-modules$/m);
    expect(tree.get(".gitignore")).toContain(".yarn/*");
    expect(tree.get(".gitignore")).toContain(".pnp.*");
    for (const pm of ["npm", "pnpm", "bun"] as const) {
      const other = generate(projectOptions({ pm }));
      expect(other.has(".yarnrc.yml")).toBe(false);
      expect(other.get(".gitignore")).not.toContain(".yarn/");
    }
  });
});
