import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // The backend suite: convex-test runs Convex functions in the edge runtime they deploy to.
    // webhooks/send.test.ts (the webhook:send script) picks the node environment in its first line.
    include: ["convex/**/*.test.ts", "webhooks/**/*.test.ts"],
    environment: "edge-runtime",
    server: { deps: { inline: ["convex-test"] } },
  },
});
