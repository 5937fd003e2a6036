import { PlanPricingTable } from "../plan-pricing-table";

export function Pricing() {
  return (
    <section id="pricing" className="border-t border-zinc-200/70">
      <div className="mx-auto max-w-5xl px-6 py-24">
        <h2 className="text-center text-3xl font-semibold tracking-tight">Pricing</h2>
        <p className="mx-auto mt-4 max-w-xl text-center text-zinc-600">
          Start free, upgrade when you need more. Cancel any time.
        </p>
        <div className="mt-14">
          <PlanPricingTable />
        </div>
      </div>
    </section>
  );
}
