import { describe, expect, test, vi } from "vitest";
import sessionCreated from "../webhooks/samples/session.created.json";
import userCreated from "../webhooks/samples/user.created.json";
import userDeleted from "../webhooks/samples/user.deleted.json";
import userUpdated from "../webhooks/samples/user.updated.json";
import { api } from "./_generated/api";
import { clerkEventHandlers } from "./clerkEvents";
import { CLERK_WEBHOOK_PATH } from "./clerkWebhook";
import { MAX_WEBHOOK_BODY_BYTES } from "./http";
import schema from "./schema";
import { everything, newTest, signedWebhook, useWebhookTestEnv } from "./test.setup";

// An event no feature of this project handles: Clerk's session.created sample under a type that is not Clerk's, so
// that no layer (the built-in ones or a --template one) ever handles it.
const unhandledEvent = { ...sessionCreated, type: "example.unhandled" };

function setup() {
  const t = newTest();
  const post = (init: RequestInit) => t.fetch(CLERK_WEBHOOK_PATH, init);
  const users = () => t.run((ctx) => ctx.db.query("users").collect());
  const log = () => t.run((ctx) => ctx.db.query("webhookEvents").collect());
  return { t, post, users, log };
}

useWebhookTestEnv();

describe("rejected deliveries write nothing", () => {
  test("500 when CLERK_WEBHOOK_SECRET is not set", async () => {
    vi.stubEnv("CLERK_WEBHOOK_SECRET", "");
    const { post, users } = setup();
    const res = await post(signedWebhook(userCreated));
    expect(res.status).toBe(500);
    expect(await users()).toEqual([]);
  });

  test("400 without svix headers", async () => {
    const { post, users } = setup();
    const res = await post({
      method: "POST",
      body: JSON.stringify(userCreated),
    });
    expect(res.status).toBe(400);
    expect(await users()).toEqual([]);
  });

  test("400 when a svix header is missing", async () => {
    const { post, users } = setup();
    const init = signedWebhook(userCreated);
    const headers = new Headers(init.headers);
    headers.delete("svix-id");
    const res = await post({ ...init, headers });
    expect(res.status).toBe(400);
    expect(await users()).toEqual([]);
  });

  test("400 when signed with another secret", async () => {
    const { post, users } = setup();
    const otherSecret = `whsec_${btoa("not-the-clerk-endpoint-secret")}`;
    const res = await post(signedWebhook(userCreated, { secret: otherSecret }));
    expect(res.status).toBe(400);
    expect(await users()).toEqual([]);
  });

  test("400 when the body was changed after signing", async () => {
    const { post, users } = setup();
    const init = signedWebhook(userCreated);
    const tampered = JSON.stringify({
      ...userCreated,
      data: { ...userCreated.data, first_name: "Mallory" },
    });
    const res = await post({ ...init, body: tampered });
    expect(res.status).toBe(400);
    expect(await users()).toEqual([]);
  });

  test("400 when the timestamp is outside svix's 5 minute tolerance (replay)", async () => {
    const { post, users } = setup();
    const tenMinutesAgo = new Date(Date.now() - 10 * 60 * 1000);
    const res = await post(signedWebhook(userCreated, { at: tenMinutesAgo }));
    expect(res.status).toBe(400);
    expect(await users()).toEqual([]);
  });

  test("400 when the signed body is not JSON", async () => {
    const { post, users } = setup();
    const res = await post(signedWebhook("user.created but not JSON"));
    expect(res.status).toBe(400);
    expect(await users()).toEqual([]);
  });

  test(`413 for a body over ${MAX_WEBHOOK_BODY_BYTES} bytes, before it is verified`, async () => {
    const { post, users, log } = setup();
    const huge = { ...userCreated, padding: "x".repeat(MAX_WEBHOOK_BODY_BYTES) };
    expect((await post(signedWebhook(huge))).status).toBe(413);
    // Unsigned, and streamed without a Content-Length: still refused for its size, not its signature.
    const stream = new Blob([JSON.stringify(huge)]).stream();
    expect(
      (await post({ method: "POST", body: stream, duplex: "half" } as RequestInit)).status,
    ).toBe(413);
    expect(await users()).toEqual([]);
    expect(await log()).toEqual([]);
  });

  test("400 when the signed JSON is not a Clerk event", async () => {
    const { post, users } = setup();
    const res = await post(signedWebhook({ hello: "world" }));
    expect(res.status).toBe(400);
    expect(await users()).toEqual([]);
  });
});

describe("user events", () => {
  test("user.created (Clerk's example payload) creates the user", async () => {
    const { post, users } = setup();
    const res = await post(signedWebhook(userCreated));
    expect(res.status).toBe(200);
    expect(await users()).toMatchObject([
      {
        name: "Example Example",
        externalId: "user_29w83sxmDNGwOuEthce5gg56FcC",
      },
    ]);
  });

  test("user.created after an email-only sign-up (null names) is named by the email", async () => {
    const { post, users } = setup();
    const emailOnly = {
      ...userCreated,
      data: { ...userCreated.data, first_name: null, last_name: null },
    };
    const res = await post(signedWebhook(emailOnly));
    expect(res.status).toBe(200);
    expect(await users()).toMatchObject([{ name: "example@example.org" }]);
  });

  test("redelivery of the same event creates no duplicate", async () => {
    const { post, users } = setup();
    const delivery = signedWebhook(userCreated, { id: "msg_redelivered" });
    expect((await post(delivery)).status).toBe(200);
    expect((await post(delivery)).status).toBe(200);
    // A fresh delivery (new svix id) of the same event is also idempotent.
    expect((await post(signedWebhook(userCreated))).status).toBe(200);
    expect(await users()).toHaveLength(1);
  });

  test("user.updated renames the user", async () => {
    const { post, users } = setup();
    const created = {
      ...userUpdated,
      type: "user.created",
      data: {
        ...userUpdated.data,
        last_name: "Doe",
        updated_at: userUpdated.data.updated_at - 60_000,
      },
    };
    await post(signedWebhook(created));
    expect(await users()).toMatchObject([{ name: "John Doe" }]);

    const res = await post(signedWebhook(userUpdated));
    expect(res.status).toBe(200);
    expect(await users()).toMatchObject([
      {
        name: "John Doe Updated",
        externalId: "user_2g7np7Hrk0SN6kj5EDMLDaKNL0S",
      },
    ]);
  });

  test("user.updated for a user we missed creates it", async () => {
    const { post, users } = setup();
    expect((await post(signedWebhook(userUpdated))).status).toBe(200);
    expect(await users()).toHaveLength(1);
  });

  test("user.deleted removes the user, matched on data.id (not external_id)", async () => {
    const { post, users } = setup();
    await post(signedWebhook(userUpdated));
    await post(signedWebhook(userCreated));
    const res = await post(signedWebhook(userDeleted));
    expect(res.status).toBe(200);
    expect(await users()).toMatchObject([{ externalId: "user_29w83sxmDNGwOuEthce5gg56FcC" }]);
    // Redelivered after the user is gone: still 200, so Clerk stops retrying.
    expect((await post(signedWebhook(userDeleted))).status).toBe(200);
  });

  test("signed in as the webhook's user, current returns the record", async () => {
    const { t, post } = setup();
    await post(signedWebhook(userCreated));
    const asUser = t.withIdentity({ subject: userCreated.data.id });
    expect(await asUser.query(api.users.current, {})).toMatchObject({
      name: "Example Example",
    });
  });
});

describe("out of order and redelivered user events", () => {
  test("a user.updated delivered after user.deleted does not bring the user back", async () => {
    const { post, users } = setup();
    await post(signedWebhook(userUpdated));
    expect((await post(signedWebhook(userDeleted))).status).toBe(200);
    const late = {
      ...userUpdated,
      data: { ...userUpdated.data, updated_at: userUpdated.data.updated_at + 1 },
    };
    expect((await post(signedWebhook(late))).status).toBe(200);
    expect(await users()).toEqual([]);
  });

  test("an older user.updated delivered late does not overwrite a newer name", async () => {
    const { post, users } = setup();
    const newer = {
      ...userUpdated,
      data: {
        ...userUpdated.data,
        first_name: "Newer",
        updated_at: userUpdated.data.updated_at + 60_000,
      },
    };
    await post(signedWebhook(newer));
    expect((await post(signedWebhook(userUpdated))).status).toBe(200);
    expect(await users()).toMatchObject([{ name: "Newer Doe Updated" }]);
  });
});

describe("the events log (webhookEvents)", () => {
  test("records each verified delivery once, by svix-id, with its outcome and no personal data", async () => {
    const { post, log } = setup();
    await post(signedWebhook(userCreated, { id: "msg_1" }));
    await post(signedWebhook(userCreated, { id: "msg_1" })); // Svix redelivers with the same id
    await post(signedWebhook(userCreated, { id: "msg_2" })); // the same event, delivered again by Clerk
    await post(signedWebhook(unhandledEvent, { id: "msg_3" }));
    expect(await log()).toMatchObject([
      { svixId: "msg_1", type: "user.created", outcome: "processed", attempts: 2 },
      {
        svixId: "msg_2",
        type: "user.created",
        outcome: "ignored",
        detail: "this version is stored already",
      },
      {
        svixId: "msg_3",
        type: "example.unhandled",
        outcome: "ignored",
        detail: "no handler for this event type",
      },
    ]);
    const logged = JSON.stringify(await log());
    expect(logged).not.toContain("example@example.org");
    expect(logged).not.toContain("Example");
  });

  test("a redelivered id that was processed is answered 200 and not applied again", async () => {
    const { t, post, users } = setup();
    const delivery = signedWebhook(userCreated, { id: "msg_once" });
    expect((await post(delivery)).status).toBe(200);
    // Someone renames the user in between; applying the old delivery again would undo it.
    await t.run(async (ctx) => {
      const [user] = await ctx.db.query("users").collect();
      await ctx.db.patch("users", user!._id, { name: "Renamed" });
    });
    expect((await post(delivery)).status).toBe(200);
    expect(await users()).toMatchObject([{ name: "Renamed" }]);
    expect(console.log).toHaveBeenCalledWith("Clerk event user.created (msg_once) duplicate");
  });

  test("a failure is logged and answered 500; Svix's retry of the same id is applied", async () => {
    const { post, users, log } = setup();
    const apply = vi
      .spyOn(clerkEventHandlers["user.created"], "apply")
      .mockRejectedValueOnce(new Error("database busy"));
    const delivery = signedWebhook(userCreated, { id: "msg_retry" });
    expect((await post(delivery)).status).toBe(500);
    expect(await users()).toEqual([]);
    expect(await log()).toMatchObject([
      { svixId: "msg_retry", outcome: "failed", detail: "Error while applying" },
    ]);

    expect((await post(delivery)).status).toBe(200);
    expect(apply).toHaveBeenCalledTimes(2);
    expect(await users()).toHaveLength(1);
    const [entry] = await log();
    expect(entry).toMatchObject({ outcome: "processed", attempts: 2 });
    expect(entry).not.toHaveProperty("detail");
  });

  test("500 (so Clerk retries) when a signed event's data is not what we expect, logged by field path", async () => {
    const { post, users, log } = setup();
    const malformed = { ...userCreated, data: { ...userCreated.data, updated_at: "yesterday" } };
    const res = await post(signedWebhook(malformed, { id: "msg_bad" }));
    expect(res.status).toBe(500);
    expect(await users()).toEqual([]);
    expect(await log()).toMatchObject([
      {
        svixId: "msg_bad",
        type: "user.created",
        outcome: "failed",
        detail: "invalid data.updated_at: expected a number",
      },
    ]);
  });

  test("no stored document and no log line holds a value from a malformed delivery's payload", async () => {
    const { t, post } = setup();
    const email = "jane.private@example.com";
    const malformed = [
      // The email where a number belongs: Convex's own validation error would quote it.
      { ...userCreated, data: { ...userCreated.data, updated_at: email } },
      // A name where a list belongs.
      { ...userCreated, data: { ...userCreated.data, first_name: "Jane", email_addresses: email } },
      // Not an object at all.
      { ...userCreated, data: email },
    ];
    for (const event of malformed) expect((await post(signedWebhook(event))).status).toBe(500);
    const tables = Object.keys(schema.tables) as (keyof typeof schema.tables)[];
    const stored = await everything(t, tables);
    expect(stored).toContain("failed");
    expect(stored).not.toContain(email);
    expect(stored).not.toContain(userCreated.data.email_addresses[0]!.email_address);
    const logged = JSON.stringify(vi.mocked(console.error).mock.calls);
    expect(logged).not.toContain(email);
  });

  test("rejected deliveries are not logged", async () => {
    const { post, log } = setup();
    const otherSecret = `whsec_${btoa("not-the-clerk-endpoint-secret")}`;
    await post(signedWebhook(userCreated, { secret: otherSecret }));
    expect(await log()).toEqual([]);
  });
});

describe("other events", () => {
  test("an event we do not handle is acknowledged with 200 and logged as ignored", async () => {
    const { post, users } = setup();
    const res = await post(signedWebhook(unhandledEvent, { id: "msg_session" }));
    expect(res.status).toBe(200);
    expect(await users()).toEqual([]);
    expect(console.log).toHaveBeenCalledWith("Ignored Clerk event example.unhandled (msg_session)");
  });
});
