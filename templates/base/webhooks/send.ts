/**
 * webhook:send — deliver a signed Clerk webhook to this project's Convex deployment, no tunnel needed.
 *
 *   npm run webhook:send -- <event> [--url <url>] [--user user_123] [a feature's flags]   (--help)
 *
 * - The event: webhooks/samples/<event>.json (each feature adds its own) with `timestamp` (in the
 *   sample's unit) and `data.updated_at` set to now, so the backend takes it as the newest version.
 * - Flags: each feature adds webhooks/flags/<feature>.ts (one dot: a test beside it is skipped) whose
 *   default export is a `Flag[]`; this script imports them all at run time. `apply(event, value)`
 *   edits the event in place on every send (`value` undefined without the flag, e.g. for a fresh id)
 *   and returns whether the flag applies to this event. A flag without a `name` is an edit every
 *   send gets. Features may share a name (each one's `--user` knows its own events): all run, and a
 *   value given must apply in one. Flag modules import only types from this file.
 * - The URL: --url, else from .env.local as `convex dev` writes it (the deployment URL's
 *   .convex.cloud → .convex.site, local port 3210 → 3211). A bare origin gets CLERK_WEBHOOK_PATH.
 * - The secret: CLERK_WEBHOOK_SECRET from the environment, else .env.local, else the deployment
 *   (`convex env get`). Signed as Svix signs, POSTed; exit 0 only on a 2xx. Never printed.
 * It lives outside convex/ on purpose (every .ts file there is deployed) and runs with tsx.
 */
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync, realpathSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs, parseEnv } from "node:util";
import { Webhook } from "svix";
import { CLERK_WEBHOOK_PATH } from "../convex/clerkWebhook";

export type ClerkEvent = { type: string; timestamp?: number; data: Record<string, unknown> };
export type Flag = {
  name?: string;
  help?: string;
  apply: (event: ClerkEvent, value: string | undefined) => boolean | void;
};
type Vars = Record<string, string | undefined>;
type Print = (line: string) => void;

/** A problem the user can fix: main() prints its message, which never holds the secret. */
export class SendError extends Error {}

const HERE = dirname(fileURLToPath(import.meta.url));
const ls = (dir: string, pattern: RegExp) =>
  existsSync(join(HERE, dir)) ? readdirSync(join(HERE, dir)).filter((f) => pattern.test(f)) : [];
export const events = () => ls("samples", /\.json$/).map((file) => file.slice(0, -".json".length));

/** Every feature's flags, in file name order. */
export async function flags(): Promise<Flag[]> {
  const files = ls("flags", /^[^.]+\.ts$/).map((file) => pathToFileURL(join(HERE, "flags", file)));
  const modules: { default: Flag[] }[] = await Promise.all(files.map((url) => import(url.href)));
  return modules.flatMap((module) => module.default);
}

/** The event `type` from its sample, with the features' flags applied (`values`: the flags given). */
export async function buildEvent(type: string, values: Vars = {}, now = new Date()) {
  if (!events().includes(type)) {
    throw new SendError(`Unknown event "${type}"; webhooks/samples/ has ${events().join(", ")}`);
  }
  const event: ClerkEvent = JSON.parse(readFileSync(join(HERE, `samples/${type}.json`), "utf8"));
  const ms = now.getTime();
  event.timestamp = (event.timestamp ?? 0) < 1e12 ? Math.floor(ms / 1000) : ms;
  if (typeof event.data.updated_at === "number") event.data.updated_at = ms;
  const applied = new Set<string | undefined>();
  for (const flag of await flags()) {
    const value = flag.name ? values[flag.name] : undefined;
    if (value === "") throw new SendError(`--${flag.name} needs a value.`);
    if (flag.apply(event, value)) applied.add(flag.name);
  }
  const unused = Object.keys(values).find((name) => values[name] && !applied.has(name));
  if (unused) throw new SendError(`--${unused} does not apply to ${type}.`);
  return event;
}

/** --url, else the webhook URL from .env.local's variables as `convex dev` writes them. */
export function webhookUrl(vars: Vars, given?: string): string {
  const find = (name: string) => [name, `NEXT_PUBLIC_${name}`, `VITE_${name}`].find((n) => vars[n]);
  const site = given ?? vars[find("CONVEX_SITE_URL") ?? ""];
  const text = site ?? vars[find("CONVEX_URL") ?? ""];
  const url = URL.canParse(text ?? "") ? new URL(text!) : undefined;
  if (url && !site && url.hostname.endsWith(".convex.cloud")) {
    url.hostname = url.hostname.replace(/\.convex\.cloud$/, ".convex.site");
  } else if (url && !site && ["127.0.0.1", "localhost"].includes(url.hostname)) {
    url.port = String(Number(url.port) + 1); // a local deployment serves HTTP actions on the next port
  } else if (!url || !site) {
    const problem = text ? `No webhook URL from ${text}` : "No Convex URL in .env.local";
    throw new SendError(`${problem}: run \`npx convex dev\` or pass --url <url>.`);
  }
  if (url.pathname === "/") url.pathname = CLERK_WEBHOOK_PATH;
  return url.href;
}

/** CLERK_WEBHOOK_SECRET and where it came from. */
function findSecret(env: Vars, envLocal: Vars, root: string, log: Print): [string, string] {
  let [secret, source] = [env.CLERK_WEBHOOK_SECRET, "the environment"];
  if (!secret) [secret, source] = [envLocal.CLERK_WEBHOOK_SECRET, ".env.local"];
  if (!secret && (env.CONVEX_DEPLOYMENT || envLocal.CONVEX_DEPLOYMENT)) {
    log("CLERK_WEBHOOK_SECRET is not in the environment or .env.local: asking the deployment...");
    const cli = join(root, "node_modules/convex/bin/main.js");
    const options = { cwd: root, stdio: "pipe", encoding: "utf8", timeout: 30e3 } as const;
    const got = spawnSync(process.execPath, [cli, "env", "get", "CLERK_WEBHOOK_SECRET"], options);
    [secret, source] = [got.stdout?.trim(), "the deployment"]; // just the value; none when unset
  }
  if (!secret) {
    throw new SendError(
      "CLERK_WEBHOOK_SECRET is not in the environment, .env.local or the deployment: " +
        "npx convex env set CLERK_WEBHOOK_SECRET whsec_..., or put it in .env.local.",
    );
  }
  if (!/^whsec_[A-Za-z0-9+/]+=*$/.test(secret)) {
    throw new SendError(`CLERK_WEBHOOK_SECRET from ${source} is not a signing secret (whsec_...).`);
  }
  return [secret, source];
}

const HINTS: Record<number, string> = {
  400: "the signature was rejected: compare with `npx convex env get CLERK_WEBHOOK_SECRET`.",
  500: "is CLERK_WEBHOOK_SECRET set on the deployment? If so, a handler threw: see Convex's Logs.",
};

type IO = { env?: Vars; root?: string; fetch?: typeof fetch; out?: Print; err?: Print };

/** The command line; returns the exit code. */
export async function main(argv: string[], io: IO = {}): Promise<number> {
  const { env = process.env, root = dirname(HERE), out = console.log, err = console.error } = io;
  let secret = "";
  const print = (line: string, to = out) => to(secret ? line.replaceAll(secret, "***") : line);
  try {
    const named = (await flags()).filter((flag) => flag.name);
    const { values, positionals } = parseArgs({
      args: argv.filter((arg) => arg !== "--"), // npm drops the `--` in `npm run x -- …`, pnpm not
      allowPositionals: true,
      options: {
        ...Object.fromEntries(named.map((flag) => [flag.name, { type: "string" as const }])),
        url: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
    const { url: given, help, ...flagValues } = values as Vars & { help?: boolean };
    if (help || positionals.length !== 1) {
      print(`Usage: webhook:send <event> [options]\nEvents: ${events().join(", ")}\nOptions:`);
      print(`  --url <url>           default: from .env.local (https://<deployment>.convex.site)`);
      for (const name of new Set(named.map((flag) => flag.name))) {
        const helps = named.filter((flag) => flag.name === name).map((flag) => flag.help ?? "");
        print(`  --${name} <value>`.padEnd(24) + helps.join(`\n${" ".repeat(24)}`));
      }
      return help ? 0 : 1;
    }
    const type = positionals[0]!;
    const body = JSON.stringify(await buildEvent(type, flagValues));
    const envFile = join(root, ".env.local");
    const envLocal = existsSync(envFile) ? parseEnv(readFileSync(envFile, "utf8")) : {};
    const url = webhookUrl(envLocal, given);
    const [found, source] = findSecret(env, envLocal, root, err);
    secret = found;

    const id = `msg_${randomUUID().replaceAll("-", "")}`;
    const now = new Date();
    print(`POST ${url}\n  ${type}, signed with CLERK_WEBHOOK_SECRET from ${source}`);
    const headers = {
      "content-type": "application/json",
      "svix-id": id,
      "svix-timestamp": String(Math.floor(now.getTime() / 1000)),
      "svix-signature": new Webhook(secret).sign(id, now, body),
    };
    const response = await (io.fetch ?? fetch)(url, { method: "POST", headers, body }).catch(
      (error: Error) => {
        throw new SendError(`Could not reach ${url}: ${(error.cause as Error)?.message ?? error}`);
      },
    );
    const to = response.ok ? out : err;
    print(`${response.status} ${response.statusText} (svix-id ${id})`, to);
    print((await response.text()) || "(empty body)", to);
    if (HINTS[response.status]) print(`hint: ${HINTS[response.status]}`, err);
    return response.ok ? 0 : 1;
  } catch (error) {
    // SendError: ours; a TypeError with a code: parseArgs's (an unknown option, a missing value).
    if (!(error instanceof SendError || (error instanceof TypeError && "code" in error))) {
      throw error;
    }
    print(`webhook:send: ${error.message}`, err);
    return 1;
  }
}

const script = process.argv[1] && existsSync(process.argv[1]) ? realpathSync(process.argv[1]) : "";
if (script === fileURLToPath(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
