import type { AuthConfig } from "convex/server";

// Convex accepts JWTs from the Clerk instance whose issuer is CLERK_JWT_ISSUER_DOMAIN,
// minted by the "convex" JWT template (Clerk's Convex integration creates it).
// Set it on the deployment: npx convex env set CLERK_JWT_ISSUER_DOMAIN https://....clerk.accounts.dev
export default {
  providers: [
    {
      domain: process.env.CLERK_JWT_ISSUER_DOMAIN!,
      applicationID: "convex",
    },
  ],
} satisfies AuthConfig;
