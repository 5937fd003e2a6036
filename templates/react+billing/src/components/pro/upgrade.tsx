import { PlanPricingTable } from "../plan-pricing-table";

/** What the Pro page shows to everyone not on the plan. */
export function Upgrade() {
  return (
    <>
      <h1 className="text-3xl font-semibold tracking-tight">Upgrade to Pro</h1>
      <p className="mt-2 text-zinc-600">
        This page is for Pro subscribers. Pick a plan to unlock it.
      </p>
      <div className="mt-10">
        <PlanPricingTable />
      </div>
    </>
  );
}
