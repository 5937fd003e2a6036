// Checks the environment when the dev server or the build starts (next.config.ts, vite.config.ts), so a
// missing key stops it with one clear message instead of a stack trace in the browser or in prerender.

export interface RequiredVariable {
  name: string;
  /** Where the value comes from and how to set it; `exec` runs a project binary (`npx`, `pnpm exec`…). */
  help: (exec: string) => string;
}

export const convexUrl = (name: string): RequiredVariable => ({
  name,
  help: (exec) =>
    `Your Convex deployment's URL. Run \`${exec} convex dev\`: it creates a dev deployment and writes ${name} ` +
    `to .env.local. For production, \`${exec} convex deploy --cmd '<build command>'\` sets it for the build.`,
});

export const clerkPublishableKey = (name: string): RequiredVariable => ({
  name,
  help: () =>
    `Clerk Dashboard → your application → API keys → Publishable key. Add it to .env.local:\n` +
    `      ${name}=pk_test_...`,
});

export const clerkSecretKey: RequiredVariable = {
  name: "CLERK_SECRET_KEY",
  help: () =>
    "Clerk Dashboard → your application → API keys → Secret key. Add it to .env.local:\n" +
    "      CLERK_SECRET_KEY=sk_test_...",
};

/** The command that runs a project binary for the package manager running this script. */
function execCommand(userAgent = ""): string {
  const manager = userAgent.split("/")[0];
  return manager === "pnpm"
    ? "pnpm exec"
    : manager === "yarn"
      ? "yarn"
      : manager === "bun"
        ? "bunx"
        : "npx";
}

/**
 * The message for the variables missing from `env` (undefined when none is): each name, where to get it and
 * how to set it. `task` names what needs them ("next build").
 */
function missingEnvMessage(
  required: readonly RequiredVariable[],
  env: Record<string, string | undefined>,
  task: string,
): string | undefined {
  const missing = required.filter((variable) => !env[variable.name]?.trim());
  if (missing.length === 0) return undefined;
  const exec = execCommand(env.npm_config_user_agent);
  const lines = missing.map((variable) => `  ${variable.name}\n    ${variable.help(exec)}`);
  return [
    `✖ ${task} needs ${missing.length === 1 ? "this environment variable" : "these environment variables"}:`,
    "",
    ...lines,
    "",
    "Set them in .env.local for development, or in your host's environment variables for a deploy (README.md).",
  ].join("\n");
}

/** Prints the message for the missing variables and ends the process (exit 1); does nothing when none is missing. */
export function stopUnlessSet(
  required: readonly RequiredVariable[],
  env: Record<string, string | undefined>,
  task: string,
): void {
  const missing = missingEnvMessage(required, env, task);
  if (missing) {
    console.error(missing);
    process.exit(1);
  }
}
