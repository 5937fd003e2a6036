import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // A fixture layer's own tests run inside the project generated with it (tests/integration.test.ts).
    exclude: ["tests/fixtures/**", "node_modules/**"],
    testTimeout: 30_000,
    // The integration suite installs and builds real projects: it runs its combinations in parallel itself.
    fileParallelism: true,
  },
});
