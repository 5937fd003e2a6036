import tailwindcss from "@tailwindcss/vite";
import { tanstackStart } from "@tanstack/react-start/plugin/vite";
import react from "@vitejs/plugin-react";
import { defineConfig, loadEnv } from "vite";
import {
  clerkPublishableKey,
  clerkSecretKey,
  convexUrl,
  stopUnlessSet,
} from "./src/lib/check-env.ts";

export default defineConfig(({ command, mode, isPreview }) => {
  // The build inlines the public keys; the dev server also needs the secret key for its server functions.
  if (!isPreview) {
    const publicKeys = [
      convexUrl("VITE_CONVEX_URL"),
      clerkPublishableKey("VITE_CLERK_PUBLISHABLE_KEY"),
    ];
    const required = command === "build" ? publicKeys : [...publicKeys, clerkSecretKey];
    stopUnlessSet(
      required,
      loadEnv(mode, process.cwd(), ""),
      command === "build" ? "vite build" : "vite dev",
    );
  }
  return {
    server: { port: 3000 },
    // tanstackStart() before react(): it compiles the routes and server functions first.
    plugins: [tailwindcss(), tanstackStart(), react()],
  };
});
