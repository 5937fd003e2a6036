import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The rendered UI tests (`test:ui`): the shared views in a DOM (happy-dom), src/platform.tsx replaced by a fake
// Clerk (src/testing/fake-clerk.tsx), and Convex's real functions behind them in convex-test.
export default defineConfig({
  resolve: {
    alias: [
      {
        find: /^(\.\.\/)+platform$/,
        replacement: fileURLToPath(new URL("./src/testing/fake-clerk.tsx", import.meta.url)),
      },
    ],
  },
  test: {
    include: ["src/**/*.test.tsx"],
    environment: "happy-dom",
    setupFiles: ["src/testing/setup.ts"],
    // expect.poll, like findBy… (setup.ts), waits up to 5 s, and a test up to 15 s.
    expect: { poll: { timeout: 5_000 } },
    testTimeout: 15_000,
    server: { deps: { inline: ["convex-test"] } },
    // Test files share the worker's module graph, as in vitest.config.ts: every test renders its own page over its
    // own backend (newTest()), and undoes what it stubs.
    isolate: false,
    // @slot test
  },
});
