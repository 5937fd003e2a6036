/**
 * Clerk Billing plan slugs this app checks. Change a slug here (and create the plan with that slug in the
 * Clerk Dashboard: slugs cannot be changed there later). The frontend imports this file too, so keep it free
 * of server-only imports.
 */

/** The plan that unlocks the Pro page and `api.pro.content`. */
export const PRO_PLAN = "pro";
