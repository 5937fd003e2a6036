// ESLint: TypeScript's recommended rules everywhere, Convex's rules in convex/, React's hooks rules and
// Next.js's Core Web Vitals rules in src/. `npm run lint`.
import convexPlugin from "@convex-dev/eslint-plugin";
import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import { defineConfig, globalIgnores } from "eslint/config";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

export default defineConfig(
  globalIgnores(["convex/_generated/", "coverage/", ".next/", "out/", "next-env.d.ts"]),
  js.configs.recommended,
  tseslint.configs.recommended,
  convexPlugin.configs.recommended,
  {
    files: ["src/**/*.{ts,tsx}"],
    extends: [reactHooks.configs.flat.recommended, nextPlugin.configs["core-web-vitals"]],
  },
);
