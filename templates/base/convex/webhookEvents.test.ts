import { afterEach, expect, test, vi } from "vitest";
import { internal } from "./_generated/api";
import crons from "./crons";
import { newTest } from "./test.setup";
import { WEBHOOK_EVENTS_RETENTION_MS } from "./webhookEvents";

afterEach(() => {
  vi.useRealTimers();
});

const DAY = 24 * 60 * 60 * 1000;

test("prune deletes log entries older than 30 days and keeps the rest", async () => {
  vi.useFakeTimers();
  const t = newTest();
  const logAt = async (svixId: string, at: number) => {
    vi.setSystemTime(at);
    await t.run((ctx) =>
      ctx.db.insert("webhookEvents", {
        svixId,
        type: "user.created",
        outcome: "processed",
        attempts: 1,
      }),
    );
  };
  const now = Date.UTC(2026, 0, 31);
  await logAt("msg_old", now - WEBHOOK_EVENTS_RETENTION_MS - DAY);
  await logAt("msg_recent", now - WEBHOOK_EVENTS_RETENTION_MS + DAY);
  vi.setSystemTime(now);

  await t.mutation(internal.webhookEvents.prune, {});
  const kept = await t.run((ctx) => ctx.db.query("webhookEvents").collect());
  expect(kept.map((entry) => entry.svixId)).toEqual(["msg_recent"]);
});

test("a Convex cron runs prune daily", () => {
  const jobs = Object.values(
    (crons as unknown as { crons: Record<string, { name: string; schedule: { type: string } }> })
      .crons,
  );
  expect(jobs).toMatchObject([{ name: "webhookEvents:prune", schedule: { type: "daily" } }]);
});
