// @vitest-environment node
// webhook:send against a local server that verifies deliveries with svix, as convex/http.ts does.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Webhook } from "svix";
import { afterAll, expect, test } from "vitest";
import { CLERK_WEBHOOK_PATH } from "../convex/clerkWebhook";
import { newTest, useWebhookTestEnv, WEBHOOK_SECRET } from "../convex/test.setup";
import { buildEvent, events, main, webhookUrl } from "./send";

useWebhookTestEnv(); // the endpoint's CLERK_WEBHOOK_SECRET (for convex-test), quiet console

const SECRET = `whsec_${btoa("webhook-send-test-secret")}`;
const OTHER_SECRET = `whsec_${btoa("another-endpoint-secret")}`;

const received: { type: string; data: { id?: string; updated_at?: number } }[] = [];
const server = createServer((request, response) => {
  let body = "";
  request.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
  request.on("end", () => {
    const headers = Object.fromEntries(
      ["svix-id", "svix-timestamp", "svix-signature"].map((h) => [h, String(request.headers[h])]),
    );
    try {
      if (request.url !== CLERK_WEBHOOK_PATH) throw new Error("wrong path");
      // svix 1.x returns the payload, 2.x nothing: parse the verified body either way.
      new Webhook(SECRET).verify(body, headers);
      received.push(JSON.parse(body) as (typeof received)[number]);
      response.writeHead(200).end(`received ${received.at(-1)!.type}`);
    } catch {
      response.writeHead(400).end("Invalid webhook");
    }
  });
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
afterAll(() => new Promise((resolve) => server.close(resolve)));

/** Runs webhook:send in a project folder holding `envLocal` as .env.local; returns its exit code and output. */
async function send(argv: string[], env: Record<string, string | undefined> = {}, envLocal = "") {
  const root = mkdtempSync(join(tmpdir(), "webhook-send-"));
  writeFileSync(join(root, ".env.local"), envLocal);
  const lines: string[] = [];
  const code = await main(argv, {
    env,
    root,
    out: (l) => lines.push(l),
    err: (l) => lines.push(l),
  });
  return { code, output: lines.join("\n") };
}

test("delivers the sample signed as Svix signs it, with --user and a fresh version", async () => {
  received.length = 0;
  const before = Date.now();
  const sent = await send(["--", "user.updated", "--user", "user_42", "--url", origin], {
    CLERK_WEBHOOK_SECRET: SECRET,
  });
  expect(sent).toMatchObject({ code: 0, output: expect.stringContaining("200 OK") });
  expect(sent.output).toContain(`POST ${origin}${CLERK_WEBHOOK_PATH}`);
  const sample = JSON.parse(
    readFileSync(new URL("samples/user.updated.json", import.meta.url), "utf8"),
  );
  expect(received).toEqual([
    {
      ...sample,
      timestamp: expect.any(Number),
      data: { ...sample.data, id: "user_42", updated_at: expect.any(Number) },
    },
  ]);
  expect(received[0]!.data.updated_at).toBeGreaterThanOrEqual(before);
});

test("another secret: exit 1 with the 400 and a hint; no secret is ever printed", async () => {
  const rejected = await send(["user.created", "--url", origin], {
    CLERK_WEBHOOK_SECRET: OTHER_SECRET,
  });
  expect(rejected.code).toBe(1);
  expect(rejected.output).toMatch(/400 Bad Request[^]*Invalid webhook[^]*hint: /);
  const accepted = await send(
    ["user.created"],
    {},
    `CONVEX_SITE_URL=${origin}\nCLERK_WEBHOOK_SECRET=${SECRET}`,
  );
  expect(accepted.code).toBe(0);
  expect(accepted.output).toContain("from .env.local");
  for (const { output } of [rejected, accepted]) {
    for (const secret of [SECRET, OTHER_SECRET]) expect(output).not.toContain(secret.slice(6));
  }
});

test("the URL from .env.local as convex dev writes it for each frontend", () => {
  for (const name of ["CONVEX_URL", "NEXT_PUBLIC_CONVEX_URL", "VITE_CONVEX_URL"]) {
    expect(webhookUrl({ [name]: "https://happy-otter-123.eu-west-1.convex.cloud" })).toBe(
      `https://happy-otter-123.eu-west-1.convex.site${CLERK_WEBHOOK_PATH}`,
    );
  }
  expect(webhookUrl({ CONVEX_URL: "http://127.0.0.1:3210" })).toBe(
    `http://127.0.0.1:3211${CLERK_WEBHOOK_PATH}`,
  );
  const site = {
    VITE_CONVEX_URL: "http://127.0.0.1:3210",
    VITE_CONVEX_SITE_URL: "http://127.0.0.1:3215",
  };
  expect(webhookUrl(site)).toBe(`http://127.0.0.1:3215${CLERK_WEBHOOK_PATH}`);
  expect(webhookUrl(site, "https://example.com/hook")).toBe("https://example.com/hook");
});

test("mistakes are clear errors, exit 1", async () => {
  const errors = {
    "user.exploded": `Unknown event "user.exploded"; webhooks/samples/ has ${events().join(", ")}`,
    "user.created --usr user_1": "Unknown option '--usr'",
    "user.created --user": "Option '--user <value>' argument missing",
    "user.created": "No Convex URL in .env.local: run `npx convex dev` or pass --url <url>.",
    [`user.created --url ${origin}`]: "CLERK_WEBHOOK_SECRET is not in the environment",
    "user.created --url http://127.0.0.1:1":
      "Could not reach http://127.0.0.1:1/clerk-users-webhook: ",
  };
  for (const [args, message] of Object.entries(errors)) {
    const env = args.includes(origin) ? {} : { CLERK_WEBHOOK_SECRET: SECRET };
    const { code, output } = await send(args.split(" "), env);
    expect([code, output], args).toEqual([1, expect.stringContaining(message)]);
  }
});

test("--help lists every layer's events and flags", async () => {
  const { code, output } = await send(["--help"]);
  expect(code).toBe(0);
  expect(output).toContain(`Events: ${events().join(", ")}`);
  expect(output).toMatch(/--user <value> +Clerk user id/);
});

test("every event it can send is handled by this project's endpoint (convex/http.ts)", async () => {
  const t = newTest();
  const toConvex: typeof fetch = (url, init) => t.fetch(new URL(String(url)).pathname, init);
  const env = { CLERK_WEBHOOK_SECRET: WEBHOOK_SECRET };
  // user.deleted last: the backend ignores later events for a deleted user.
  const types = [...events().filter((type) => type !== "user.deleted"), "user.deleted"];
  for (const type of types) {
    const lines: string[] = [];
    const print = (line: string) => lines.push(line);
    const argv = [type, "--url", "https://x.convex.site"];
    expect(
      await main(argv, { env, fetch: toConvex, out: print, err: print }),
      lines.join("\n"),
    ).toBe(0);
  }
  const log = await t.run((ctx) => ctx.db.query("webhookEvents").collect());
  expect(log.filter((entry) => entry.outcome === "failed")).toEqual([]);
  expect(log.map((entry) => entry.type).sort()).toEqual([...types].sort());
});

test("buildEvent keeps the sample's timestamp unit", async () => {
  const now = new Date("2030-01-01T00:00:00Z");
  for (const type of events()) {
    const { timestamp } = await buildEvent(type, {}, now);
    expect([now.getTime(), now.getTime() / 1000], type).toContain(timestamp);
  }
});
