import { PricingTable } from "@clerk/react";

export default function Pricing() {
  return (
    <section id="pricing" className="border-t border-zinc-200 py-24">
      <div className="mx-auto max-w-5xl px-6">
        <h2 className="text-center text-3xl font-semibold tracking-tight">Simple pricing</h2>
        <p className="mx-auto mt-4 max-w-xl text-center text-zinc-600">
          Start free. Upgrade when you need more. Cancel any time.
        </p>
        <div className="mt-16">
          <PricingTable newSubscriptionRedirectUrl="/dashboard/pro" />
        </div>
      </div>
    </section>
  );
}
