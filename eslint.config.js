// ESLint for the CLI's own code (src, tests, scripts, bench). templates/ holds the generated projects' code,
// linted with their own config by the integration test.
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import tseslint from "typescript-eslint";

const node = {
  process: "readonly",
  console: "readonly",
  URL: "readonly",
  Buffer: "readonly",
  setTimeout: "readonly",
  clearTimeout: "readonly",
  fetch: "readonly",
};

export default defineConfig(
  globalIgnores(["dist/", "templates/", "tests/fixtures/", ".tmp/"]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: node },
    rules: {
      // `_name` marks a value left out on purpose (a destructured key, an unused argument).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      // `spinner ? spinner.start(label) : say(label)`: a ternary that picks one of two calls.
      "@typescript-eslint/no-unused-expressions": ["error", { allowTernary: true }],
    },
  },
  {
    files: ["bin/**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { ...node, require: "readonly", __dirname: "readonly" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
