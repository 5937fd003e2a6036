import { deploymentEnv } from "./deploymentEnv";

/*
 * A small client for Clerk's Backend API (https://clerk.com/docs/reference/backend-api), for actions only: it answers
 * with Clerk's JSON as it is, the same snake_case objects its webhooks send, so the webhook's parsers read it.
 */

const CLERK_API_URL = "https://api.clerk.com/v1";
/** The API version the objects read here are written against (sent as Clerk-API-Version). */
const CLERK_API_VERSION = "2026-05-12";

/** Clerk answered with an error. `retryAfterMs` is set when it rate-limited the call (429 with Retry-After). */
export class ClerkApiError extends Error {
  constructor(
    readonly status: number,
    readonly path: string,
    readonly retryAfterMs?: number,
  ) {
    super(`Clerk's Backend API answered ${status} for ${path}`);
    this.name = "ClerkApiError";
  }
}

/**
 * GETs a Backend API path ("/users/user_123") with CLERK_SECRET_KEY. Returns Clerk's JSON, null for 404 (no such
 * object), or undefined when CLERK_SECRET_KEY is not set (logged by deploymentEnv); throws ClerkApiError otherwise.
 */
export async function clerkGet<T>(
  path: string,
  query: Record<string, string | number> = {},
): Promise<T | null | undefined> {
  const secretKey = deploymentEnv("CLERK_SECRET_KEY");
  if (secretKey === undefined) return undefined;
  const url = new URL(CLERK_API_URL + path);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, String(value));
  const response = await fetch(url, {
    headers: {
      Authorization: `Bearer ${secretKey}`,
      "Clerk-API-Version": CLERK_API_VERSION,
    },
  });
  if (response.status === 404) return null;
  if (!response.ok) {
    const retryAfter = Number(response.headers.get("retry-after"));
    throw new ClerkApiError(
      response.status,
      path,
      response.status === 429 && retryAfter > 0 ? retryAfter * 1000 : undefined,
    );
  }
  return (await response.json()) as T;
}

/** Clerk's list envelope (memberships, organizations). */
export type ClerkList<T> = { data: T[]; total_count: number };
