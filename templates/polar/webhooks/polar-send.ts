/**
 * webhook:send:polar — deliver a signed Polar webhook to this project's Convex deployment, no tunnel needed.
 *
 *   npm run webhook:send:polar -- <event> [--owner user_123|org_123] [--product <id>] [--status <status>]
 *     [--subscription <id>] [--url <url>]   (--help)
 *
 * - The event: webhooks/polar-samples/<event>.json (assembled from Polar's spec: SOURCES.md there), made the newest
 *   version of a current subscription: `timestamp`, `modified_at` and the period start now, the period a month,
 *   and what the event means (subscription.canceled: canceled at the period end; revoked: canceled now; past_due).
 * - --owner: the Clerk id the customer was created with (its external_id, as polar.ts's checkout sets it; org_… is a
 *   team), default the sample's; the customer id follows from it. --product: default the first of
 *   POLAR_PRO_PRODUCT_IDS. --status: instead of the event's. --subscription: the id (to follow one subscription
 *   through several events), default a fresh one.
 * - The URL: as webhook:send finds it (send.ts), with POLAR_WEBHOOK_PATH for a bare origin.
 * - POLAR_WEBHOOK_SECRET (and POLAR_PRO_PRODUCT_IDS): from the environment, else .env.local, else the deployment
 *   (`convex env get`). Signed per Standard Webhooks as Polar signs, POSTed; exit 0 only on a 2xx. Never printed.
 */
import { spawnSync } from "node:child_process";
import { createHash, createHmac, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync, realpathSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs, parseEnv } from "node:util";
import { POLAR_WEBHOOK_PATH } from "../convex/polarWebhook";
import { SendError, webhookUrl } from "./send";

type Vars = Record<string, string | undefined>;
type Print = (line: string) => void;
type Subscription = Record<string, unknown> & { customer: Record<string, unknown> };
export type PolarEvent = { type: string; timestamp: string; data: Subscription };

const HERE = dirname(fileURLToPath(import.meta.url));
const SAMPLES = join(HERE, "polar-samples");
export const polarEvents = () =>
  readdirSync(SAMPLES)
    .filter((file) => file.endsWith(".json"))
    .map((file) => file.slice(0, -".json".length));

const DAY = 24 * 60 * 60 * 1000;

/** What each event says about the subscription, beyond the sample (whose status is active). */
const meaning: Record<string, (now: string, periodEnd: string) => Partial<Subscription>> = {
  "subscription.canceled": (now, periodEnd) => ({
    cancel_at_period_end: true,
    canceled_at: now,
    ends_at: periodEnd,
  }),
  "subscription.revoked": (now) => ({
    status: "canceled",
    canceled_at: now,
    ends_at: now,
    ended_at: now,
  }),
  "subscription.past_due": () => ({ status: "past_due" }),
};

function requireEvent(type: string) {
  if (!polarEvents().includes(type)) {
    throw new SendError(
      `Unknown event "${type}"; webhooks/polar-samples/ has ${polarEvents().join(", ")}`,
    );
  }
}

/** The event `type` from its sample, current as of `now`, with the options given. */
export function buildPolarEvent(type: string, options: Vars = {}, now = new Date()): PolarEvent {
  requireEvent(type);
  const event: PolarEvent = JSON.parse(readFileSync(join(SAMPLES, `${type}.json`), "utf8"));
  const at = now.toISOString();
  const periodEnd = new Date(now.getTime() + 30 * DAY).toISOString();
  const owner = options.owner ?? String(event.data.customer.external_id);
  // One Polar customer per external id, as Polar keeps it: a uuid made from the owner's id.
  const h = createHash("sha256").update(owner).digest("hex");
  const customerId = `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
  event.timestamp = at;
  event.data = {
    ...event.data,
    id: options.subscription ?? randomUUID(),
    created_at: at,
    modified_at: at,
    started_at: at,
    current_period_start: at,
    current_period_end: periodEnd,
    recurring_interval_count: 1,
    customer_id: customerId,
    product_id: options.product ?? event.data.product_id,
    ...meaning[type]?.(at, periodEnd),
    ...(options.status ? { status: options.status } : {}),
  };
  event.data.customer = { ...event.data.customer, id: event.data.customer_id, external_id: owner };
  return event;
}

/** A deployment variable from the environment, else .env.local, else the deployment; and where it came from. */
function findVariable(name: string, env: Vars, envLocal: Vars, root: string, log: Print) {
  if (env[name]) return { value: env[name], source: "the environment" };
  if (envLocal[name]) return { value: envLocal[name], source: ".env.local" };
  if (!env.CONVEX_DEPLOYMENT && !envLocal.CONVEX_DEPLOYMENT) return undefined;
  log(`${name} is not in the environment or .env.local: asking the deployment...`);
  const cli = join(root, "node_modules/convex/bin/main.js");
  const options = { cwd: root, stdio: "pipe", encoding: "utf8", timeout: 30e3 } as const;
  const value = spawnSync(process.execPath, [cli, "env", "get", name], options).stdout?.trim();
  return value ? { value, source: "the deployment" } : undefined;
}

const HINTS: Record<number, string> = {
  403: "the signature was rejected: compare with `npx convex env get POLAR_WEBHOOK_SECRET`.",
  500: "a handler threw: see Convex's Logs.",
};

type IO = { env?: Vars; root?: string; fetch?: typeof fetch; out?: Print; err?: Print };

/** The command line; returns the exit code. */
export async function main(argv: string[], io: IO = {}): Promise<number> {
  const { env = process.env, root = dirname(HERE), out = console.log, err = console.error } = io;
  let secret = "";
  const print = (line: string, to = out) => to(secret ? line.replaceAll(secret, "***") : line);
  try {
    const { values, positionals } = parseArgs({
      args: argv.filter((arg) => arg !== "--"), // npm drops the `--` in `npm run x -- …`, pnpm not
      allowPositionals: true,
      options: {
        owner: { type: "string" },
        product: { type: "string" },
        status: { type: "string" },
        subscription: { type: "string" },
        url: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
    const { url: given, help, ...options } = values;
    if (help || positionals.length !== 1) {
      print(
        `Usage: webhook:send:polar <event> [options]\nEvents: ${polarEvents().join(", ")}\nOptions:`,
      );
      print("  --owner <id>          the customer's external_id: a Clerk user or organization id");
      print("  --product <id>        default: the first of POLAR_PRO_PRODUCT_IDS");
      print("  --status <status>     default: the event's (active; revoked: canceled; past_due)");
      print("  --subscription <id>   default: a fresh id");
      print("  --url <url>           default: from .env.local (https://<deployment>.convex.site)");
      return help ? 0 : 1;
    }
    const type = positionals[0]!;
    for (const [name, value] of Object.entries(options)) {
      if (value === "") throw new SendError(`--${name} needs a value.`);
    }
    requireEvent(type);
    const envFile = join(root, ".env.local");
    const envLocal = existsSync(envFile) ? parseEnv(readFileSync(envFile, "utf8")) : {};
    const url = new URL(webhookUrl(envLocal, given));
    if (given === undefined || new URL(given).pathname === "/") url.pathname = POLAR_WEBHOOK_PATH;
    const found = findVariable("POLAR_WEBHOOK_SECRET", env, envLocal, root, err);
    if (!found) {
      throw new SendError(
        "POLAR_WEBHOOK_SECRET is not in the environment, .env.local or the deployment: " +
          "npx convex env set POLAR_WEBHOOK_SECRET <your endpoint's secret>, or put it in .env.local.",
      );
    }
    secret = found.value;
    if (options.product === undefined) {
      const ids = findVariable("POLAR_PRO_PRODUCT_IDS", env, envLocal, root, err);
      options.product = ids?.value.split(",")[0]?.trim() || undefined;
      if (!options.product)
        print("POLAR_PRO_PRODUCT_IDS is not set: the sample's product, which sells no plan.", err);
    }
    const event = buildPolarEvent(type, options);
    const body = JSON.stringify(event);

    const id = randomUUID();
    const timestamp = String(Math.floor(Date.now() / 1000));
    // Standard Webhooks, keyed by the secret's own bytes (prefix included), as Polar signs and its SDK verifies.
    const signature = createHmac("sha256", Buffer.from(secret, "utf8"))
      .update(`${id}.${timestamp}.${body}`)
      .digest("base64");
    print(`POST ${url.href}\n  ${type} of subscription ${event.data.id}`);
    print(
      `  owner ${event.data.customer.external_id}, product ${event.data.product_id}, status ${event.data.status}`,
    );
    print(`  signed with POLAR_WEBHOOK_SECRET from ${found.source}`);
    const headers = {
      "content-type": "application/json",
      "webhook-id": id,
      "webhook-timestamp": timestamp,
      "webhook-signature": `v1,${signature}`,
    };
    const response = await (io.fetch ?? fetch)(url.href, { method: "POST", headers, body }).catch(
      (error: Error) => {
        throw new SendError(
          `Could not reach ${url.href}: ${(error.cause as Error)?.message ?? error}`,
        );
      },
    );
    const to = response.ok ? out : err;
    print(`${response.status} ${response.statusText} (webhook-id ${id})`, to);
    print((await response.text()) || "(empty body)", to);
    if (HINTS[response.status]) print(`hint: ${HINTS[response.status]}`, err);
    return response.ok ? 0 : 1;
  } catch (error) {
    // SendError: ours; a TypeError with a code: parseArgs's (an unknown option, a missing value).
    if (!(error instanceof SendError || (error instanceof TypeError && "code" in error))) {
      throw error;
    }
    print(`webhook:send:polar: ${error.message}`, err);
    return 1;
  }
}

const script = process.argv[1] && existsSync(process.argv[1]) ? realpathSync(process.argv[1]) : "";
if (script === fileURLToPath(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
