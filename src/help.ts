// --help, derived from the option declarations.
import { nameFlag, optionDefs, runFlags, templateFlag } from "./options.js";

export function helpText(version: string): string {
  const rows: [string, string][] = [];
  for (const def of Object.values(optionDefs)) {
    if (def.kind === "choice") {
      const values = `<${def.choices.map((c) => c.value).join("|")}>`;
      rows.push([
        def.bare ? `--${def.flag} [${values}]` : `--${def.flag} ${values}`,
        `${def.help} (default: ${def.defaultHelp ?? def.default})`,
      ]);
      const shorthands = [
        ...(def.bare ? [`--${def.flag} alone: ${def.bare}`] : []),
        ...(def.negated ? [`--no-${def.flag}: ${def.negated}`] : []),
      ];
      if (shorthands.length > 0) rows.push(["", shorthands.join("; ")]);
      for (const choice of def.choices) if (choice.hint) rows.push([`    ${choice.value}`, choice.hint]);
    } else {
      rows.push([`--${def.flag}, --no-${def.flag}`, `${def.help} (default: ${def.default ? "on" : "off"})`]);
    }
  }
  rows.push([`--${nameFlag.flag} <${nameFlag.value}>`, nameFlag.help]);
  rows.push([`--${templateFlag.flag} <${templateFlag.value}>`, templateFlag.help]);
  for (const [flag, def] of Object.entries(runFlags)) {
    rows.push([`${"short" in def ? `-${def.short}, ` : ""}--${flag}`, def.help]);
  }
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  return `create-convex-saas ${version}
Scaffold a Convex + Clerk SaaS: auth, users synced by webhook, payments (Clerk Billing or Polar), a convex-test suite,
ESLint + Prettier, a GitHub Actions workflow, vercel.json and AGENTS.md.

Usage:
  npm create convex-saas@latest [directory] -- [options]
  npx create-convex-saas [directory] [options]
  npx create-convex-saas add <teams|clerk|polar|next|vite|start>   in a project: add a feature (add --help)

  directory  where to create the project ("." for the current one); its name becomes the package name
             (made valid, or set with --name)

Options:
${rows.map(([left, right]) => `  ${left.padEnd(width)}${right}`).join("\n")}

Without a terminal (CI, pipes) nothing is asked: flags and defaults are used, and a directory is required.
Dependency versions follow the Node running this: 22.13+ gets the current majors (convex, svix, vitest);
Node 20 the last versions that support it.
Exit codes: 0 done, 1 failed, 2 usage error, 130 cancelled (Ctrl-C).
--force never deletes and never writes through a symbolic link; .gitignore, .env.example and README.md are extended.

Examples:
  npx create-convex-saas my-app
  npx create-convex-saas my-app --frontend vite --no-payments --pm pnpm --yes
  npx create-convex-saas my-app --payments polar --orgs
  npx create-convex-saas my-app --template gh:acme/saas-layers/house-style#v2

A private --template repository needs a token in GIGET_AUTH.
`;
}
