import type { NextConfig } from "next";
import {
  PHASE_DEVELOPMENT_SERVER,
  PHASE_PRODUCTION_BUILD,
  PHASE_PRODUCTION_SERVER,
} from "next/constants";
import {
  clerkPublishableKey,
  clerkSecretKey,
  convexUrl,
  type RequiredVariable,
  stopUnlessSet,
} from "./src/lib/check-env";

const publicKeys = [
  convexUrl("NEXT_PUBLIC_CONVEX_URL"),
  clerkPublishableKey("NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY"),
];

// What each phase needs: the public keys are inlined by the build; the server reads the secret key.
const checks: Record<string, { task: string; required: RequiredVariable[] }> = {
  [PHASE_DEVELOPMENT_SERVER]: { task: "next dev", required: [...publicKeys, clerkSecretKey] },
  [PHASE_PRODUCTION_BUILD]: { task: "next build", required: publicKeys },
  [PHASE_PRODUCTION_SERVER]: { task: "next start", required: [clerkSecretKey] },
};

export default function nextConfig(phase: string): NextConfig {
  // `next typegen` (in `typecheck`) loads this config as a build would, but needs no keys.
  const check = process.argv.includes("typegen") ? undefined : checks[phase];
  if (check) stopUnlessSet(check.required, process.env, check.task);
  return {};
}
