import { defineApp } from "convex/server";
import { v } from "convex/values";

// The app's deployment variables, typed in `env` from _generated/server (set them with `npx convex env set NAME
// value`; each is optional here and checked where it is read, model/deploymentEnv.ts), and the Convex components
// it installs, each with its own tables and functions (`components.<name>` in _generated/api).
const app = defineApp({
  env: {
    // Clerk's Frontend API URL, the issuer of the session tokens Convex accepts (auth.config.ts).
    CLERK_JWT_ISSUER_DOMAIN: v.optional(v.string()),
    // The signing secret of the Clerk webhook endpoint (http.ts).
    CLERK_WEBHOOK_SECRET: v.optional(v.string()),
    // Clerk's Backend API key, to fetch what a webhook missed (clerkSync.ts).
    CLERK_SECRET_KEY: v.optional(v.string()),
    // @slot env
  },
});
// @slot components

export default app;
