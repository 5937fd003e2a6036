import { env } from "../_generated/server";
import { PRO_PLAN } from "../plans";

/**
 * Which Polar products sell which plan: each plan's products are listed, by id, in a deployment variable
 * (comma-separated, e.g. a monthly and a yearly product). A subscription to a product listed nowhere grants no plan.
 */
const productVariables: Record<string, "POLAR_PRO_PRODUCT_IDS"> = {
  [PRO_PLAN]: "POLAR_PRO_PRODUCT_IDS",
};

/** The ids of the Polar products that sell `plan`, in the order a checkout offers them. */
export function productIdsOf(plan: string): string[] {
  const variable = productVariables[plan];
  const ids = variable === undefined ? "" : (env[variable] ?? "");
  return ids
    .split(",")
    .map((id) => id.trim())
    .filter((id) => id !== "");
}

/** The slug of the plan a Polar product sells, or undefined. */
export function planOfProduct(productId: string): string | undefined {
  return Object.keys(productVariables).find((plan) => productIdsOf(plan).includes(productId));
}
