import { describe, expect, it } from "vitest";
import { checkPackageName, resolveTarget, suggestName } from "../../src/project-name.js";

describe("project names", () => {
  it("accept valid npm names", () => {
    for (const name of ["my-app", "app2", "@acme/app", "a.b_c"]) expect(checkPackageName(name)).toBeUndefined();
  });

  it("reject invalid names with the reason and a suggestion", () => {
    expect(checkPackageName("My App")).toMatch(/not a valid npm package name: .*URL-friendly/);
    expect(checkPackageName(".hidden")).toMatch(/cannot start with a period/);
    // said once, not "node_modules is not a valid npm package name: node_modules is not a valid package name"
    expect(checkPackageName("node_modules")).toBe('"node_modules" is not a valid npm package name: it is reserved.');
    expect(checkPackageName("http")).toMatch(/core module/);
  });

  it("suggest a valid name", () => {
    expect(suggestName("  My Cool App ")).toBe("my-cool-app");
    expect(suggestName("__x")).toBe("x");
    expect(suggestName("café")).toBe("cafe");
    expect(suggestName("Crème Brûlée")).toBe("creme-brulee");
    expect(suggestName("DotUpper")).toBe("dotupper");
    // always valid, even when cleaning alone is not enough
    for (const name of ["node_modules", "http", "favicon.ico", "日本", "@Acme/Café"])
      expect(checkPackageName(suggestName(name)), name).toBeUndefined();
  });

  it("take the package name from the directory, or a scoped argument", () => {
    expect(resolveTarget(".", "/home/me/shop")).toEqual({ dir: "/home/me/shop", name: "shop" });
    expect(resolveTarget("../sites/blog", "/home/me/shop")).toEqual({ dir: "/home/me/sites/blog", name: "blog" });
    expect(resolveTarget("@acme/app", "/w")).toEqual({ dir: "/w/@acme/app", name: "@acme/app" });
  });
});
