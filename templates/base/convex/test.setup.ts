/// <reference types="vite/client" />
// Test helpers. The two dots in this file's name keep it out of Convex codegen and deploys.
import { Webhook } from "svix";
import { afterEach, beforeEach, vi } from "vitest";

/** Every Convex module, for convexTest(schema, modules); two-dot files (tests, helpers) excluded. */
export const modules = import.meta.glob(["./**/*.*s", "!./**/*.*.*s"]);

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
 * captured (tests assert on the lines that matter) instead of cluttering the run.
 */
export function useWebhookTestEnv() {
  beforeEach(() => {
    vi.stubEnv("CLERK_WEBHOOK_SECRET", WEBHOOK_SECRET);
    vi.spyOn(console, "log").mockImplementation(() => {});
    vi.spyOn(console, "warn").mockImplementation(() => {});
    vi.spyOn(console, "error").mockImplementation(() => {});
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });
}
