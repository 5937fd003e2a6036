import { ConvexError } from "convex/values";
import { describe, expect, test } from "vitest";
import type { AppErrorData } from "../../convex/model/errors";
import { describeError, isStaleClient } from "./errors";

// Every code the server throws (convex/model/errors.ts), with its details: the compiler checks this list is whole.
const everyCode: { [Code in AppErrorData["code"]]: Extract<AppErrorData, { code: Code }> } = {
  NOT_SIGNED_IN: { code: "NOT_SIGNED_IN" },
  USER_NOT_SYNCED: { code: "USER_NOT_SYNCED" },
  INVALID_NAME: { code: "INVALID_NAME", maxLength: 80 },
  NOT_FOUND: { code: "NOT_FOUND" },
  PROJECT_LIMIT: { code: "PROJECT_LIMIT", limit: 3 },
  FORBIDDEN: { code: "FORBIDDEN", permission: "org:projects:delete" },
  NO_SUCH_KIND: { code: "NO_SUCH_KIND", kind: "users" },
  // @slot codes
};

describe("describeError", () => {
  test.each(Object.values(everyCode))("$code reads as a sentence", (data) => {
    const sentence = describeError(new ConvexError(data));
    expect(sentence).toMatch(/^[A-Z].*\.$/);
  });

  test("a code's details reach the sentence", () => {
    expect(describeError(new ConvexError(everyCode.PROJECT_LIMIT))).toBe(
      "The free plan holds 3 projects.",
    );
    expect(describeError(new ConvexError(everyCode.INVALID_NAME))).toBe(
      "A name needs 1 to 80 characters.",
    );
  });

  test("a page older than the deployment is told to reload; other errors say nothing of their message", () => {
    const stale = new Error(
      "[CONVEX Q(projects:usage)] Could not find public function for 'projects:usage'.",
    );
    expect(isStaleClient(stale)).toBe(true);
    expect(describeError(stale)).toMatch(/Reload/);
    expect(describeError(new Error("secret detail"))).not.toContain("secret");
  });
});
