import { Polar } from "@convex-dev/polar";
import { PolarCore } from "@polar-sh/sdk/core.js";
import { components } from "../_generated/api";
import { env } from "../_generated/server";
import { deploymentEnv } from "./deploymentEnv";

/*
 * Polar, the merchant of record that sells this app's plans. The Polar component (convex.config.ts) receives Polar's
 * webhooks (http.ts) and keeps the products and subscriptions in its own tables; this app links each Polar customer to
 * its owner (polarWebhook.ts) and sells through polar.ts, with Polar's API client below.
 */

/** The Polar API a deployment talks to: POLAR_SERVER, "sandbox" (the default) or "production". */
export function polarServer(): "sandbox" | "production" {
  const server = env.POLAR_SERVER?.trim() || "sandbox";
  if (server === "sandbox" || server === "production") return server;
  console.error(`POLAR_SERVER is "${server}": it must be sandbox or production. Using sandbox.`);
  return "sandbox";
}

/**
 * The Polar component's client, for its webhook route (http.ts: verified with POLAR_WEBHOOK_SECRET per Standard
 * Webhooks). Checkouts and the customer portal do not go through its `api()`: that one finds the Polar customer by
 * the user's email, so a team and its admin would share one; polar.ts bills the active owner by its Clerk id.
 */
export const polar = new Polar(components.polar, {
  getUserInfo: () => {
    throw new Error("Not used: checkouts and the customer portal are in convex/polar.ts.");
  },
  server: polarServer(),
});

/** A client of Polar's API with POLAR_ORGANIZATION_TOKEN; undefined (and the logs say why) when it is not set. */
export function polarClient(): PolarCore | undefined {
  const accessToken = deploymentEnv("POLAR_ORGANIZATION_TOKEN");
  return accessToken === undefined
    ? undefined
    : new PolarCore({ accessToken, server: polarServer() });
}
