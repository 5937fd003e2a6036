// @vitest-environment node
// webhook:send:polar against a local server that verifies deliveries with Polar's SDK, as the Polar component does.
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { validateEvent } from "@polar-sh/sdk/webhooks";
import { afterAll, expect, test } from "vitest";
import { hasPlan } from "../convex/model/entitlements";
import { POLAR_TEST_WEBHOOK_SECRET } from "../convex/model/polarWebhook.testing";
import { PRO_PLAN } from "../convex/plans";
import { POLAR_WEBHOOK_PATH } from "../convex/polarWebhook";
import { newTest, useWebhookTestEnv } from "../convex/test.setup";
import { buildPolarEvent, main, type PolarEvent, polarEvents } from "./polar-send";

useWebhookTestEnv(); // quiet console

const SECRET = "whsec_webhook-send-polar-test";
const OTHER_SECRET = "polar_whs_another-endpoint";

const received: PolarEvent[] = [];
const server = createServer((request, response) => {
  let body = "";
  request.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
  request.on("end", () => {
    try {
      if (request.url !== POLAR_WEBHOOK_PATH) throw new Error("wrong path");
      validateEvent(body, request.headers as Record<string, string>, SECRET);
      received.push(JSON.parse(body) as PolarEvent);
      response.writeHead(202).end("Accepted");
    } catch {
      response.writeHead(403).end("Forbidden");
    }
  });
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
afterAll(() => new Promise((resolve) => server.close(resolve)));

/** Runs webhook:send:polar in a project folder holding `envLocal` as .env.local; returns its exit code and output. */
async function send(argv: string[], env: Record<string, string | undefined> = {}, envLocal = "") {
  const root = mkdtempSync(join(tmpdir(), "webhook-send-polar-"));
  writeFileSync(join(root, ".env.local"), envLocal);
  const lines: string[] = [];
  const print = (line: string) => lines.push(line);
  const code = await main(argv, { env, root, out: print, err: print });
  return { code, output: lines.join("\n") };
}

test("delivers every Polar sample, signed as Polar signs it: Polar's SDK verifies and parses each", async () => {
  received.length = 0;
  for (const type of polarEvents()) {
    const sent = await send([type, "--url", origin, "--product", "prod_pro_monthly"], {
      POLAR_WEBHOOK_SECRET: SECRET,
    });
    expect(sent, type).toMatchObject({ code: 0, output: expect.stringContaining("202 Accepted") });
  }
  expect(received.map((event) => event.type)).toEqual(polarEvents());
});

test("each event is the newest version of a current subscription, with --owner, --product, --status, --subscription", async () => {
  received.length = 0;
  const before = Date.now();
  const argv = ["--", "subscription.canceled", "--owner", "org_42", "--product", "prod_x"];
  await send([...argv, "--subscription", "sub_1", "--url", origin], {
    POLAR_WEBHOOK_SECRET: SECRET,
  });
  const { data } = received[0]!;
  expect(data).toMatchObject({
    id: "sub_1",
    product_id: "prod_x",
    status: "active",
    cancel_at_period_end: true,
    customer: { id: data.customer_id, external_id: "org_42" },
  });
  expect(Date.parse(String(data.modified_at))).toBeGreaterThanOrEqual(before - 1_000);
  expect(data.ends_at).toBe(data.current_period_end);

  const revoked = buildPolarEvent("subscription.revoked", { owner: "org_42" });
  expect(revoked.data).toMatchObject({ status: "canceled", customer_id: data.customer_id });
  expect(buildPolarEvent("subscription.past_due", { status: "unpaid" }).data.status).toBe("unpaid");
  expect(buildPolarEvent("subscription.active").data.id).not.toBe(
    buildPolarEvent("subscription.active").data.id,
  );
});

test("POLAR_WEBHOOK_SECRET and POLAR_PRO_PRODUCT_IDS from .env.local; another secret: exit 1 with the 403 and a hint", async () => {
  received.length = 0;
  const accepted = await send(
    ["subscription.created"],
    {},
    `CONVEX_SITE_URL=${origin}\nPOLAR_WEBHOOK_SECRET=${SECRET}\nPOLAR_PRO_PRODUCT_IDS=prod_a,prod_b`,
  );
  expect(accepted.code).toBe(0);
  expect(accepted.output).toContain(`POST ${origin}${POLAR_WEBHOOK_PATH}`);
  expect(accepted.output).toContain("from .env.local");
  expect(received[0]!.data.product_id).toBe("prod_a");

  const rejected = await send(["subscription.created", "--url", origin], {
    POLAR_WEBHOOK_SECRET: OTHER_SECRET,
  });
  expect(rejected.code).toBe(1);
  expect(rejected.output).toMatch(/403 Forbidden[^]*hint: /);
  for (const { output } of [accepted, rejected]) {
    for (const secret of [SECRET, OTHER_SECRET]) expect(output).not.toContain(secret);
  }
});

test("mistakes are clear errors, exit 1", async () => {
  const errors = {
    "subscription.exploded": `Unknown event "subscription.exploded"; webhooks/polar-samples/ has ${polarEvents().join(", ")}`,
    "subscription.created --onwer user_1": "Unknown option '--onwer'",
    "subscription.created --owner": "Option '--owner <value>' argument missing",
    "subscription.created":
      "No Convex URL in .env.local: run `npx convex dev` or pass --url <url>.",
    [`subscription.created --url ${origin}`]: "POLAR_WEBHOOK_SECRET is not in the environment",
    "subscription.created --url http://127.0.0.1:1":
      "Could not reach http://127.0.0.1:1/polar/events: ",
  };
  for (const [args, message] of Object.entries(errors)) {
    const env = args.includes(origin) ? {} : { POLAR_WEBHOOK_SECRET: SECRET };
    const { code, output } = await send(args.split(" "), env);
    expect([code, output], args).toEqual([1, expect.stringContaining(message)]);
  }
  expect(await send(["--help"])).toMatchObject({
    code: 0,
    output: expect.stringContaining("--owner <id>"),
  });
});

test("through this project's endpoint (convex/http.ts): created puts the owner on Pro, revoked ends it", async () => {
  const t = newTest();
  const toConvex: typeof fetch = (url, init) => t.fetch(new URL(String(url)).pathname, init);
  const env = {
    POLAR_WEBHOOK_SECRET: POLAR_TEST_WEBHOOK_SECRET,
    POLAR_PRO_PRODUCT_IDS: process.env.POLAR_PRO_PRODUCT_IDS,
  };
  const owner = { kind: "user", id: "user_replay" } as const;
  const onPro = () => t.run((ctx) => hasPlan(ctx, PRO_PLAN, owner));
  const deliver = async (type: string) => {
    const lines: string[] = [];
    const print = (line: string) => lines.push(line);
    const argv = [
      type,
      "--owner",
      owner.id,
      "--subscription",
      "sub_replay",
      "--url",
      "https://x.convex.site",
    ];
    expect(
      await main(argv, { env, fetch: toConvex, out: print, err: print }),
      lines.join("\n"),
    ).toBe(0);
  };
  await deliver("subscription.created");
  expect(await onPro()).toBe(true);
  await deliver("subscription.revoked");
  expect(await onPro()).toBe(false);
});
