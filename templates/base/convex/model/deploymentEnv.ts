// The deployment's environment variables, read where they are used. A missing one is named in the logs with
// where its value comes from and the command that sets it (Convex dashboard → Logs, or `npx convex logs`).
// CLERK_JWT_ISSUER_DOMAIN is read by auth.config.ts: `convex dev` and `convex deploy` refuse to push without it
// and print the `convex env set` command themselves.
import { env } from "../_generated/server";

const variables = {
  CLERK_WEBHOOK_SECRET: {
    from: "your webhook endpoint's Signing Secret (Clerk Dashboard → Webhooks → the endpoint)",
    example: "whsec_...",
  },
  CLERK_SECRET_KEY: {
    from: "your Clerk instance's Secret Key (Clerk Dashboard → API keys), used to fetch what a webhook missed",
    example: "sk_...",
  },
  // @slot variables
};

export type DeploymentVariable = keyof typeof variables;

export function missingVariableMessage(name: DeploymentVariable): string {
  const { from, example } = variables[name];
  return (
    `${name} is not set on this Convex deployment. It is ${from}. ` +
    `Set it with: npx convex env set ${name} ${example} (add --prod for the production deployment).`
  );
}

/** The variable's value; when it is not set, logs what to do and returns undefined. */
export function deploymentEnv(name: DeploymentVariable): string | undefined {
  const value = env[name]?.trim();
  if (value) return value;
  console.error(missingVariableMessage(name));
  return undefined;
}
