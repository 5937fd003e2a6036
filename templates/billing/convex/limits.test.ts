import { expect, test } from "vitest";
import { api } from "./_generated/api";
import { endPlan, startPlan } from "./model/billingProvider.testing";
import { FREE_PROJECT_LIMIT } from "./model/limits";
import { PRO_PLAN } from "./plans";
import { newTest } from "./test.setup";

const USER = "user_limits";

test("the Pro plan lifts the free project limit, and ending it brings the limit back", async () => {
  const t = newTest();
  const owner = { kind: "user", id: USER } as const;
  const user = t.withIdentity({ subject: USER });
  const create = (name: string) => user.mutation(api.projects.create, { name });
  for (let i = 0; i < FREE_PROJECT_LIMIT; i++) await create(`Free ${i}`);
  await expect(create("Blocked")).rejects.toMatchObject({ data: { code: "PROJECT_LIMIT" } });

  await t.run((ctx) => startPlan(ctx, owner, PRO_PLAN));
  await create("Pro 1");
  await create("Pro 2");
  expect(await user.query(api.projects.usage, {})).toMatchObject({
    count: FREE_PROJECT_LIMIT + 2,
    limit: null,
  });

  await t.run((ctx) => endPlan(ctx, owner, PRO_PLAN));
  await expect(create("Blocked again")).rejects.toMatchObject({
    data: { code: "PROJECT_LIMIT", limit: FREE_PROJECT_LIMIT },
  });
});
