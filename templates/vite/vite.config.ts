import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig, loadEnv } from "vite";
import { clerkPublishableKey, convexUrl, missingEnvMessage } from "./src/lib/check-env.ts";

export default defineConfig(({ command, mode, isPreview }) => {
  // The build inlines the public keys and the dev server serves them: stop early when one is missing.
  if (!isPreview) {
    const required = [
      convexUrl("VITE_CONVEX_URL"),
      clerkPublishableKey("VITE_CLERK_PUBLISHABLE_KEY"),
    ];
    const env = loadEnv(mode, process.cwd(), "");
    const missing = missingEnvMessage(
      required,
      env,
      command === "build" ? "vite build" : "vite dev",
    );
    if (missing) {
      console.error(missing);
      process.exit(1);
    }
  }
  return { plugins: [react(), tailwindcss()] };
});
