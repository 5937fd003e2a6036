import type { AuthConfig } from "convex/server";
import { env } from "./_generated/server";

// Convex accepts the session tokens of the Clerk instance whose issuer is CLERK_JWT_ISSUER_DOMAIN.
// Clerk's Convex integration (Clerk Dashboard > Integrations > Convex) makes Clerk's session tokens
// carry `aud: "convex"`, which `applicationID` must match; no JWT template is needed.
// Set the issuer on the deployment: npx convex env set CLERK_JWT_ISSUER_DOMAIN https://....clerk.accounts.dev
export default {
  providers: [
    {
      domain: env.CLERK_JWT_ISSUER_DOMAIN!,
      applicationID: "convex",
    },
  ],
} satisfies AuthConfig;
