// The closing message: what to run next, and the command that makes this project again.
import { relative } from "node:path";
import {
  nameFlag,
  optionDefs,
  templateFlag,
  type BooleanOption,
  type ChoiceOption,
  type OptionDefs,
  type OptionKey,
  type OptionValues,
  type ProjectOptions,
} from "./options.js";
import { commands } from "./package-manager.js";
import { nodeLineFor, nodeLines, versionFor } from "./versions.js";

/** The note for a project on the Node 20 line: what Node 22 would give it, with the map's ranges. */
export function node20Note(): string {
  const current = ["convex", "svix", "vitest"].map((dep) => `${dep} ${versionFor(dep, 22)}`).join(", ");
  return `Node 20 is end-of-life since April 2026 (no more security fixes); on Node 22.13+ this CLI writes ${current}, which need Node 22.`;
}

export const shellQuote = (word: string) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`);

/** The flag that sets an option to `value`: `--frontend=vite`, `--payments`, `--no-git`. */
export function optionFlag(def: ChoiceOption | BooleanOption, value: string | boolean): string {
  if (def.kind === "choice") return `--${def.flag}=${shellQuote(String(value))}`;
  return value ? `--${def.flag}` : `--no-${def.flag}`;
}

/**
 * The command that makes this project again. Every project option is written out, so that a later default cannot
 * change the project; a run option only when it differs from its default.
 */
export function reproduceCommand(
  directory: string,
  values: OptionValues,
  { template, name }: { template?: string; name?: string } = {},
): string {
  const flags = name ? [`--${nameFlag.flag}=${shellQuote(name)}`] : [];
  for (const [key, def] of Object.entries(optionDefs) as [OptionKey, OptionDefs[OptionKey]][]) {
    const value = values[key];
    if (def.scope === "project" || value !== def.default) flags.push(optionFlag(def, value));
  }
  if (template) flags.push(`--${templateFlag.flag}=${shellQuote(template)}`);
  return `npx create-convex-saas@latest ${shellQuote(directory)} ${[...flags, "--yes"].join(" ")}`;
}

export function nextSteps(
  dir: string,
  options: ProjectOptions,
  installed: boolean,
  cwd = process.cwd(),
  runningNode = process.versions.node,
): string[] {
  const { run, exec, install } = commands[options.pm];
  const rel = relative(cwd, dir);
  const withFrontend = options.frontend !== "none";
  // [command, why]; a step without a command is a note.
  const steps: [string, string][] = [
    ...(rel ? [[`cd ${shellQuote(rel)}`, ""] as [string, string]] : []),
    ...(installed ? [] : [[install, ""] as [string, string]]),
    [
      "",
      `Clerk: create an application, activate its Convex integration${withFrontend ? ", put its API keys in .env.local" : ""}`,
    ],
    [`${exec} convex dev`, "log in to Convex, create your dev deployment, keep it running"],
    [`${exec} convex env set CLERK_JWT_ISSUER_DOMAIN https://<your-app>.clerk.accounts.dev`, ""],
    ["", "Clerk › Webhooks: add https://<deployment>.convex.site/clerk-users-webhook, then:"],
    [`${exec} convex env set CLERK_WEBHOOK_SECRET whsec_...`, ""],
    ...(options.orgs
      ? [
          [
            "",
            "Clerk › Organizations: enable them; subscribe the webhook to organization.* and organizationMembership.*",
          ] as [string, string],
        ]
      : []),
    ...(options.payments === "polar"
      ? [
          [
            "",
            "Polar (sandbox.polar.sh): a Pro product, a token, a webhook to https://<deployment>.convex.site/polar/events; README › Polar",
          ] as [string, string],
          [`${exec} convex env set POLAR_PRO_PRODUCT_IDS <product-id>`, ""] as [string, string],
          [`${exec} convex env set POLAR_ORGANIZATION_TOKEN polar_oat_...`, ""] as [string, string],
          [`${exec} convex env set POLAR_WEBHOOK_SECRET whsec_...`, ""] as [string, string],
        ]
      : []),
    ...(withFrontend ? [[`${run} dev`, "app and backend together"] as [string, string]] : []),
    [`${run} test`, "the backend's own test suite"],
    ...(options.node === 20 ? [["", node20Note()] as [string, string]] : []),
    ...(nodeLineFor(runningNode) < options.node
      ? [
          [
            "",
            `This project needs Node.js ${nodeLines[options.node].readme} (this is ${runningNode}): install and run it with that.`,
          ] as [string, string],
        ]
      : []),
  ];
  const width = Math.max(...steps.filter(([command, why]) => command && why).map(([command]) => command.length));
  return steps.map(([command, why]) => (!command ? `# ${why}` : why ? `${command.padEnd(width)}  # ${why}` : command));
}
