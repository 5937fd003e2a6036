// The generated project's GitHub Actions workflow (.github/workflows/ci.yml): install with the chosen package
// manager and its lockfile-keyed cache, then typecheck, lint, format check, test and build. Written from code, not
// a layer, because every line depends on the package manager; a layer's own .github/workflows/ci.yml wins.
import type { PackageManager, ProjectOptions } from "./options.js";
import { commands } from "./package-manager.js";

export const ciWorkflowPath = ".github/workflows/ci.yml";

/**
 * Well-formed placeholders for the public keys a frontend's build inlines (the build checks they are set). Nothing
 * is deployed from CI, so no real key is needed; the Clerk one is "pk_live_" + base64("clerk.example.com$").
 */
export const placeholderBuildEnv: Record<ProjectOptions["frontend"], Record<string, string>> = {
  next: {
    NEXT_PUBLIC_CONVEX_URL: "https://placeholder-123.convex.cloud",
    NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: "pk_live_Y2xlcmsuZXhhbXBsZS5jb20k",
  },
  vite: {
    VITE_CONVEX_URL: "https://placeholder-123.convex.cloud",
    VITE_CLERK_PUBLISHABLE_KEY: "pk_live_Y2xlcmsuZXhhbXBsZS5jb20k",
  },
  start: {
    VITE_CONVEX_URL: "https://placeholder-123.convex.cloud",
    VITE_CLERK_PUBLISHABLE_KEY: "pk_live_Y2xlcmsuZXhhbXBsZS5jb20k",
  },
  none: {},
};

const installCommand = (pm: PackageManager, packageManager: string | undefined): string => {
  if (pm === "npm") return "npm ci";
  if (pm === "pnpm") return "pnpm install --frozen-lockfile";
  if (pm === "bun") return "bun install --frozen-lockfile";
  // Yarn 2+ spells "the lockfile must not change" --immutable; Yarn 1 (and an unknown version) --frozen-lockfile.
  const major = Number(/^yarn@(\d+)/.exec(packageManager ?? "")?.[1] ?? 1);
  return major >= 2 ? "yarn install --immutable" : "yarn install --frozen-lockfile";
};

/** The setup steps before install, as YAML lines (indented for the steps list). */
function setupSteps(pm: PackageManager, packageManager: string | undefined): string[] {
  const node = (cache?: string) => [
    "      - uses: actions/setup-node@v6",
    "        with:",
    "          node-version: 24",
    ...(cache ? [`          cache: ${cache}`] : []),
  ];
  switch (pm) {
    case "npm":
      return node("npm");
    case "pnpm":
      // pnpm/action-setup reads the version from package.json's packageManager; without one, name a major.
      return [
        "      - uses: pnpm/action-setup@v4",
        ...(packageManager?.startsWith("pnpm@") ? [] : ["        with:", "          version: 10"]),
        ...node("pnpm"),
      ];
    case "yarn":
      // Corepack provides the Yarn named by packageManager (Yarn 1 without one) before setup-node caches.
      return ["      - run: corepack enable", ...node("yarn")];
    case "bun":
      return [
        ...node(),
        "      - uses: oven-sh/setup-bun@v2",
        "      - uses: actions/cache@v4",
        "        with:",
        "          path: ~/.bun/install/cache",
        "          key: bun-${{ runner.os }}-${{ hashFiles('bun.lock') }}",
        "          restore-keys: bun-${{ runner.os }}-",
      ];
  }
}

/** The checks the workflow runs, in order, of the project's scripts: `test:ui` where a layer brings rendered UI tests. */
export const checkScripts = ["typecheck", "lint", "format:check", "test", "test:ui", "build"];

export function ciWorkflow(
  options: Pick<ProjectOptions, "frontend" | "pm" | "packageManager">,
  scripts: readonly string[],
): string {
  const { run } = commands[options.pm];
  const env = Object.entries(placeholderBuildEnv[options.frontend]);
  const lines = [
    "name: CI",
    "",
    "on:",
    "  push:",
    "    branches: [main]",
    "  pull_request:",
    "",
    "jobs:",
    "  check:",
    "    runs-on: ubuntu-latest",
    ...(env.length > 0
      ? [
          "    # Placeholders for the public keys the build inlines: nothing is deployed from here.",
          "    env:",
          ...env.map(([name, value]) => `      ${name}: ${value}`),
        ]
      : []),
    "    steps:",
    "      - uses: actions/checkout@v5",
    ...setupSteps(options.pm, options.packageManager),
    `      - run: ${installCommand(options.pm, options.packageManager)}`,
    ...checkScripts.filter((script) => scripts.includes(script)).map((script) => `      - run: ${run} ${script}`),
  ];
  return `${lines.join("\n")}\n`;
}
