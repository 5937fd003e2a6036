import { PricingTable, Show } from "@clerk/react";

/**
 * Only for subscribers to the Clerk Billing plan with the slug `pro`. This gates the UI; anything a
 * non-subscriber must not read has to be checked again in the Convex function that returns it.
 */
export default function Pro() {
  return (
    <div className="mx-auto max-w-5xl px-6 py-16">
      <Show
        when={{ plan: "pro" }}
        fallback={
          <>
            <h1 className="text-3xl font-semibold tracking-tight">Pro is a paid plan</h1>
            <p className="mt-3 text-zinc-600">Subscribe to Pro to unlock this page.</p>
            <div className="mt-12">
              <PricingTable newSubscriptionRedirectUrl="/dashboard/pro" />
            </div>
          </>
        }
      >
        <h1 className="text-3xl font-semibold tracking-tight">Welcome to Pro</h1>
        <p className="mt-3 text-zinc-600">
          Thanks for subscribing. Everything on this page is for Pro members: build your paid features here.
        </p>
      </Show>
    </div>
  );
}
