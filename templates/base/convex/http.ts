import { httpRouter } from "convex/server";
import { Webhook } from "svix";
import { internal } from "./_generated/api";
import { httpAction } from "./_generated/server";
import { clerkEventHandlers, isHandled } from "./clerkEvents";
import { CLERK_WEBHOOK_PATH } from "./clerkWebhook";
import { deploymentEnv } from "./model/deploymentEnv";

type ClerkEvent = { type: string; data: unknown };

const http = httpRouter();

/**
 * Clerk webhook endpoint: https://<deployment>.convex.site + CLERK_WEBHOOK_PATH (clerkWebhook.ts).
 *
 * Every verified delivery is logged by its svix-id (table webhookEvents) and applied in one mutation:
 * 200 when applied, ignored (an unhandled type, an older version, a deleted user) or a redelivery of one
 * already handled; 400 for a delivery that fails verification (Clerk does not fix those by retrying);
 * 500 when the secret is missing or applying fails (logged as failed; Clerk retries with backoff).
 */
http.route({
  path: CLERK_WEBHOOK_PATH,
  method: "POST",
  handler: httpAction(async (ctx, request) => {
    const secret = deploymentEnv("CLERK_WEBHOOK_SECRET");
    if (!secret) {
      return new Response("Webhook secret is not configured", { status: 500 });
    }

    const event = await verifyClerkEvent(request, secret);
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

    try {
      const data = clerkEventHandlers[event.type].parse(event.data);
      const result = await ctx.runMutation(internal.webhookEvents.applyClerkEvent, {
        svixId,
        event: { type: event.type, data },
      });
      if (result.outcome !== "processed") {
        const why = result.outcome === "ignored" ? `: ${result.reason}` : "";
        console.log(`Clerk event ${event.type} (${svixId}) ${result.outcome}${why}`);
      }
      return new Response(null, { status: 200 });
    } catch (error) {
      console.error(`Failed to handle Clerk event ${event.type} (${svixId})`, error);
      try {
        await ctx.runMutation(internal.webhookEvents.recordDelivery, {
          svixId,
          type: event.type,
          outcome: "failed",
          detail: errorMessage(error).slice(0, 1000),
        });
      } catch (logError) {
        console.error("Could not log the failed delivery", logError);
      }
      return new Response("Webhook handler failed", { status: 500 });
    }
  }),
});

// @slot routes

/**
 * Checks the svix signature and timestamp (within svix's 5 minute tolerance) over the raw
 * body, then parses it. Returns null for anything that is not a genuine Clerk event.
 */
async function verifyClerkEvent(request: Request, secret: string): Promise<ClerkEvent | null> {
  // Verify the exact bytes Clerk signed: re-serialized JSON would not match.
  const body = await request.text();
  try {
    new Webhook(secret).verify(body, {
      "svix-id": request.headers.get("svix-id") ?? "",
      "svix-timestamp": request.headers.get("svix-timestamp") ?? "",
      "svix-signature": request.headers.get("svix-signature") ?? "",
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
