import { afterEach, expect, test, vi } from "vitest";
import { deploymentEnv, missingVariableMessage } from "./model/deploymentEnv";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

test("a missing variable is logged with where to get it and the command that sets it", () => {
  vi.stubEnv("CLERK_WEBHOOK_SECRET", "");
  const log = vi.spyOn(console, "error").mockImplementation(() => {});
  expect(deploymentEnv("CLERK_WEBHOOK_SECRET")).toBeUndefined();
  expect(log).toHaveBeenCalledWith(missingVariableMessage("CLERK_WEBHOOK_SECRET"));
  expect(missingVariableMessage("CLERK_WEBHOOK_SECRET")).toContain(
    "npx convex env set CLERK_WEBHOOK_SECRET whsec_...",
  );
});

test("a set variable is returned as is", () => {
  vi.stubEnv("CLERK_WEBHOOK_SECRET", "whsec_abc");
  expect(deploymentEnv("CLERK_WEBHOOK_SECRET")).toBe("whsec_abc");
});
