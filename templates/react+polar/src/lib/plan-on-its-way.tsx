"use client";

import { useEffect, useSyncExternalStore } from "react";
import { useSyncFromClerk } from "./clerk-sync";
import { useAuth } from "../platform";

/*
 * The billing provider's side of the Pro page (views/pro-page.tsx), for Polar: Polar sends the buyer back to the Pro
 * page with the checkout's id in the URL (components/plan-pricing-table.tsx asks for
 * `/dashboard/pro?checkout_id={CHECKOUT_ID}`), usually a moment before its webhook brings the subscription to Convex.
 */

/** The URL parameter Polar fills with the checkout's id on the way back. */
export const CHECKOUT_PARAM = "checkout_id";

/**
 * Whether `plan` is on its way to the active owner while Convex does not grant it yet (`convexOnPlan` false): the page
 * is Polar's way back from a checkout. Returns what the page waits for (the checkout, for the active owner: switching
 * team starts the wait over), or null. While it waits, asks Convex once to sync (`api.clerkSync.requestSync`, which
 * also reads the owner's subscriptions from Polar's API); once Convex has the plan, drops the checkout from the URL,
 * so a later visit (a bookmark, the back button) is not taken for a new checkout.
 */
export function usePlanOnItsWay(_plan: string, convexOnPlan: boolean | undefined): string | null {
  const checkoutId = useCheckoutInUrl();
  const { orgId } = useAuth();
  const awaited =
    convexOnPlan === false && checkoutId !== null ? `${checkoutId}:${orgId ?? "user"}` : null;
  useSyncFromClerk(awaited);
  useEffect(() => {
    if (convexOnPlan === true && checkoutId !== null) forgetCheckout();
  }, [convexOnPlan, checkoutId]);
  return awaited;
}

/** The id of the checkout Polar sent the buyer back from, while the URL holds it (null when rendered on a server). */
export function useCheckoutInUrl(): string | null {
  return useSyncExternalStore(onUrlChange, checkoutInUrl, () => null);
}

function checkoutInUrl(): string | null {
  return new URLSearchParams(window.location.search).get(CHECKOUT_PARAM) || null;
}

function onUrlChange(callback: () => void): () => void {
  window.addEventListener("popstate", callback);
  return () => window.removeEventListener("popstate", callback);
}

/** Removes the checkout from the address bar, keeping the router's history state (Next.js, React Router, TanStack). */
function forgetCheckout() {
  const url = new URL(window.location.href);
  url.searchParams.delete(CHECKOUT_PARAM);
  window.history.replaceState(window.history.state, "", url);
}

/** What the Pro page says once it has waited out a plan that has not reached Convex: what to check. */
export function PlanNotArrived() {
  return (
    <>
      <p className="font-medium text-zinc-900">
        Polar has completed your checkout, but the plan has not reached this app yet.
      </p>
      <p className="mt-2">
        This page updates by itself once it does. If you run this app, check that a Polar webhook
        endpoint sends the <code>subscription.*</code> events to{" "}
        <code>https://&lt;deployment&gt;.convex.site/polar/events</code>, and that
        POLAR_WEBHOOK_SECRET (the endpoint&apos;s secret) and POLAR_ORGANIZATION_TOKEN are set on
        the Convex deployment.
      </p>
    </>
  );
}
