import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig, loadEnv } from "vite";
import { clerkPublishableKey, convexUrl, stopUnlessSet } from "./src/lib/check-env.ts";

export default defineConfig(({ command, mode, isPreview }) => {
  // The build inlines the public keys and the dev server serves them: stop early when one is missing.
  if (!isPreview) {
    const required = [
      convexUrl("VITE_CONVEX_URL"),
      clerkPublishableKey("VITE_CLERK_PUBLISHABLE_KEY"),
    ];
    stopUnlessSet(
      required,
      loadEnv(mode, process.cwd(), ""),
      command === "build" ? "vite build" : "vite dev",
    );
  }
  return { plugins: [react(), tailwindcss()] };
});
