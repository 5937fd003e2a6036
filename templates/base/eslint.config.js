// ESLint: TypeScript's recommended rules everywhere, Convex's rules in convex/. `npm run lint`.
// @slot header
import convexPlugin from "@convex-dev/eslint-plugin";
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import tseslint from "typescript-eslint";

export default defineConfig(
  globalIgnores(["convex/_generated/", "coverage/"]),
  // @slot ignores
  js.configs.recommended,
  tseslint.configs.recommended,
  convexPlugin.configs.recommended,
);
