// routeTree() against TanStack's own generator: @tanstack/router-generator (a devDependency pinned to the version
// @tanstack/start-plugin-core, the Start Vite plugin, installs) runs over real route files in a temporary project,
// configured as the Start plugin configures it, and what it writes must equal routeTree() byte for byte.
import { Generator, getConfig } from "@tanstack/router-generator";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { routeTree } from "../../src/route-tree.js";

const templates = fileURLToPath(new URL("../../templates/", import.meta.url));

/** A route file's name under src/routes/ and its content. */
type RouteFiles = Record<string, string>;

function templateRoutes(layer: string): RouteFiles {
  const dir = path.join(templates, layer, "src/routes");
  return Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(path.join(dir, name), "utf8")]));
}

/** A made-up route: the generator only needs a `Route` export (and corrects the path given to createFileRoute). */
function madeUpRoute(name: string): RouteFiles {
  const routePath = `/${name.replace(/\.tsx$/, "").replaceAll(".", "/")}`.replace(/index$/, "");
  return {
    [name]: `import { createFileRoute } from "@tanstack/react-router";\n\nexport const Route = createFileRoute("${routePath}")({ component: () => null });\n`,
  };
}

// The footer the Start plugin appends (start-plugin-core's route-tree-footer.ts): the Register block naming the
// project's router (src/router.tsx) and Start instance (src/start.ts).
const startFooter = [
  "import type { getRouter } from './router.tsx'",
  "import type { startInstance } from './start.ts'",
  "declare module '@tanstack/react-start' {",
  "  interface Register {",
  "    ssr: true",
  "    router: Awaited<ReturnType<typeof getRouter>>",
  "    config: Awaited<ReturnType<typeof startInstance.getOptions>>",
  "  }",
  "}",
].join("\n");

/** What the generator writes to src/routeTree.gen.ts for a project with `files` in src/routes/. */
async function generatedRouteTree(files: RouteFiles): Promise<string> {
  const root = mkdtempSync(path.join(tmpdir(), "route-tree-"));
  try {
    const routesDirectory = path.join(root, "src/routes");
    mkdirSync(routesDirectory, { recursive: true });
    for (const [name, content] of Object.entries(files)) writeFileSync(path.join(routesDirectory, name), content);
    // As start-plugin-core's schema.ts and generator-config.ts: the router options parsed by getConfig with the
    // Start directories, the React target, and the Start footer. tmpDir and disableLogging only keep the run
    // out of the repository and quiet; neither changes the output.
    const config = {
      ...getConfig(
        {
          routesDirectory,
          generatedRouteTree: path.join(root, "src/routeTree.gen.ts"),
          tmpDir: path.join(root, ".tanstack/tmp"),
          disableLogging: true,
        },
        root,
      ),
      target: "react" as const,
      routeTreeFileFooter: () => [startFooter],
    };
    await new Generator({ config, root }).run();
    return readFileSync(path.join(root, "src/routeTree.gen.ts"), "utf8");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** The project paths routeTree() takes for `files`. */
function projectPaths(files: RouteFiles): string[] {
  return Object.keys(files).map((name) => `src/routes/${name}`);
}

async function expectSameAsGenerator(files: RouteFiles): Promise<void> {
  expect(routeTree(projectPaths(files))).toBe(await generatedRouteTree(files));
}

/** Every subset of `items`. */
function subsets<T>(items: T[]): T[][] {
  return items.reduce<T[][]>((all, item) => [...all, ...all.map((subset) => [...subset, item])], [[]]);
}

const base = templateRoutes("start");
const optional: RouteFiles = {
  ...templateRoutes("start+billing"), // dashboard.pro.tsx
  ...templateRoutes("start+orgs"), // dashboard.team.tsx
  ...madeUpRoute("dashboard.settings.tsx"),
  ...madeUpRoute("about.tsx"),
};

describe("routeTree equals the route tree TanStack's generator writes", () => {
  // The subsets without the made-up routes are the four combinations the template layers used to store a
  // routeTree.gen.ts for (start, start+billing, start+orgs, start+orgs+billing).
  for (const names of subsets(Object.keys(optional).sort())) {
    it(`for the start routes${names.map((name) => ` + ${name}`).join("")}`, async () => {
      await expectSameAsGenerator({ ...base, ...Object.fromEntries(names.map((name) => [name, optional[name]!])) });
    });
  }

  it("for nested layouts, an index under a nested layout, and routes whose parent file does not exist", async () => {
    await expectSameAsGenerator({
      ...base,
      ...madeUpRoute("dashboard.settings.tsx"),
      ...madeUpRoute("dashboard.settings.index.tsx"),
      ...madeUpRoute("dashboard.settings.profile.tsx"),
      ...madeUpRoute("dashboard.reports.weekly.tsx"), // under dashboard: there is no dashboard.reports.tsx
      ...madeUpRoute("help.index.tsx"), // there is no help.tsx
      ...madeUpRoute("legal.privacy.tsx"), // there is no legal.tsx
      ...madeUpRoute("404.tsx"),
      ...madeUpRoute("two-factor-auth.tsx"),
      ...madeUpRoute("two-factor-auth.index.tsx"),
    });
  });

  it("for the root route alone", async () => {
    await expectSameAsGenerator({ "__root.tsx": base["__root.tsx"]! });
  });

  // Route names around the lengths where Prettier changes how it breaks a line: `…RouteWithChildren = …` (at
  // 6, 8, 16 and 21 characters), `…RouteChildren: …RouteChildren = {` (22), `….update({` (24), a children
  // property (27), and the FileRouteTypes unions; up to the 40 characters routeTree supports (`…Index`).
  for (const length of [5, 6, 7, 8, 15, 16, 20, 21, 22, 23, 24, 26, 27, 35]) {
    it(`for a layout with a ${length}-character name and a child`, async () => {
      const layout = `l${"o".repeat(length - 1)}`;
      await expectSameAsGenerator({
        ...base,
        ...madeUpRoute(`${layout}.tsx`),
        ...madeUpRoute(`${layout}.x.tsx`),
        ...madeUpRoute(`${layout}.index.tsx`),
      });
    });
  }
});

describe("routeTree refuses route files it cannot reproduce", () => {
  const root = "src/routes/__root.tsx";
  it.each([
    ["a pathless layout", "src/routes/_auth.tsx"],
    ["a path parameter", "src/routes/posts.$postId.tsx"],
    ["a lazy piece", "src/routes/dashboard.lazy.tsx"],
    ["a route token", "src/routes/dashboard.route.tsx"],
    ["a route in a folder", "src/routes/dashboard/pro.tsx"],
    ["an ignored file", "src/routes/-components.tsx"],
    ["a file that is not a route", "src/routes/styles.css"],
    ["an index that is not the last segment", "src/routes/index.about.tsx"],
    ["uppercase", "src/routes/About.tsx"],
    ["a name longer than 40 characters", `src/routes/${"a".repeat(41)}.tsx`],
  ])("%s", (_, file) => {
    expect(() => routeTree([root, file])).toThrow(/^Unsupported route file/);
  });

  it("two files for the same route, two routes with the same name, or no root route", () => {
    expect(() => routeTree([root, "src/routes/about.tsx", "src/routes/about.ts"])).toThrow(/same route \/about/);
    expect(() => routeTree([root, "src/routes/a.b.tsx", "src/routes/a-b.tsx"])).toThrow(/same route name AB/);
    expect(() => routeTree(["src/routes/index.tsx"])).toThrow(/no src\/routes\/__root\.tsx/);
  });
});
