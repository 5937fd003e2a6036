import { convexTest } from "convex-test";
import { expect, test } from "vitest";
import subscriptionItemCanceled from "../webhooks/samples/subscriptionItem.canceled.json";
import { api } from "./_generated/api";
import { hasPlan } from "./entitlements";
import { PRO_PLAN } from "./plans";
import schema from "./schema";
import { modules, signedWebhook, useWebhookTestEnv, WEBHOOK_PATH } from "./test.setup";

useWebhookTestEnv();

const TEAM = "org_billing_team";
const ADMIN = "user_billing_admin";

/** Clerk's subscription item example on the Pro plan, paid by `payer` (an organization or a user). */
function proItem(id: string, payer: { organization_id?: string; user_id?: string }) {
  const { data } = subscriptionItemCanceled;
  return {
    ...subscriptionItemCanceled,
    type: "subscriptionItem.active",
    data: {
      ...data,
      id,
      status: "active",
      plan: { ...data.plan, slug: PRO_PLAN },
      payer: { ...data.payer, user_id: "", organization_id: "", ...payer },
    },
  };
}

/** TEAM subscribes to Pro: Clerk's billing webhook for an item paid by the organization. */
async function subscribeTeam(t: ReturnType<typeof convexTest>) {
  const item = proItem("csub_item_team", { organization_id: TEAM });
  expect((await t.fetch(WEBHOOK_PATH, signedWebhook(item))).status).toBe(200);
}

/** ADMIN as an admin of TEAM, as Clerk's membership webhook would have stored it. */
async function adminOfTeam(t: ReturnType<typeof convexTest>) {
  await t.run((ctx) =>
    ctx.db.insert("memberships", {
      membershipId: "orgmem_admin",
      orgId: TEAM,
      userId: ADMIN,
      role: "org:admin",
      name: "Admin",
      clerkUpdatedAt: 1,
    }),
  );
}

test("a team's Pro item grants the team the plan and lifts its limit; it grants its members nothing as users", async () => {
  const t = convexTest(schema, modules);
  await adminOfTeam(t);
  const inTeam = t.withIdentity({ subject: ADMIN, o: { id: TEAM } });
  const personal = t.withIdentity({ subject: ADMIN });
  const team = { kind: "team", id: TEAM, role: "org:admin" } as const;

  expect(await t.run((ctx) => hasPlan(ctx, PRO_PLAN, team))).toBe(false);
  await subscribeTeam(t);
  expect(await t.run((ctx) => hasPlan(ctx, PRO_PLAN, team))).toBe(true);
  expect(await personal.run((ctx) => hasPlan(ctx, PRO_PLAN))).toBe(false);

  for (const name of ["1", "2", "3", "4"]) await inTeam.mutation(api.projects.create, { name });
  expect(await inTeam.query(api.projects.usage, {})).toMatchObject({ count: 4, limit: null });
  expect(await personal.query(api.projects.usage, {})).toMatchObject({ limit: 3 });
});

test("a user's own Pro plan does not lift their team's limit", async () => {
  const t = convexTest(schema, modules);
  await adminOfTeam(t);
  expect(
    (await t.fetch(WEBHOOK_PATH, signedWebhook(proItem("csub_item_user", { user_id: ADMIN }))))
      .status,
  ).toBe(200);
  const inTeam = t.withIdentity({ subject: ADMIN, o: { id: TEAM } });
  for (const name of ["1", "2", "3"]) await inTeam.mutation(api.projects.create, { name });
  await expect(inTeam.mutation(api.projects.create, { name: "4" })).rejects.toMatchObject({
    data: { code: "PROJECT_LIMIT" },
  });
  expect(await t.withIdentity({ subject: ADMIN }).query(api.projects.usage, {})).toMatchObject({
    limit: null,
  });
});

test("api.pro.content follows the active team's plan", async () => {
  const t = convexTest(schema, modules);
  await adminOfTeam(t);
  await subscribeTeam(t);
  const inTeam = t.withIdentity({ subject: ADMIN, o: { id: TEAM } });
  expect(await inTeam.query(api.pro.content, {})).toMatchObject({ headline: expect.any(String) });
  expect(await inTeam.query(api.subscriptions.current, {})).toMatchObject({
    activePlans: [PRO_PLAN],
  });
  await expect(t.withIdentity({ subject: ADMIN }).query(api.pro.content, {})).rejects.toMatchObject(
    {
      data: { code: "PLAN_REQUIRED" },
    },
  );
});
