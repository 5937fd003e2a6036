import { httpRouter } from "convex/server";
import { Webhook } from "svix";
import { internal } from "./_generated/api";
import { httpAction } from "./_generated/server";
import { clerkEventHandlers, isHandled } from "./clerkEvents";
import { CLERK_WEBHOOK_PATH } from "./clerkWebhook";
import { deploymentEnv } from "./model/deploymentEnv";
import { findMismatch } from "./model/validation";

type ClerkEvent = { type: string; data: unknown };

const http = httpRouter();

/**
 * The largest webhook body accepted, in bytes. Clerk's events are a few KB (a user with a lot of metadata stays far
 * below this); a larger body is refused before it is read whole or verified.
 */
export const MAX_WEBHOOK_BODY_BYTES = 256 * 1024;

/**
 * Clerk webhook endpoint: https://<deployment>.convex.site + CLERK_WEBHOOK_PATH (clerkWebhook.ts).
 *
 * Every verified delivery is logged by its svix-id (table webhookEvents) and applied in one mutation:
 * 200 when applied, ignored (an unhandled type, an older version, a deleted user) or a redelivery of one
 * already handled; 400 for a delivery that fails verification (Clerk does not fix those by retrying);
 * 413 for a body over MAX_WEBHOOK_BODY_BYTES; 500 when the secret is missing or applying fails (logged as
 * failed, naming the field or the kind of error but never a value from the payload; Clerk retries with backoff).
 */
http.route({
  path: CLERK_WEBHOOK_PATH,
  method: "POST",
  handler: httpAction(async (ctx, request) => {
    const secret = deploymentEnv("CLERK_WEBHOOK_SECRET");
    if (!secret) {
      return new Response("Webhook secret is not configured", { status: 500 });
    }

    const body = await readBody(request, MAX_WEBHOOK_BODY_BYTES);
    if (body === null) {
      return new Response("Webhook body too large", { status: 413 });
    }
    const event = verifyClerkEvent(body, request.headers, secret);
    if (event === null) {
      return new Response("Invalid webhook", { status: 400 });
    }
    // Verification needs the header, so it is there.
    const svixId = request.headers.get("svix-id") ?? "";

    if (!isHandled(event.type)) {
      await ctx.runMutation(internal.webhookEvents.recordDelivery, {
        svixId,
        type: event.type,
        outcome: "ignored",
        detail: "no handler for this event type",
      });
      console.log(`Ignored Clerk event ${event.type} (${svixId})`);
      return new Response(null, { status: 200 });
    }

    // What the log keeps of a failure: where, and what kind, never a value (the payload holds personal data).
    let failure: string;
    try {
      const handler = clerkEventHandlers[event.type];
      const data = handler.parse(event.data);
      const mismatch = findMismatch(handler.data, data);
      if (mismatch === null) {
        const result = await ctx.runMutation(internal.webhookEvents.applyClerkEvent, {
          svixId,
          event: { type: event.type, data },
        });
        if (result.outcome !== "processed") {
          const why = result.outcome === "ignored" ? `: ${result.reason}` : "";
          console.log(`Clerk event ${event.type} (${svixId}) ${result.outcome}${why}`);
        }
        return new Response(null, { status: 200 });
      }
      failure = `invalid ${mismatch.path}: expected ${mismatch.expected}`;
    } catch (error) {
      failure = `${error instanceof Error ? error.name : typeof error} while applying`;
    }
    console.error(`Failed to handle Clerk event ${event.type} (${svixId}): ${failure}`);
    try {
      await ctx.runMutation(internal.webhookEvents.recordDelivery, {
        svixId,
        type: event.type,
        outcome: "failed",
        detail: failure,
      });
    } catch (logError) {
      console.error("Could not log the failed delivery", logError);
    }
    return new Response("Webhook handler failed", { status: 500 });
  }),
});

// @slot routes

/** The request's body as text, or null when it is longer than `maxBytes` (by its Content-Length, or as it streams). */
async function readBody(request: Request, maxBytes: number): Promise<string | null> {
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) return null;
  if (request.body === null) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

/**
 * Checks the svix signature and timestamp (within svix's 5 minute tolerance) over the raw
 * body, then parses it. Returns null for anything that is not a genuine Clerk event.
 */
function verifyClerkEvent(body: string, headers: Headers, secret: string): ClerkEvent | null {
  // Verify the exact bytes Clerk signed: re-serialized JSON would not match.
  try {
    new Webhook(secret).verify(body, {
      "svix-id": headers.get("svix-id") ?? "",
      "svix-timestamp": headers.get("svix-timestamp") ?? "",
      "svix-signature": headers.get("svix-signature") ?? "",
    });
  } catch (error) {
    console.warn("Rejected Clerk webhook:", errorMessage(error));
    return null;
  }
  // svix 2.x `verify()` returns nothing (1.x returned the parsed body), so parse it ourselves.
  let payload: unknown;
  try {
    payload = JSON.parse(body);
  } catch {
    console.warn("Rejected Clerk webhook: body is not JSON");
    return null;
  }
  if (
    typeof payload !== "object" ||
    payload === null ||
    !("type" in payload) ||
    typeof payload.type !== "string" ||
    !("data" in payload)
  ) {
    console.warn("Rejected Clerk webhook: not a Clerk event");
    return null;
  }
  return { type: payload.type, data: payload.data };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export default http;
