import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 30_000,
    // The integration suite installs and builds real projects: it runs its combinations in parallel itself.
    fileParallelism: true,
  },
});
