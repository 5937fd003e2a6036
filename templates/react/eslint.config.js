// ESLint: TypeScript's recommended rules everywhere, Convex's rules in convex/. React's hooks rules (and Next.js's
// rules) run in oxlint, .oxlintrc.json: the same rules at a sixth of the installed packages. `npm run lint` runs both.
import convexPlugin from "@convex-dev/eslint-plugin";
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import tseslint from "typescript-eslint";

export default defineConfig(
  globalIgnores([
    "convex/_generated/",
    "coverage/",
    "dist/",
    ".next/",
    "out/",
    "next-env.d.ts",
    ".tanstack/",
    ".output/",
    "src/routeTree.gen.ts",
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  convexPlugin.configs.recommended,
);
