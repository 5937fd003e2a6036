/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Your Convex deployment, written to .env.local by `convex dev`. */
  readonly VITE_CONVEX_URL?: string;
  /** Clerk dashboard → API keys → Publishable key. */
  readonly VITE_CLERK_PUBLISHABLE_KEY?: string;
}
