import { describe, expect, it } from "vitest";
import { defaults } from "../../src/options.js";
import { Refusal } from "../../src/refusal.js";
import { resolveProject, type ProjectInputs } from "../../src/resolve-project.js";

const inputs = (over: Partial<ProjectInputs> = {}): ProjectInputs => ({
  name: "app",
  given: {},
  answers: {},
  nodeVersion: "22.13.0",
  userAgent: "",
  ...over,
});

/** The refusal resolveProject throws, or undefined. */
const refusalOf = (over: Partial<ProjectInputs>) => {
  try {
    resolveProject(inputs(over));
    return undefined;
  } catch (error) {
    if (error instanceof Refusal) return error;
    throw error;
  }
};

describe("resolveProject: values", () => {
  it("takes the defaults, then the package manager that ran the CLI, then flags, then answers", () => {
    expect(resolveProject(inputs()).values).toEqual(defaults());
    const { values } = resolveProject(
      inputs({
        given: { frontend: "vite", git: false },
        answers: { payments: "none" },
        userAgent: "pnpm/9.12.0 npm/? node/v22.13.0 linux x64",
      }),
    );
    expect(values).toEqual({ ...defaults(), frontend: "vite", payments: "none", pm: "pnpm", git: false });
    expect(resolveProject(inputs({ given: { pm: "bun" }, userAgent: "pnpm/9.12.0" })).values.pm).toBe("bun");
  });

  it("gives the generator the project options only, with the name and packageManager when it is the running one", () => {
    const { project } = resolveProject(
      inputs({ given: { pm: "pnpm", install: false }, userAgent: "pnpm/9.12.0 npm/? node/v22.13.0 linux x64" }),
    );
    expect(project).toEqual({
      name: "app",
      frontend: "next",
      payments: "clerk",
      orgs: false,
      pm: "pnpm",
      node: 22,
      packageManager: "pnpm@9.12.0",
    });
    expect(resolveProject(inputs({ given: { pm: "yarn" }, userAgent: "pnpm/9.12.0" })).project).not.toHaveProperty(
      "packageManager",
    );
  });
});

describe("resolveProject: the Node line", () => {
  it.each([
    ["20.19.0", 20],
    ["22.12.0", 20],
    ["22.13.0", 22],
    ["24.0.0", 22],
  ] as const)("Node %s writes the Node %s line for a frontend every line supports", (nodeVersion, line) => {
    for (const frontend of ["next", "vite", "none"] as const)
      expect(resolveProject(inputs({ nodeVersion, given: { frontend } })).project.node).toBe(line);
  });

  it.each(["20.19.0", "22.12.0"])(
    "TanStack Start on Node %s: refused with --install (exit 2), written for Node 22 with --no-install",
    (nodeVersion) => {
      const refusal = refusalOf({ nodeVersion, given: { frontend: "start" } });
      expect(refusal?.exitCode).toBe(2);
      expect(refusal?.message).toContain(
        `TanStack Start needs Node.js 22.13 or newer, and this is Node ${nodeVersion}. Run this again with ` +
          "Node.js 22.13 or newer, or add --no-install",
      );
      expect(refusal?.message).toContain("Nothing was written.");
      const later = resolveProject(inputs({ nodeVersion, given: { frontend: "start", install: false } }));
      expect(later.project.node).toBe(22);
    },
  );

  it("TanStack Start chosen at a prompt is refused the same way", () => {
    expect(refusalOf({ nodeVersion: "20.19.0", answers: { frontend: "start" } })?.exitCode).toBe(2);
  });

  it.each(["22.13.0", "24.0.0"])("TanStack Start on Node %s installs on the Node 22 line", (nodeVersion) => {
    expect(resolveProject(inputs({ nodeVersion, given: { frontend: "start" } })).project.node).toBe(22);
  });
});
