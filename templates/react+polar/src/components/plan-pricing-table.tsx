"use client";

import { type ConvexReactClient, useConvex, useQuery } from "convex/react";
import type { ReactNode } from "react";
import { api } from "../../convex/_generated/api";
import { PRO_PLAN } from "../../convex/plans";
import { CHECKOUT_PARAM, useCheckoutInUrl } from "../lib/plan-on-its-way";
import { Failure, usePolarRedirect } from "../lib/polar-redirect";
import { Link, Show, SignUpButton } from "../platform";

/*
 * The plans, sold through Polar: checkout and the customer portal are Polar's pages, opened by Convex actions
 * (convex/polar.ts) for the active owner (you, or your active team). Edit the cards' text here; the price, tax and
 * billing period are the Polar products' (POLAR_PRO_PRODUCT_IDS), shown at checkout.
 */

/** The free plan's project limit, as convex/model/limits.ts sets it (FREE_PROJECT_LIMIT; the test checks they agree). */
const FREE_PROJECTS = 3;

type Plan = { name: string; price?: string; note: string; features: string[] };

const FREE: Plan = {
  name: "Free",
  price: "$0",
  note: "No card needed.",
  features: [`Up to ${FREE_PROJECTS} projects`, "The dashboard, live from Convex"],
};

const PRO: Plan = {
  name: "Pro",
  // Set the price your Polar product charges (e.g. "$10 / month") to show it here too.
  price: undefined,
  note: "Price, tax and billing period shown at checkout, by Polar. Cancel any time.",
  features: [
    "Unlimited projects",
    "The Pro page, with content only subscribers can read",
    "Invoices and payment method in Polar's customer portal",
  ],
};

const primary =
  "inline-flex w-full justify-center rounded-full bg-zinc-900 px-4 py-2.5 text-sm font-medium text-white shadow-sm hover:bg-zinc-700 disabled:opacity-50";
const secondary =
  "inline-flex w-full justify-center rounded-full border border-zinc-300 bg-white px-4 py-2.5 text-sm font-medium text-zinc-700 hover:bg-zinc-50 disabled:opacity-50";

/**
 * The Free and Pro plans. Where the page has Convex (the signed-in pages), Pro's button opens a Polar checkout for the
 * active owner, or the customer portal once the owner is on Pro. The landing page has no Convex client (it stays
 * light): there the buttons lead to sign-up, or to the Pro page.
 */
export function PlanPricingTable() {
  // undefined outside a ConvexProvider: convex/react's context has no default client.
  const convex = useConvex() as ConvexReactClient | undefined;
  return convex === undefined ? <LandingPlans /> : <OwnerPlans />;
}

function LandingPlans() {
  return (
    <Plans
      free={
        <>
          <Show when="signed-out">
            <SignUpButton mode="modal">
              <button type="button" className={secondary}>
                Start free
              </button>
            </SignUpButton>
          </Show>
          <Show when="signed-in">
            <Link href="/dashboard" className={secondary}>
              Open dashboard
            </Link>
          </Show>
        </>
      }
      pro={
        <>
          <Show when="signed-out">
            <SignUpButton mode="modal" forceRedirectUrl="/dashboard/pro">
              <button type="button" className={primary}>
                Get Pro
              </button>
            </SignUpButton>
          </Show>
          <Show when="signed-in">
            <Link href="/dashboard/pro" className={primary}>
              Get Pro
            </Link>
          </Show>
        </>
      }
    />
  );
}

function OwnerPlans() {
  const current = useQuery(api.subscriptions.current);
  const onPro = current?.activePlans.includes(PRO_PLAN) ?? false;
  // Back from a checkout whose plan has not reached Convex (the Pro page's wait is over): Polar has the subscription,
  // so the portal shows it, where another checkout would charge again.
  const justBought = useCheckoutInUrl() !== null;
  return (
    <Plans
      current={current === undefined ? undefined : onPro ? "pro" : "free"}
      pro={
        onPro || justBought ? <ManageSubscription /> : <Checkout loading={current === undefined} />
      }
    />
  );
}

/** Opens a Polar checkout for Pro; Polar sends the buyer back to the Pro page, which waits for the plan. */
function Checkout({ loading }: { loading: boolean }) {
  const { open, busy, error } = usePolarRedirect(api.polar.checkout);
  return (
    <>
      <button
        type="button"
        disabled={loading || busy}
        onClick={() =>
          open({
            successUrl: `${window.location.origin}/dashboard/pro?${CHECKOUT_PARAM}={CHECKOUT_ID}`,
          })
        }
        className={primary}
      >
        {busy ? "Opening checkout…" : "Upgrade to Pro"}
      </button>
      <Failure message={error} />
    </>
  );
}

/** Opens Polar's customer portal: invoices, payment method, cancel. */
function ManageSubscription() {
  const { open, busy, error } = usePolarRedirect(api.polar.portal);
  return (
    <>
      <button
        type="button"
        disabled={busy}
        onClick={() => open({ returnUrl: window.location.href })}
        className={secondary}
      >
        {busy ? "Opening the portal…" : "Manage subscription"}
      </button>
      <Failure message={error} />
    </>
  );
}

function Plans({
  current,
  free,
  pro,
}: {
  /** The active owner's plan, where the page knows it. */
  current?: "free" | "pro";
  free?: ReactNode;
  pro: ReactNode;
}) {
  return (
    <ul className="mx-auto grid max-w-3xl gap-6 sm:grid-cols-2">
      <PlanCard plan={FREE} current={current === "free"} action={free} />
      <PlanCard plan={PRO} current={current === "pro"} action={pro} highlighted />
    </ul>
  );
}

function PlanCard({
  plan,
  current,
  action,
  highlighted = false,
}: {
  plan: Plan;
  current: boolean;
  action?: ReactNode;
  highlighted?: boolean;
}) {
  return (
    <li
      className={`flex flex-col rounded-2xl border bg-white p-6 text-left shadow-xs ${highlighted ? "border-zinc-900" : "border-zinc-200"}`}
    >
      <div className="flex items-center justify-between gap-3">
        <h3 className="font-semibold">{plan.name}</h3>
        {current ? (
          <span className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-700">
            Current plan
          </span>
        ) : null}
      </div>
      {plan.price ? (
        <p className="mt-4 text-3xl font-semibold tracking-tight">{plan.price}</p>
      ) : null}
      <p className={`${plan.price ? "mt-1" : "mt-4"} text-sm text-zinc-600`}>{plan.note}</p>
      <ul className="mt-6 flex-1 space-y-2 text-sm text-zinc-700">
        {plan.features.map((feature) => (
          <li key={feature} className="flex gap-2">
            <span aria-hidden="true" className="text-emerald-700">
              ✓
            </span>
            {feature}
          </li>
        ))}
      </ul>
      {action ? <div className="mt-6">{action}</div> : null}
    </li>
  );
}
