import { cleanup, configure } from "@testing-library/react";
import { afterEach, vi } from "vitest";

// findBy… and waitFor wait up to 5 s (not 1 s) for the page: a loaded CI machine runs convex-test slower.
configure({ asyncUtilTimeout: 5_000 });

// Each test starts from an empty document, with nothing stubbed and real timers.
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});
