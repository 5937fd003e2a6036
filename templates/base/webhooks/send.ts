/**
 * webhook:send — deliver a signed Clerk webhook to this project's Convex deployment, no tunnel needed.
 *
 *   npm run webhook:send -- user.created [--user user_123] [--payment cpa_123] [--plan pro] [--url https://…]
 *
 * Builds the event from webhooks/samples/<event>.json, signs it with CLERK_WEBHOOK_SECRET the way
 * Clerk (via Svix) does, and POSTs it to https://<deployment>.convex.site/clerk-users-webhook.
 * Exits non-zero unless the endpoint answers 2xx. The secret is never printed.
 *
 * This file lives outside convex/ on purpose: every .ts file in convex/ (without two dots in its
 * name) is deployed as a Convex module. It runs with tsx; webhooks/send.test.ts covers it.
 */
import { spawn } from "node:child_process";
import { randomInt } from "node:crypto";
import { existsSync, readdirSync, readFileSync, realpathSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs, parseEnv } from "node:util";
import { Webhook } from "svix";

export const WEBHOOK_PATH = "/clerk-users-webhook";

const HERE = dirname(fileURLToPath(import.meta.url));
/** The project root (the folder holding package.json and .env.local). */
export const PROJECT_ROOT = dirname(HERE);
export const SAMPLES_DIR = join(HERE, "samples");

/** Where `npx convex dev` writes the HTTP actions URL (by framework), most specific first. */
const SITE_URL_NAMES = [
  "CONVEX_SITE_URL",
  "NEXT_PUBLIC_CONVEX_SITE_URL",
  "VITE_CONVEX_SITE_URL",
  "PUBLIC_CONVEX_SITE_URL",
  "REACT_APP_CONVEX_SITE_URL",
  "EXPO_PUBLIC_CONVEX_SITE_URL",
];
/** Where `npx convex dev` writes the deployment (client) URL. */
const CLOUD_URL_NAMES = [
  "CONVEX_URL",
  "NEXT_PUBLIC_CONVEX_URL",
  "VITE_CONVEX_URL",
  "PUBLIC_CONVEX_URL",
  "REACT_APP_CONVEX_URL",
  "EXPO_PUBLIC_CONVEX_URL",
];

/** A problem the user can fix; main() prints its message (never containing the secret). */
export class SendError extends Error {}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The events that can be sent: one per sample file (the payments layer adds paymentAttempt.*). */
export function listEvents(samplesDir: string = SAMPLES_DIR): string[] {
  if (!existsSync(samplesDir)) return [];
  return readdirSync(samplesDir)
    .filter((file) => file.endsWith(".json"))
    .map((file) => file.slice(0, -".json".length))
    .sort();
}

/** A Clerk/Svix-style id: prefix + 27 base62 characters, e.g. msg_2g7np7Hrk0SN6kj5EDMLDaKNL0S. */
export function freshId(prefix: string): string {
  const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  let id = "";
  for (let i = 0; i < 27; i++) id += alphabet[randomInt(alphabet.length)];
  return `${prefix}_${id}`;
}

export type PayloadOptions = {
  /** Clerk user id to put in the event: data.id (user events), data.user_id, data.payer.user_id. */
  userId?: string;
  /** Clerk payment id (payment events): reuse it to update one payment; default a fresh one. */
  paymentId?: string;
  /** Plan slug (subscription events): sets data.plan.slug, or each item's for subscription.* events. */
  planSlug?: string;
  samplesDir?: string;
  now?: Date;
};

/**
 * The event from webhooks/samples/<event>.json with a fresh `timestamp` (in the sample's unit:
 * seconds or milliseconds) and `updated_at`s, the given user id and plan slug, and for payment events a fresh payment
 * (`payment_id` and attempt `id`) unless `paymentId` is given.
 */
export function buildPayload(
  event: string,
  { userId, paymentId, planSlug, samplesDir = SAMPLES_DIR, now = new Date() }: PayloadOptions = {},
): JsonObject {
  const events = listEvents(samplesDir);
  if (!events.includes(event)) {
    throw new SendError(
      `Unknown event "${event}". Known events (from webhooks/samples/): ${events.join(", ") || "none"}.`,
    );
  }
  const payload = JSON.parse(readFileSync(join(samplesDir, `${event}.json`), "utf8")) as Json;
  if (!isObject(payload) || !isObject(payload.data)) {
    throw new SendError(`webhooks/samples/${event}.json is not a Clerk event ({ type, data }).`);
  }
  const data = payload.data;

  if (typeof payload.timestamp === "number" && payload.timestamp < 1e12) {
    payload.timestamp = Math.floor(now.getTime() / 1000);
  } else {
    payload.timestamp = now.getTime();
  }

  // subscription.* events list their items in data.items.
  const items = Array.isArray(data.items) ? data.items.filter(isObject) : [];
  // The backend ignores a version older than (or as old as) the one it has: each send is the newest.
  for (const target of [data, ...items]) {
    if (typeof target.updated_at === "number") target.updated_at = now.getTime();
  }

  if (planSlug !== undefined) {
    if (!planSlug) throw new SendError("--plan needs a plan slug (e.g. pro).");
    const plans = [data.plan, ...items.map((item) => item.plan)].filter(isObject);
    if (plans.length === 0) {
      throw new SendError(`--plan does not apply to ${event}: it has no plan.`);
    }
    for (const plan of plans) plan.slug = planSlug;
  }

  if (userId !== undefined) {
    if (!userId) throw new SendError("--user needs a Clerk user id (user_...).");
    let replaced = false;
    if (data.object === "user" && "id" in data) {
      data.id = userId;
      replaced = true;
    }
    if (typeof data.user_id === "string") {
      data.user_id = userId;
      replaced = true;
    }
    if (isObject(data.payer) && "user_id" in data.payer) {
      data.payer.user_id = userId;
      replaced = true;
    }
    if (isObject(data.public_user_data) && "user_id" in data.public_user_data) {
      data.public_user_data.user_id = userId;
      replaced = true;
    }
    if (!replaced) throw new SendError(`--user does not apply to ${event}: it has no user id.`);
  }

  if (typeof data.payment_id === "string") {
    if (paymentId !== undefined) {
      if (!paymentId) throw new SendError("--payment needs a Clerk payment id (cpa_...).");
      data.payment_id = paymentId;
    } else {
      data.payment_id = freshId("cpa");
      if (typeof data.id === "string") data.id = freshId("pa");
    }
  } else if (paymentId !== undefined) {
    throw new SendError(`--payment does not apply to ${event}: it is not a payment event.`);
  }
  return payload;
}

/** Parses .env.local; a missing file reads as empty. */
export function readEnvFile(path: string): Record<string, string> {
  if (!existsSync(path)) return {};
  return parseEnv(readFileSync(path, "utf8")) as Record<string, string>;
}

/**
 * The webhook URL from .env.local's variables: the HTTP actions URL (CONVEX_SITE_URL and its
 * framework-prefixed names) when present, else derived from the deployment URL:
 * https://<name>.convex.cloud → https://<name>.convex.site, local http://127.0.0.1:3210 → port 3211.
 */
export function webhookUrlFromEnv(vars: Record<string, string | undefined>): string {
  for (const name of SITE_URL_NAMES) {
    const value = vars[name];
    if (value) return withWebhookPath(parseUrl(value, name));
  }
  for (const name of CLOUD_URL_NAMES) {
    const value = vars[name];
    if (!value) continue;
    const url = parseUrl(value, name);
    if (url.hostname.endsWith(".convex.cloud")) {
      url.hostname = `${url.hostname.slice(0, -".convex.cloud".length)}.convex.site`;
      return withWebhookPath(url);
    }
    if (["127.0.0.1", "localhost", "0.0.0.0", "[::1]"].includes(url.hostname) && url.port) {
      // A local deployment serves HTTP actions on the next port (3210 → 3211).
      url.port = String(Number(url.port) + 1);
      return withWebhookPath(url);
    }
    throw new SendError(
      `Cannot tell the HTTP actions URL from ${name}=${value} in .env.local. ` +
        `Pass it: --url https://<deployment>.convex.site${WEBHOOK_PATH}`,
    );
  }
  throw new SendError(
    "No Convex URL in .env.local (CONVEX_URL, VITE_CONVEX_URL, NEXT_PUBLIC_CONVEX_URL or a *CONVEX_SITE_URL). " +
      `Run \`npx convex dev\` once to write it, or pass --url https://<deployment>.convex.site${WEBHOOK_PATH}`,
  );
}

function parseUrl(value: string, name: string): URL {
  try {
    return new URL(value);
  } catch {
    throw new SendError(`${name} is not a URL: ${value}`);
  }
}

/** Adds /clerk-users-webhook to a bare origin (https://x.convex.site); keeps any other path. */
export function withWebhookPath(url: URL | string): string {
  const parsed = typeof url === "string" ? parseUrl(url, "--url") : new URL(url);
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new SendError(`Not an http(s) URL: ${parsed.href}`);
  }
  if (parsed.pathname === "/" || parsed.pathname === "") parsed.pathname = WEBHOOK_PATH;
  return parsed.href;
}

export type SecretSource = "environment" | ".env.local" | "Convex deployment";

/** Reads CLERK_WEBHOOK_SECRET from the deployment with `convex env get`; undefined when that fails. */
export type ConvexEnvGet = (root: string) => Promise<string | undefined>;

/**
 * CLERK_WEBHOOK_SECRET from the environment, else .env.local, else the Convex deployment
 * (`npx convex env get`, only tried when CONVEX_DEPLOYMENT says which deployment).
 */
export async function resolveSecret({
  env,
  envLocal,
  root = PROJECT_ROOT,
  convexEnvGet = convexEnvGetSecret,
  log = () => {},
}: {
  env: Record<string, string | undefined>;
  envLocal: Record<string, string | undefined>;
  root?: string;
  convexEnvGet?: ConvexEnvGet;
  log?: (line: string) => void;
}): Promise<{ secret: string; source: SecretSource }> {
  if (env.CLERK_WEBHOOK_SECRET) {
    return { secret: env.CLERK_WEBHOOK_SECRET, source: "environment" };
  }
  if (envLocal.CLERK_WEBHOOK_SECRET) {
    return { secret: envLocal.CLERK_WEBHOOK_SECRET, source: ".env.local" };
  }
  if (env.CONVEX_DEPLOYMENT || envLocal.CONVEX_DEPLOYMENT || env.CONVEX_DEPLOY_KEY) {
    log(
      "CLERK_WEBHOOK_SECRET is not in the environment or .env.local: " +
        "asking the deployment (npx convex env get)...",
    );
    const secret = await convexEnvGet(root);
    if (secret) return { secret, source: "Convex deployment" };
  }
  throw new SendError(
    "CLERK_WEBHOOK_SECRET not found: not in the environment, not in .env.local, and not readable " +
      "from the Convex deployment (`npx convex env get CLERK_WEBHOOK_SECRET`). Set it on the deployment " +
      "(`npx convex env set CLERK_WEBHOOK_SECRET whsec_...`) or add it to .env.local.",
  );
}

/** Runs the project's own Convex CLI: `convex env get CLERK_WEBHOOK_SECRET` (its output is never shown). */
export const convexEnvGetSecret: ConvexEnvGet = (root) =>
  new Promise((resolvePromise) => {
    let bin: string;
    try {
      const require = createRequire(join(root, "package.json"));
      bin = join(dirname(require.resolve("convex/package.json")), "bin", "main.js");
    } catch {
      resolvePromise(undefined);
      return;
    }
    const child = spawn(process.execPath, [bin, "env", "get", "CLERK_WEBHOOK_SECRET"], {
      cwd: root,
      stdio: ["ignore", "pipe", "ignore"],
      timeout: 30_000,
    });
    let stdout = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.on("error", () => resolvePromise(undefined));
    child.on("close", (code) => {
      const value = stdout.trim();
      // `convex env get` prints just the value, and nothing (exit 0) when the variable is unset.
      resolvePromise(code === 0 && /^whsec_\S+$/.test(value) ? value : undefined);
    });
  });

export type SendOptions = PayloadOptions & {
  event: string;
  url: string;
  secret: string;
  fetch?: typeof fetch;
};

export type SendResult = {
  ok: boolean;
  status: number;
  statusText: string;
  body: string;
  url: string;
  messageId: string;
};

/** Builds the event, signs it like Svix (svix-id, svix-timestamp, svix-signature) and POSTs it. */
export async function sendWebhook({
  event,
  url,
  secret,
  fetch: fetchImpl = fetch,
  now = new Date(),
  ...payloadOptions
}: SendOptions): Promise<SendResult> {
  const payload = buildPayload(event, { ...payloadOptions, now });
  const body = JSON.stringify(payload);
  const messageId = freshId("msg");
  const target = withWebhookPath(url);

  let signature: string;
  try {
    signature = new Webhook(secret).sign(messageId, now, body);
  } catch {
    throw new SendError(
      "CLERK_WEBHOOK_SECRET is not a valid Svix signing secret (expected whsec_ followed by base64).",
    );
  }

  let response: Response;
  try {
    response = await fetchImpl(target, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "webhook:send (Svix-Webhooks compatible)",
        "svix-id": messageId,
        "svix-timestamp": String(Math.floor(now.getTime() / 1000)),
        "svix-signature": signature,
      },
      body,
    });
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    throw new SendError(
      `Could not reach ${target}: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
  }
  return {
    ok: response.ok,
    status: response.status,
    statusText: response.statusText,
    body: await response.text(),
    url: target,
    messageId,
  };
}

const USAGE = `Usage: webhook:send <event> [--user <clerk user id>] [--payment <payment id>] [--plan <slug>] [--url <webhook url>]

Sends a Clerk webhook event built from webhooks/samples/<event>.json, signed with
CLERK_WEBHOOK_SECRET like Clerk (Svix) signs it, to the deployment's /clerk-users-webhook.
Its updated_at is set to now, so the backend takes it as the newest version.
With npm, put -- before the arguments: npm run webhook:send -- user.created --user user_123

Options:
  --user <id>      Clerk user id to put in the event (user_...): the user for user.* events,
                   the payer for paymentAttempt.* and subscription events, the member for
                   organizationMembership.* events. Default: the sample's.
  --payment <id>   payment id for paymentAttempt.* events, to update one payment again
                   (e.g. created, then updated). Default: a fresh payment each time.
  --plan <slug>    plan slug for subscription events (e.g. pro). Default: the sample's.
  --url <url>      webhook URL. Default: from .env.local (CONVEX_SITE_URL, or the
                   deployment URL with .convex.cloud → .convex.site; local port 3210 → 3211).
  -h, --help       this help.

Secret: CLERK_WEBHOOK_SECRET from the environment, else .env.local, else the Convex
deployment (npx convex env get CLERK_WEBHOOK_SECRET). It is never printed.`;

export type MainIO = {
  env?: Record<string, string | undefined>;
  root?: string;
  samplesDir?: string;
  fetch?: typeof fetch;
  convexEnvGet?: ConvexEnvGet;
  stdout?: (line: string) => void;
  stderr?: (line: string) => void;
};

/** The command line: returns the exit code (0 only for a 2xx answer or --help). */
export async function main(argv: string[], io: MainIO = {}): Promise<number> {
  const {
    env = process.env,
    root = PROJECT_ROOT,
    samplesDir = SAMPLES_DIR,
    convexEnvGet,
    stdout = (line) => console.log(line),
    stderr = (line) => console.error(line),
  } = io;
  let secret: string | undefined;
  // Belt and braces: nothing printed may contain the secret, whatever a server echoes back.
  const redact = (text: string) => (secret ? text.split(secret).join("whsec_***") : text);
  const out = (line: string) => stdout(redact(line));
  const err = (line: string) => stderr(redact(line));

  try {
    const { values, positionals } = parseArgs({
      // npm strips the `--` in `npm run webhook:send -- …`; pnpm, yarn and bun pass it on.
      args: argv.filter((arg) => arg !== "--"),
      allowPositionals: true,
      options: {
        user: { type: "string" },
        payment: { type: "string" },
        plan: { type: "string" },
        url: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
    const events = listEvents(samplesDir);
    if (values.help) {
      out(`${USAGE}\n\nEvents (webhooks/samples/): ${events.join(", ")}`);
      return 0;
    }
    if (positionals.length !== 1) {
      err(`${USAGE}\n\nEvents (webhooks/samples/): ${events.join(", ")}`);
      return 1;
    }
    const [event] = positionals as [string];
    // Fail on a bad event before looking for the secret or the URL.
    buildPayload(event, {
      userId: values.user,
      paymentId: values.payment,
      planSlug: values.plan,
      samplesDir,
    });

    const envLocal = readEnvFile(join(root, ".env.local"));
    const url = values.url ? withWebhookPath(values.url) : webhookUrlFromEnv(envLocal);
    const resolved = await resolveSecret({
      env,
      envLocal,
      root,
      convexEnvGet,
      log: err,
    });
    secret = resolved.secret;

    out(`POST ${url}`);
    out(
      `  ${event}${values.user ? ` for ${values.user}` : ""}, signed with CLERK_WEBHOOK_SECRET from ${resolved.source}`,
    );
    const result = await sendWebhook({
      event,
      url,
      secret,
      userId: values.user,
      paymentId: values.payment,
      planSlug: values.plan,
      samplesDir,
      fetch: io.fetch,
    });
    const statusLine = `${result.status} ${result.statusText}`.trim();
    const body = result.body.trim() || "(empty body)";
    if (result.ok) {
      out(`${statusLine} (svix-id ${result.messageId})`);
      out(body);
      return 0;
    }
    err(`${statusLine} (svix-id ${result.messageId})`);
    err(body);
    const hint = HINTS[result.status];
    if (hint) err(`hint: ${hint}`);
    return 1;
  } catch (error) {
    if (error instanceof SendError || (error instanceof TypeError && "code" in error)) {
      // SendError: ours; TypeError with a code: parseArgs (unknown option, missing value).
      err(`webhook:send: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

const HINTS: Partial<Record<number, string>> = {
  400: "the endpoint rejected the signature: this secret is not the deployment's CLERK_WEBHOOK_SECRET (npx convex env get CLERK_WEBHOOK_SECRET), or the clock is off by more than 5 minutes.",
  404: "no /clerk-users-webhook route there: is convex/http.ts deployed (npx convex dev), and is the URL the .convex.site one?",
  500: "the endpoint failed: CLERK_WEBHOOK_SECRET not set on the deployment, or a handler threw; see the Convex dashboard's Logs.",
};

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  process.exitCode = await main(process.argv.slice(2));
}
