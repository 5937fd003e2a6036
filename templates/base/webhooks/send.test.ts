// @vitest-environment node
// webhook:send against a local server that verifies deliveries with svix, like convex/http.ts does.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { convexTest } from "convex-test";
import { Webhook } from "svix";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import {
  buildPayload,
  listEvents,
  main,
  resolveSecret,
  SAMPLES_DIR,
  sendWebhook,
  webhookUrlFromEnv,
  withWebhookPath,
} from "./send";
import schema from "../convex/schema";
import { modules, WEBHOOK_SECRET } from "../convex/test.setup";

/** Throwaway svix secrets: "whsec_" + base64. */
const SECRET = `whsec_${Buffer.from("webhook-send-test-secret").toString("base64")}`;
const WRONG_SECRET = `whsec_${Buffer.from("some-other-endpoint-secret").toString("base64")}`;

type Delivery = { headers: IncomingHttpHeaders; body: string };
let server: Server;
let url: string;
let deliveries: Delivery[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => {
      deliveries.push({ headers: req.headers, body });
      if (req.method !== "POST" || req.url !== "/clerk-users-webhook") {
        res.writeHead(404).end("No matching routes found");
        return;
      }
      try {
        new Webhook(SECRET).verify(body, {
          "svix-id": String(req.headers["svix-id"] ?? ""),
          "svix-timestamp": String(req.headers["svix-timestamp"] ?? ""),
          "svix-signature": String(req.headers["svix-signature"] ?? ""),
        });
      } catch {
        res.writeHead(400).end("Invalid webhook");
        return;
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          received: (JSON.parse(body) as { type: string }).type,
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/clerk-users-webhook`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

function sample(event: string): {
  type: string;
  timestamp: number;
  data: Record<string, unknown>;
} {
  return JSON.parse(readFileSync(join(SAMPLES_DIR, `${event}.json`), "utf8"));
}

/** Runs main() with captured output, the given env, and no .env.local / Convex lookups. */
async function run(argv: string[], env: Record<string, string> = { CLERK_WEBHOOK_SECRET: SECRET }) {
  const lines: string[] = [];
  const root = mkdtempSync(join(tmpdir(), "webhook-send-"));
  try {
    const code = await main(argv, {
      env,
      root,
      convexEnvGet: async () => undefined,
      stdout: (line) => lines.push(line),
      stderr: (line) => lines.push(line),
    });
    return { code, output: lines.join("\n") };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

describe("sendWebhook", () => {
  test("a correctly signed delivery is accepted (200) and carries the sample with the user id", async () => {
    deliveries = [];
    const result = await sendWebhook({
      event: "user.created",
      userId: "user_test123",
      url,
      secret: SECRET,
    });
    expect(result).toMatchObject({
      ok: true,
      status: 200,
      body: '{"received":"user.created"}',
      url,
    });

    expect(deliveries).toHaveLength(1);
    const [{ headers, body }] = deliveries as [Delivery];
    expect(headers["svix-id"]).toBe(result.messageId);
    expect(result.messageId).toMatch(/^msg_[0-9A-Za-z]{27}$/);
    const got = JSON.parse(body);
    const expected = sample("user.created");
    expect(got).toEqual({
      ...expected,
      timestamp: got.timestamp,
      data: {
        ...expected.data,
        id: "user_test123",
        updated_at: got.data.updated_at,
      },
    });
    expect(got.timestamp).not.toBe(expected.timestamp);
    expect(Math.abs(got.timestamp - Date.now())).toBeLessThan(60_000); // this sample uses milliseconds
  });

  test("every sample shipped in webhooks/samples/ is accepted", async () => {
    for (const event of listEvents()) {
      const result = await sendWebhook({ event, url, secret: SECRET });
      expect(result.status, event).toBe(200);
      expect(result.body, event).toBe(JSON.stringify({ received: event }));
    }
  });

  test("a delivery signed with another secret is rejected (400) and reported as failed", async () => {
    const result = await sendWebhook({
      event: "user.updated",
      url,
      secret: WRONG_SECRET,
    });
    expect(result).toMatchObject({
      ok: false,
      status: 400,
      body: "Invalid webhook",
    });
  });

  test("a server that cannot be reached is a clear error", async () => {
    await expect(
      sendWebhook({
        event: "user.deleted",
        url: "http://127.0.0.1:1/clerk-users-webhook",
        secret: SECRET,
      }),
    ).rejects.toThrow(/^Could not reach http:\/\/127\.0\.0\.1:1\/clerk-users-webhook: /);
  });

  test("an invalid secret is an error that does not contain it", async () => {
    const bad = "whsec_not base64!";
    const error = await sendWebhook({
      event: "user.created",
      url,
      secret: bad,
    }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/not a valid Svix signing secret/);
    expect((error as Error).message).not.toContain("not base64");
  });
});

describe("buildPayload", () => {
  test("user events: --user replaces data.id; the timestamp is fresh, in the sample's unit", () => {
    const now = new Date("2030-01-01T00:00:00Z");
    for (const event of ["user.created", "user.updated", "user.deleted"]) {
      const payload = buildPayload(event, { userId: "user_abc", now });
      expect(payload.type).toBe(event);
      expect((payload.data as { id: string }).id).toBe("user_abc");
      const unit = sample(event).timestamp < 1e12 ? 1000 : 1;
      expect(payload.timestamp).toBe(now.getTime() / unit);
    }
  });

  test("data.updated_at is now, so the backend takes each send as the newest version", () => {
    const now = new Date("2030-01-01T00:00:00Z");
    const data = buildPayload("user.updated", { now }).data as {
      updated_at: number;
    };
    expect(data.updated_at).toBe(now.getTime());
  });

  test("without --user the sample's user id is kept", () => {
    expect((buildPayload("user.updated").data as { id: string }).id).toBe(
      sample("user.updated").data.id,
    );
  });

  test("payment events: --user sets the payer, the payment is fresh unless --payment is given", () => {
    // A minimal payment sample, so this runs with or without the payments layer.
    const dir = mkdtempSync(join(tmpdir(), "webhook-samples-"));
    try {
      writeFileSync(
        join(dir, "paymentAttempt.updated.json"),
        JSON.stringify({
          type: "paymentAttempt.updated",
          timestamp: 1716883200,
          data: {
            id: "pa_sample",
            payment_id: "cpa_sample",
            payer: { user_id: "user_sample" },
          },
        }),
      );
      type Payment = {
        id: string;
        payment_id: string;
        payer: { user_id: string };
      };
      const a = buildPayload("paymentAttempt.updated", {
        samplesDir: dir,
        userId: "user_payer",
      }).data as Payment;
      const b = buildPayload("paymentAttempt.updated", { samplesDir: dir }).data as Payment;
      expect(a.payer.user_id).toBe("user_payer");
      expect(b.payer.user_id).toBe("user_sample");
      expect(a.payment_id).toMatch(/^cpa_[0-9A-Za-z]{27}$/);
      expect(a.id).toMatch(/^pa_[0-9A-Za-z]{27}$/);
      expect(b.payment_id).not.toBe(a.payment_id);
      const c = buildPayload("paymentAttempt.updated", {
        samplesDir: dir,
        paymentId: "cpa_keep",
      }).data as Payment;
      expect(c).toMatchObject({ id: "pa_sample", payment_id: "cpa_keep" });
      expect(() => buildPayload("user.created", { paymentId: "cpa_keep" })).toThrow(
        /--payment does not apply/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("subscription events: --plan sets the plan slug, of each item too; updated_at is fresh everywhere", () => {
    // Minimal samples in Clerk's shapes, so this runs with or without the payments layer.
    const dir = mkdtempSync(join(tmpdir(), "webhook-samples-"));
    try {
      const item = { updated_at: 1, plan: { slug: "pro-plan" } };
      writeFileSync(
        join(dir, "subscriptionItem.active.json"),
        JSON.stringify({ type: "subscriptionItem.active", data: item }),
      );
      writeFileSync(
        join(dir, "subscription.created.json"),
        JSON.stringify({
          type: "subscription.created",
          data: { updated_at: 1, items: [item, item] },
        }),
      );
      type Item = { updated_at: number; plan: { slug: string } };
      const now = new Date("2030-01-01T00:00:00Z");
      const single = buildPayload("subscriptionItem.active", {
        samplesDir: dir,
        planSlug: "pro",
        now,
      }).data as Item;
      expect(single).toEqual({
        updated_at: now.getTime(),
        plan: { slug: "pro" },
      });
      const subscription = buildPayload("subscription.created", {
        samplesDir: dir,
        planSlug: "pro",
        now,
      }).data as { updated_at: number; items: Item[] };
      expect(subscription.items).toEqual([single, single]);
      expect(() => buildPayload("user.created", { planSlug: "pro" })).toThrow(
        /--plan does not apply to user.created/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("an unknown event is an error listing the known events", () => {
    expect(() => buildPayload("user.exploded")).toThrow(
      `Unknown event "user.exploded". Known events (from webhooks/samples/): ${listEvents().join(", ")}.`,
    );
    expect(listEvents()).toEqual(
      expect.arrayContaining(["user.created", "user.deleted", "user.updated"]),
    );
  });
});

describe("the webhook URL", () => {
  test("from the cloud deployment URL: .convex.cloud becomes .convex.site", () => {
    for (const name of ["CONVEX_URL", "NEXT_PUBLIC_CONVEX_URL", "VITE_CONVEX_URL"]) {
      expect(
        webhookUrlFromEnv({
          CONVEX_DEPLOYMENT: "dev:happy-otter-123",
          [name]: "https://happy-otter-123.convex.cloud",
        }),
      ).toBe("https://happy-otter-123.convex.site/clerk-users-webhook");
    }
    expect(
      webhookUrlFromEnv({
        CONVEX_URL: "https://happy-otter-123.eu-west-1.convex.cloud",
      }),
    ).toBe("https://happy-otter-123.eu-west-1.convex.site/clerk-users-webhook");
  });

  test("from a local deployment: port 3210 becomes 3211", () => {
    expect(webhookUrlFromEnv({ CONVEX_URL: "http://127.0.0.1:3210" })).toBe(
      "http://127.0.0.1:3211/clerk-users-webhook",
    );
  });

  test("CONVEX_SITE_URL (or its framework-prefixed names) is preferred", () => {
    expect(
      webhookUrlFromEnv({
        CONVEX_URL: "http://127.0.0.1:3210",
        CONVEX_SITE_URL: "http://127.0.0.1:3215",
      }),
    ).toBe("http://127.0.0.1:3215/clerk-users-webhook");
    expect(
      webhookUrlFromEnv({
        VITE_CONVEX_URL: "https://a-b-1.convex.cloud",
        VITE_CONVEX_SITE_URL: "https://custom.example.com/",
      }),
    ).toBe("https://custom.example.com/clerk-users-webhook");
  });

  test("nothing usable is a clear error", () => {
    expect(() => webhookUrlFromEnv({ CONVEX_DEPLOYMENT: "dev:x" })).toThrow(
      /No Convex URL in \.env\.local .*--url/,
    );
    expect(() => webhookUrlFromEnv({ CONVEX_URL: "https://example.com" })).toThrow(
      /Cannot tell the HTTP actions URL/,
    );
  });

  test("--url gets the webhook path when it is a bare origin", () => {
    expect(withWebhookPath("https://x.convex.site")).toBe(
      "https://x.convex.site/clerk-users-webhook",
    );
    expect(withWebhookPath("http://127.0.0.1:9/hook")).toBe("http://127.0.0.1:9/hook");
  });

  test("read from .env.local as written by convex dev", async () => {
    deliveries = [];
    const root = mkdtempSync(join(tmpdir(), "webhook-send-"));
    try {
      const port = new URL(url).port;
      writeFileSync(
        join(root, ".env.local"),
        `# Deployment used by \`npx convex dev\`\nCONVEX_DEPLOYMENT=local:local-x-y # team: x, project: y\n\nCONVEX_URL=http://127.0.0.1:3210\n\nCONVEX_SITE_URL=http://127.0.0.1:${port}\nCLERK_WEBHOOK_SECRET="${SECRET}"\n`,
      );
      const convexEnvGet = vi.fn(async () => WRONG_SECRET);
      const code = await main(["user.created"], {
        env: {},
        root,
        convexEnvGet,
        stdout: () => {},
        stderr: () => {},
      });
      expect(code).toBe(0);
      expect(deliveries).toHaveLength(1);
      expect(convexEnvGet).not.toHaveBeenCalled();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe("the secret", () => {
  test("environment first, then .env.local, then the Convex deployment (only with CONVEX_DEPLOYMENT)", async () => {
    const convexEnvGet = vi.fn(async () => "whsec_fromconvex");
    await expect(
      resolveSecret({
        env: { CLERK_WEBHOOK_SECRET: "whsec_env" },
        envLocal: { CLERK_WEBHOOK_SECRET: "whsec_file" },
        convexEnvGet,
      }),
    ).resolves.toEqual({ secret: "whsec_env", source: "environment" });
    await expect(
      resolveSecret({
        env: {},
        envLocal: {
          CLERK_WEBHOOK_SECRET: "whsec_file",
          CONVEX_DEPLOYMENT: "dev:x",
        },
        convexEnvGet,
      }),
    ).resolves.toEqual({ secret: "whsec_file", source: ".env.local" });
    expect(convexEnvGet).not.toHaveBeenCalled();
    await expect(
      resolveSecret({
        env: {},
        envLocal: { CONVEX_DEPLOYMENT: "dev:x" },
        convexEnvGet,
      }),
    ).resolves.toEqual({
      secret: "whsec_fromconvex",
      source: "Convex deployment",
    });
    await expect(resolveSecret({ env: {}, envLocal: {}, convexEnvGet })).rejects.toThrow(
      /CLERK_WEBHOOK_SECRET not found/,
    );
    expect(convexEnvGet).toHaveBeenCalledTimes(1);
  });

  test("is never printed, whether the delivery succeeds or fails", async () => {
    const ok = await run(["user.created", "--user", "user_42", "--url", url]);
    expect(ok.code).toBe(0);
    expect(ok.output).toContain("200 OK");
    expect(ok.output).toContain('{"received":"user.created"}');
    expect(ok.output).toContain("from environment");

    const rejected = await run(["--", "user.updated", "--url", url], {
      CLERK_WEBHOOK_SECRET: WRONG_SECRET,
    });
    expect(rejected.code).toBe(1);
    expect(rejected.output).toContain("400 Bad Request");
    expect(rejected.output).toContain("Invalid webhook");
    expect(rejected.output).toContain("hint: the endpoint rejected the signature");

    for (const { output } of [ok, rejected]) {
      for (const secret of [SECRET, WRONG_SECRET]) {
        expect(output).not.toContain(secret);
        expect(output).not.toContain(secret.slice("whsec_".length));
      }
    }
  });
});

describe("the command line", () => {
  test("--help lists the events found in webhooks/samples/", async () => {
    const { code, output } = await run(["--help"]);
    expect(code).toBe(0);
    expect(output).toContain(`Events (webhooks/samples/): ${listEvents().join(", ")}`);
  });

  test("an unknown event or option exits 1 with a clear message", async () => {
    const unknown = await run(["user.exploded", "--url", url]);
    expect(unknown.code).toBe(1);
    expect(unknown.output).toContain(
      `Unknown event "user.exploded". Known events (from webhooks/samples/): ${listEvents().join(", ")}.`,
    );
    const option = await run(["user.created", "--usr", "user_1"]);
    expect(option.code).toBe(1);
    expect(option.output).toMatch(/^webhook:send: Unknown option '--usr'/);
    expect((await run([])).code).toBe(1);
  });

  test("no secret anywhere exits 1", async () => {
    const { code, output } = await run(["user.created", "--url", url], {});
    expect(code).toBe(1);
    expect(output).toContain("CLERK_WEBHOOK_SECRET not found");
  });
});

describe("against this project's endpoint (convex/http.ts, in convex-test)", () => {
  test("every event webhook:send can send is accepted and handled (200)", async () => {
    vi.stubEnv("CLERK_WEBHOOK_SECRET", WEBHOOK_SECRET);
    vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      const t = convexTest(schema, modules);
      const toConvex: typeof fetch = (input, init) =>
        t.fetch(new URL(String(input)).pathname, init);
      const send = async (event: string) => {
        const result = await sendWebhook({
          event,
          // organization.* events name no user
          userId: event.startsWith("organization.") ? undefined : "user_sent",
          url: "https://example.convex.site/clerk-users-webhook",
          secret: WEBHOOK_SECRET,
          fetch: toConvex,
        });
        expect(result.status, `${event}: ${result.body}`).toBe(200);
      };
      const users = () => t.run((ctx) => ctx.db.query("users").collect());
      // user.deleted last: after it, the backend ignores user.* events for that user.
      const events = listEvents().filter((event) => event !== "user.deleted");
      for (const event of events) await send(event);
      expect((await users()).map((user) => user.externalId)).toEqual(["user_sent"]);
      await send("user.deleted");
      expect(await users()).toEqual([]);

      const log = await t.run((ctx) => ctx.db.query("webhookEvents").collect());
      expect(log.map((entry) => entry.type).sort()).toEqual([...events, "user.deleted"].sort());
      expect(log.filter((entry) => entry.outcome === "failed")).toEqual([]);
    } finally {
      vi.unstubAllEnvs();
      vi.restoreAllMocks();
    }
  });
});
