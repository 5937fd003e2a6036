/**
 * Where the Clerk webhook is served: https://<deployment>.convex.site/clerk-users-webhook. http.ts routes it;
 * webhooks/send.ts and the tests deliver to it.
 */
export const CLERK_WEBHOOK_PATH = "/clerk-users-webhook";
