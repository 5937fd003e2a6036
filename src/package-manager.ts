// What each package manager calls things: install, run a script, run a local binary.
import { accessSync, constants, statSync } from "node:fs";
import { delimiter, join } from "node:path";
import type { PackageManager } from "./options.js";

export interface PackageManagerCommands {
  install: string;
  /** Prefix to run a package.json script: `npm run dev`, `pnpm dev`. */
  run: string;
  /** Prefix to run a binary installed in the project: `npx convex dev`, `pnpm exec convex dev`. */
  exec: string;
  /** Prefix to run a package from the registry without installing it: `npx create-convex-saas@1.0.0 add teams`. */
  dlx: string;
}

export const commands: Record<PackageManager, PackageManagerCommands> = {
  npm: { install: "npm install", run: "npm run", exec: "npx", dlx: "npx" },
  pnpm: { install: "pnpm install", run: "pnpm", exec: "pnpm exec", dlx: "pnpm dlx" },
  // Yarn 2+ (yarn 1 has no dlx: npx works with it).
  yarn: { install: "yarn install", run: "yarn", exec: "yarn", dlx: "yarn dlx" },
  bun: { install: "bun install", run: "bun run", exec: "bunx", dlx: "bunx" },
};

/** The package manager that ran us, from `npm_config_user_agent` ("pnpm/9.1.0 npm/? node/v20…"). */
export function detectPackageManager(userAgent = process.env.npm_config_user_agent): PackageManager {
  const name = userAgent?.split("/")[0];
  return name === "pnpm" || name === "yarn" || name === "bun" ? name : "npm";
}

export const howToGet: Record<PackageManager, string> = {
  npm: "npm comes with Node.js: https://nodejs.org",
  pnpm: "npm install -g pnpm (or: corepack enable pnpm)",
  yarn: "npm install -g yarn (or: corepack enable yarn)",
  bun: "npm install -g bun (or see https://bun.sh)",
};

/** Whether `command` is an executable file on PATH (with PATHEXT on Windows): a lookup, nothing is run. */
export function onPath(command: string, env = process.env): boolean {
  const extensions = process.platform === "win32" ? (env.PATHEXT ?? ".EXE;.CMD;.BAT").split(";") : [""];
  for (const folder of (env.PATH ?? "").split(delimiter)) {
    if (!folder) continue;
    for (const extension of extensions) {
      const file = join(folder, command + extension);
      try {
        accessSync(file, constants.X_OK);
        if (statSync(file).isFile()) return true;
      } catch {
        // not here
      }
    }
  }
  return false;
}

/**
 * `name@version` for package.json's `packageManager` when `pm` is the manager that ran us and the user agent gives
 * its exact version ("pnpm/10.12.1 npm/? node/v22…" → "pnpm@10.12.1"); undefined otherwise.
 */
export function packageManagerSpec(
  pm: PackageManager,
  userAgent = process.env.npm_config_user_agent,
): string | undefined {
  const match = /^([a-z]+)\/(\d+\.\d+\.\d+(?:-[\w.]+)?)(?:\s|$)/.exec(userAgent ?? "");
  return match && match[1] === pm ? `${pm}@${match[2]}` : undefined;
}
