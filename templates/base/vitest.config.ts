import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // The backend suite: convex-test runs Convex functions in the edge runtime they deploy to.
    include: ["convex/**/*.test.ts"],
    environment: "edge-runtime",
    server: { deps: { inline: ["convex-test"] } },
  },
});
