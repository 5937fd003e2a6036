import { httpRouter } from "convex/server";
import { Webhook } from "svix";
import { httpAction, type ActionCtx } from "./_generated/server";
import { clerkEventHandlers } from "./clerkEvents";

type ClerkEventHandler = (ctx: ActionCtx, data: unknown) => Promise<void>;
type ClerkEvent = { type: string; data: unknown };

const handlers: Partial<Record<string, ClerkEventHandler>> = clerkEventHandlers;

const http = httpRouter();

/**
 * Clerk webhook endpoint: https://<deployment>.convex.site/clerk-users-webhook
 *
 * 400 for a delivery that fails verification (Clerk does not fix those by retrying);
 * 500 when the secret is missing or a handler throws (Clerk retries with backoff,
 * and every handler is idempotent, so a retry is safe).
 */
http.route({
  path: "/clerk-users-webhook",
  method: "POST",
  handler: httpAction(async (ctx, request) => {
    const secret = process.env.CLERK_WEBHOOK_SECRET;
    if (!secret) {
      console.error(
        "CLERK_WEBHOOK_SECRET is not set: npx convex env set CLERK_WEBHOOK_SECRET whsec_...",
      );
      return new Response("Webhook secret is not configured", { status: 500 });
    }

    const event = await verifyClerkEvent(request, secret);
    if (event === null) {
      return new Response("Invalid webhook", { status: 400 });
    }

    const svixId = request.headers.get("svix-id");
    const handler = Object.hasOwn(handlers, event.type)
      ? handlers[event.type]
      : undefined;
    if (handler === undefined) {
      console.log(`Ignored Clerk event ${event.type} (${svixId})`);
      return new Response(null, { status: 200 });
    }

    try {
      await handler(ctx, event.data);
    } catch (error) {
      console.error(
        `Failed to handle Clerk event ${event.type} (${svixId})`,
        error,
      );
      return new Response("Webhook handler failed", { status: 500 });
    }
    return new Response(null, { status: 200 });
  }),
});

/**
 * Checks the svix signature and timestamp (within svix's 5 minute tolerance) over the raw
 * body, then parses it. Returns null for anything that is not a genuine Clerk event.
 */
async function verifyClerkEvent(
  request: Request,
  secret: string,
): Promise<ClerkEvent | null> {
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
