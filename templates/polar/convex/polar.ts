import { checkoutsCreate } from "@polar-sh/sdk/funcs/checkoutsCreate.js";
import { customerSessionsCreate } from "@polar-sh/sdk/funcs/customerSessionsCreate.js";
import { customersDeleteExternal } from "@polar-sh/sdk/funcs/customersDeleteExternal.js";
import { HTTPValidationError } from "@polar-sh/sdk/models/errors/httpvalidationerror.js";
import { v } from "convex/values";
import { components, internal } from "./_generated/api";
import { action, type ActionCtx, internalAction, internalQuery } from "./_generated/server";
import { ownerRefValidator } from "./model/clerkEventHandler";
import { appError } from "./model/errors";
import { can, requireOwner } from "./model/owners";
import { polar, polarClient } from "./model/polar";
import { productIdsOf } from "./model/polarProducts";
import { PRO_PLAN } from "./plans";

/*
 * Selling through Polar: a checkout for the Pro plan and the customer portal, for the active owner (the signed-in
 * user, or with teams the active team). The Polar customer is created by Polar's checkout with the owner's Clerk id as
 * its external id; polarWebhook.ts links it to the owner when its subscription arrives.
 */

/** The Clerk permission that lets a team member buy and manage the team's plan (model/owners.ts `can`: admins hold it). */
export const MANAGE_BILLING = "org:billing:manage";

/** Who pays in this session: the active owner, when the caller may manage its billing. */
export const billingAccount = internalQuery({
  args: {},
  returns: v.object({ ownerId: v.string(), email: v.optional(v.string()) }),
  handler: async (ctx) => {
    const owner = await requireOwner(ctx);
    if (!can(owner, MANAGE_BILLING)) {
      throw appError({ code: "FORBIDDEN", permission: MANAGE_BILLING });
    }
    const identity = await ctx.auth.getUserIdentity();
    // A user's checkout starts with their email; a team's billing email is typed at checkout.
    const email = owner.kind === "user" ? identity?.email : undefined;
    return { ownerId: owner.id, ...(email ? { email } : {}) };
  },
});

function requireClient() {
  const client = polarClient();
  if (client === undefined) throw appError({ code: "BILLING_UNAVAILABLE" });
  return client;
}

/** Logs what Polar answered (the logs, never the client, see it) and throws BILLING_UNAVAILABLE. */
function polarFailed(what: string, error: unknown): never {
  console.error(`Polar refused to ${what}:`, error instanceof Error ? error.message : error);
  throw appError({ code: "BILLING_UNAVAILABLE" });
}

/**
 * A Polar checkout for the Pro plan's products (POLAR_PRO_PRODUCT_IDS) for the active owner. Polar sends the buyer to
 * `successUrl` afterwards, with `checkout_id` added when the URL holds `{CHECKOUT_ID}`.
 */
export const checkout = action({
  args: { successUrl: v.string() },
  returns: v.object({ url: v.string() }),
  handler: async (ctx: ActionCtx, { successUrl }) => {
    const account = await ctx.runQuery(internal.polar.billingAccount, {});
    const products = productIdsOf(PRO_PLAN);
    if (products.length === 0) {
      console.error("POLAR_PRO_PRODUCT_IDS is not set on this Convex deployment: nothing to sell.");
      throw appError({ code: "BILLING_UNAVAILABLE" });
    }
    const created = await checkoutsCreate(requireClient(), {
      products,
      externalCustomerId: account.ownerId,
      customerEmail: account.email,
      // Copied to the subscription: links it when Polar matched an existing customer by email (polarWebhook.ts).
      metadata: { ownerId: account.ownerId },
      successUrl,
    });
    if (!created.ok) polarFailed("create a checkout", created.error);
    return { url: created.value.url };
  },
});

/** A link to Polar's customer portal (invoices, payment method, cancel) for the active owner's Polar customer. */
export const portal = action({
  args: { returnUrl: v.string() },
  returns: v.object({ url: v.string() }),
  handler: async (ctx: ActionCtx, { returnUrl }) => {
    const account = await ctx.runQuery(internal.polar.billingAccount, {});
    // The customer linked by a subscription (polarWebhook.ts), else the one Polar knows by the owner's Clerk id.
    const linked = await ctx.runQuery(components.polar.lib.getCustomerByUserId, {
      userId: account.ownerId,
    });
    const session = await customerSessionsCreate(
      requireClient(),
      linked !== null
        ? { customerId: linked.id, returnUrl }
        : { externalCustomerId: account.ownerId, returnUrl },
    );
    if (!session.ok) {
      if (isUnknownCustomer(session.error)) throw appError({ code: "NO_BILLING_ACCOUNT" });
      polarFailed("open the customer portal", session.error);
    }
    return { url: session.value.customerPortalUrl };
  },
});

/**
 * Whether Polar refused a customer session because it has no such customer: a 422 on the customer field ("Customer
 * does not exist.", as polarsource/polar's customer_session/service.py answers), not a 404.
 */
function isUnknownCustomer(error: unknown): boolean {
  return (
    error instanceof HTTPValidationError &&
    (error.detail ?? []).some(({ loc }) =>
      ["customer_id", "external_customer_id"].includes(String(loc[1])),
    )
  );
}

/**
 * Deletes a deleted owner's Polar customer (scheduled on user.deleted and organization.deleted, clerkEvents.ts): Polar
 * cancels its subscriptions at once and anonymizes its personal data. Polar keeps its orders and invoices, as a
 * merchant of record must. No customer (404) is done already.
 */
export const deleteCustomer = internalAction({
  args: { owner: ownerRefValidator },
  returns: v.null(),
  handler: async (_ctx, { owner }) => {
    const client = polarClient();
    if (client === undefined) return null;
    const deleted = await customersDeleteExternal(client, {
      externalId: owner.id,
      anonymize: true,
    });
    if (!deleted.ok && deleted.error.name !== "ResourceNotFound") {
      console.error(
        `Could not delete the Polar customer of ${owner.kind} ${owner.id}:`,
        deleted.error.message,
      );
    }
    return null;
  },
});

/**
 * Copies every product from Polar into the component's table (names and prices, for the UI). Products created or
 * changed later arrive by webhook (product.created, product.updated). Run it with `npx convex run polar:syncProducts`.
 */
export const syncProducts = internalAction({
  args: {},
  returns: v.null(),
  handler: async (ctx) => {
    await polar.syncProducts(ctx);
    return null;
  },
});
