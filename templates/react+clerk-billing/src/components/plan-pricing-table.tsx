import { PRO_PLAN } from "../../convex/plans";
import { PricingTable } from "../platform";

/** Clerk's pricing table, with PRO_PLAN highlighted; a new subscription lands on the Pro page. */
export function PlanPricingTable() {
  return <PricingTable highlightedPlan={PRO_PLAN} newSubscriptionRedirectUrl="/dashboard/pro" />;
}
