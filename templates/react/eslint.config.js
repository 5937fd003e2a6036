// ESLint: TypeScript's recommended rules everywhere, Convex's rules in convex/, React's hooks rules in src/.
// `npm run lint`.
import convexPlugin from "@convex-dev/eslint-plugin";
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

export default defineConfig(
  globalIgnores([
    "convex/_generated/",
    "coverage/",
    "dist/",
    ".tanstack/",
    ".output/",
    "src/routeTree.gen.ts",
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  convexPlugin.configs.recommended,
  { files: ["src/**/*.{ts,tsx}"], extends: [reactHooks.configs.flat.recommended] },
);
