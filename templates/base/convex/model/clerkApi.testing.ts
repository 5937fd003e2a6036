// A fake of Clerk's Backend API for tests (two dots in the name: not deployed). Answers with the JSON a test gives
// for a path, in the shapes of Clerk's OpenAPI spec (bapi/2026-05-12.yml), and 404 with Clerk's error body otherwise.
import { vi } from "vitest";

/** The secret key tests set as CLERK_SECRET_KEY; the fake refuses any other. */
export const TEST_SECRET_KEY = "sk_test_fake_backend_api";

type Answer = { status: number; body: unknown; headers?: Record<string, string> };

/**
 * Installs the fake as `fetch` and sets CLERK_SECRET_KEY (useWebhookTestEnv in test.setup.ts undoes both after each test).
 * `answer(path, body)` answers GET `path` ("/users/user_1", or with a query "/users?limit=100") with `body`;
 * `answerOnce` answers once, before the standing answer. `requests` lists every path asked, with its query.
 */
export function fakeClerkApi() {
  const standing = new Map<string, Answer>();
  const once = new Map<string, Answer[]>();
  const requests: string[] = [];

  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const headers = new Headers(init?.headers);
    if (url.origin !== "https://api.clerk.com" || !url.pathname.startsWith("/v1/")) {
      throw new Error(`The fake Clerk API was asked for ${url.href}`);
    }
    if (headers.get("authorization") !== `Bearer ${TEST_SECRET_KEY}`) {
      return json(401, clerkErrors("authentication_invalid"));
    }
    const path = url.pathname.slice("/v1".length);
    const full = path + url.search;
    requests.push(full);
    const key = [full, path].find(
      (candidate) => once.get(candidate)?.length || standing.has(candidate),
    );
    const answer = key === undefined ? undefined : (once.get(key)?.shift() ?? standing.get(key));
    if (answer === undefined) return json(404, clerkErrors("resource_not_found"));
    return json(answer.status, answer.body, answer.headers);
  };

  vi.stubGlobal("fetch", fetch);
  vi.stubEnv("CLERK_SECRET_KEY", TEST_SECRET_KEY);
  return {
    requests,
    answer(path: string, body: unknown) {
      standing.set(path, { status: 200, body });
    },
    answerOnce(path: string, status: number, body: unknown, headers?: Record<string, string>) {
      once.set(path, [...(once.get(path) ?? []), { status, body, headers }]);
    },
  };
}

/** Clerk's error body (ClerkErrors). */
export function clerkErrors(code: string) {
  return { errors: [{ message: code, long_message: code, code }] };
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}
