import { expect, test, vi } from "vitest";
import userDeleted from "../webhooks/samples/user.deleted.json";
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

// Deleting a big customer through the webhook, every transaction under `transactionBudget` (test.setup.ts).
const USER = userDeleted.data.id;
const tables = Object.keys(schema.tables) as (keyof typeof schema.tables)[];
const PROJECTS = 5_000;
/** Scheduled batches run one after another until none is left. */
const settle = (t: ReturnType<typeof newTest>) => t.finishAllScheduledFunctions(vi.runAllTimers);

useWebhookTestEnv({ fakeTimers: true });

test(
  `user.deleted erases a user with ${PROJECTS} projects and all else they own, in bounded transactions`,
  SLOW,
  async () => {
    const t = newTest({ transactionLimits: transactionBudget });
    await t.run((ctx) =>
      ctx.db.insert("users", { name: "Big Customer", externalId: USER, clerkUpdatedAt: 1 }),
    );
    await t.run((ctx) => ctx.db.insert("clerkSyncRequests", { userId: USER, requestedAt: 1 }));
    await insertMany(t, "projects", PROJECTS, (i) => ({
      ownerId: USER,
      name: `p${i}`,
      createdBy: USER,
    }));
    // @slot seedUser

    const response = await t.fetch(CLERK_WEBHOOK_PATH, signedWebhook(userDeleted));
    expect(response.status).toBe(200);
    await settle(t);

    const left = await everything(t, tables);
    // The only trace: the tombstone that keeps late events for this user from bringing data back.
    expect(left.split(USER).length - 1).toBe(1);
    expect(await t.run((ctx) => ctx.db.query("deletedUsers").collect())).toMatchObject([
      { externalId: USER },
    ]);
  },
);
