import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // The backend suite: convex-test runs Convex functions in the edge runtime they deploy to.
    // webhooks/send.test.ts (the webhook:send script) picks the node environment in its first line.
    // src/**: the frontend's plain logic (e.g. optimistic updates), where a React frontend has it.
    include: ["convex/**/*.test.ts", "webhooks/**/*.test.ts", "src/**/*.test.ts"],
    environment: "edge-runtime",
    server: { deps: { inline: ["convex-test"] } },
    // Test files share each worker's module graph instead of re-importing Convex and convex-test per file: the suite
    // runs in ~3 s instead of ~5 s. Safe because every test builds its own backend (newTest()) and undoes what it
    // stubs (see convex/test.setup.ts). If you add vi.mock(), whose mocks would leak between files, remove this line.
    isolate: false,
    // @slot test
  },
});
