/// <reference types="vite/client" />
// Test helpers. The two dots in this file's name keep it out of Convex codegen and deploys.
import { convexTest } from "convex-test";
import { Webhook } from "svix";
import { afterEach, beforeEach, vi } from "vitest";
import schema from "./schema";

/** Every Convex module; two-dot files (tests, helpers) excluded. */
export const modules = import.meta.glob(["./**/*.*s", "!./**/*.*.*s"]);

/**
 * A fresh backend for one test: the schema, every module, and the Convex components convex.config.ts installs.
 * `transactionLimits` (true: Convex's own, or transactionBudget) makes convex-test fail a transaction over them.
 */
export function newTest({
  transactionLimits,
}: { transactionLimits?: true | typeof transactionBudget } = {}) {
  const t = convexTest({ schema, modules, transactionLimits });
  // @slot components
  return t;
}

/** A throwaway svix secret: "whsec_" + base64. Tests set it as CLERK_WEBHOOK_SECRET. */
export const WEBHOOK_SECRET = `whsec_${btoa("convex-saas-test-webhook-secret")}`;

/**
 * A webhook delivery signed the way Clerk (via svix) signs it.
 * `at` sets the signing time (default now); `secret` signs with another key.
 */
export function signedWebhook(
  payload: unknown,
  {
    id = `msg_${crypto.randomUUID()}`,
    at = new Date(),
    secret = WEBHOOK_SECRET,
  }: { id?: string; at?: Date; secret?: string } = {},
): RequestInit {
  const body = typeof payload === "string" ? payload : JSON.stringify(payload);
  return {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "svix-id": id,
      "svix-timestamp": String(Math.floor(at.getTime() / 1000)),
      "svix-signature": new Webhook(secret).sign(id, at, body),
    },
    body,
  };
}

/**
 * For each test of the calling file: CLERK_WEBHOOK_SECRET is set to WEBHOOK_SECRET, and console output is
 * captured (tests assert on the lines that matter) instead of cluttering the run. With `{ fakeTimers: true }`, each
 * test also runs on Vitest's fake clock, for scheduled functions (`t.finishAllScheduledFunctions(vi.runAllTimers)`).
 * Stubbed env vars and globals (fakeClerkApi's fetch) are undone after each test.
 */
export function useWebhookTestEnv({ fakeTimers = false } = {}) {
  beforeEach(() => {
    if (fakeTimers) vi.useFakeTimers();
    vi.stubEnv("CLERK_WEBHOOK_SECRET", WEBHOOK_SECRET);
    vi.spyOn(console, "log").mockImplementation(() => {});
    vi.spyOn(console, "warn").mockImplementation(() => {});
    vi.spyOn(console, "error").mockImplementation(() => {});
  });
  afterEach(() => {
    if (fakeTimers) vi.useRealTimers();
    vi.unstubAllEnvs();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });
}

/** For tests of thousands of rows: a second or two alone, more on a busy CI machine, past Vitest's default 5 s. */
export const SLOW = { timeout: 60_000 };

/**
 * Per-transaction limits for tests of big customers: a quarter of Convex's, 32,000 documents read and 16,000 written
 * (https://docs.convex.dev/production/state/limits; convex-test's `transactionLimits: true` uses the same). Passed as
 * `newTest({ transactionLimits: transactionBudget })`, convex-test counts every transaction's reads
 * and writes (the function's, each scheduled batch's, the setup's) and fails the call that goes over.
 */
export const transactionBudget = { documentsRead: 8_000, documentsWritten: 4_000 };

type Test = ReturnType<typeof newTest>;
type Table = keyof typeof schema.tables;

/** Inserts `count` rows made by `row(i)`, 1,000 per transaction (within transactionBudget). */
export async function insertMany(
  t: Test,
  table: Table,
  count: number,
  row: (i: number) => unknown,
) {
  for (let from = 0; from < count; from += 1_000) {
    await t.run(async (ctx) => {
      for (let i = from; i < Math.min(from + 1_000, count); i++) {
        await ctx.db.insert(table, row(i) as never);
      }
    });
  }
}

/** Every stored document of the given tables, as one JSON string, read a table per transaction. */
export async function everything(t: Test, tables: readonly Table[]): Promise<string> {
  const dump: unknown[] = [];
  for (const table of tables) {
    dump.push(await t.run((ctx) => ctx.db.query(table).take(transactionBudget.documentsRead - 1)));
  }
  return JSON.stringify(dump);
}
