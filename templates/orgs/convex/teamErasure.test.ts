import { expect, test, vi } from "vitest";
import organizationDeleted from "../webhooks/samples/organization.deleted.json";
import { CLERK_WEBHOOK_PATH } from "./clerkWebhook";
import schema from "./schema";
import {
  everything,
  insertMany,
  newTest,
  signedWebhook,
  SLOW,
  transactionBudget,
  useWebhookTestEnv,
} from "./test.setup";

// Deleting a big team through the webhook, every transaction under `transactionBudget` (test.setup.ts).

const TEAM = organizationDeleted.data.id;
const MEMBERS = 1_000;
const tables = Object.keys(schema.tables) as (keyof typeof schema.tables)[];

useWebhookTestEnv({ fakeTimers: true });

test(
  `organization.deleted erases a team with ${MEMBERS} members and its data, in bounded transactions`,
  SLOW,
  async () => {
    const t = newTest({ transactionLimits: transactionBudget });
    await t.run((ctx) =>
      ctx.db.insert("organizations", { orgId: TEAM, name: "Big Team", clerkUpdatedAt: 1 }),
    );
    await insertMany(t, "memberships", MEMBERS, (i) => ({
      membershipId: `orgmem_${i}`,
      orgId: TEAM,
      userId: `user_${i}`,
      role: i === 0 ? "org:admin" : "org:member",
      permissions: [],
      name: `Member ${i}`,
      clerkUpdatedAt: 1,
    }));
    await insertMany(t, "projects", MEMBERS, (i) => ({
      ownerId: TEAM,
      name: `p${i}`,
      createdBy: `user_${i}`,
    }));
    // @slot seedTeam

    const response = await t.fetch(CLERK_WEBHOOK_PATH, signedWebhook(organizationDeleted));
    expect(response.status).toBe(200);
    await t.finishAllScheduledFunctions(vi.runAllTimers);

    const left = await everything(t, tables);
    // The only trace: the team's tombstone (a membership's tombstone keeps its membership id only).
    expect(left.split(TEAM).length - 1).toBe(1);
    expect(left).not.toContain("Member 1");
    const tombstones = await t.run(
      async (ctx) => (await ctx.db.query("deletedMemberships").take(MEMBERS + 1)).length,
    );
    expect(tombstones).toBe(MEMBERS);
  },
);
