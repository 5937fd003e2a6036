// The one declaration of every option. Flags, prompts, validation, --help, the reproducible command, the project
// options the generator takes and the tests' matrix are all derived from this list: adding a frontend is one entry in
// `frontend.choices` plus a layer folder, adding a feature is one option here plus its layers.

import type { NodeLine } from "./versions.js";

export type PackageManager = "npm" | "pnpm" | "yarn" | "bun";

export interface Choice<V extends string> {
  value: V;
  label: string;
  hint: string;
  /** Template layers this choice adds (folders under templates/). */
  layers: readonly string[];
  /** The oldest Node line this choice works on, when it needs more than every other choice (see resolve-project.ts). */
  nodeLine?: NodeLine;
}

/** "project": the value shapes the generated files (a field of ProjectOptions); "run": it steers this run only. */
export type Scope = "project" | "run";

interface OptionBase<S extends Scope> {
  scope: S;
  /** Long flag name, without the leading dashes. */
  flag: string;
  /** One line for --help. */
  help: string;
  /** The question asked when the flag is not given (omit: never prompted). */
  prompt?: string;
  /** How --help describes the default, when it is not a fixed value. */
  defaultHelp?: string;
}

export interface ChoiceOption<V extends string = string, S extends Scope = Scope> extends OptionBase<S> {
  kind: "choice";
  choices: readonly Choice<V>[];
  default: V;
  /** The value of the flag given alone (`--payments`), for an option that used to be a boolean. */
  bare?: V;
  /** The value of `--no-<flag>`, for an option that used to be a boolean. */
  negated?: V;
}

export interface BooleanOption<S extends Scope = Scope> extends OptionBase<S> {
  kind: "boolean";
  default: boolean;
  /** Template layers added when the option is on. */
  layers?: readonly string[];
}

const frontend: ChoiceOption<"next" | "vite" | "start" | "none", "project"> = {
  kind: "choice",
  scope: "project",
  flag: "frontend",
  help: "Frontend for the app",
  prompt: "Which frontend?",
  default: "next",
  choices: [
    {
      value: "next",
      label: "Next.js",
      hint: "App Router, server rendering, proxy.ts route protection",
      layers: ["react", "next"],
    },
    {
      value: "vite",
      label: "React + Vite",
      hint: "single-page app with React Router, deploys as static files",
      layers: ["react", "vite"],
    },
    {
      value: "start",
      label: "TanStack Start",
      hint: "server rendering, file routes, server functions (Node 22.13+)",
      layers: ["react", "start"],
      nodeLine: 22,
    },
    { value: "none", label: "None", hint: "the Convex backend only, bring your own client", layers: ["none"] },
  ],
};

const payments: ChoiceOption<"clerk" | "polar" | "none", "project"> = {
  kind: "choice",
  scope: "project",
  flag: "payments",
  help: "Payments: plans checked in Convex, a Pro page, a free limit",
  prompt: "Payments?",
  default: "clerk",
  // Earlier versions had a boolean --payments (Clerk Billing): the commands they printed still work.
  bare: "clerk",
  negated: "none",
  choices: [
    {
      value: "clerk",
      label: "Clerk Billing",
      hint: "Clerk's pricing table and payment history; you are the seller (USD)",
      layers: ["billing", "clerk-billing"],
    },
    {
      value: "polar",
      label: "Polar",
      hint: "merchant of record (taxes handled): checkout links, customer portal",
      layers: ["billing", "polar"],
    },
    { value: "none", label: "None", hint: "no plans: every account gets the free limit", layers: [] },
  ],
};

const orgs: BooleanOption<"project"> = {
  kind: "boolean",
  scope: "project",
  flag: "orgs",
  help: "Teams: Clerk Organizations synced to Convex, team-owned projects, team plans",
  prompt: "Teams (Clerk Organizations)?",
  default: false,
  layers: ["orgs"],
};

const pm: ChoiceOption<PackageManager, "project"> = {
  kind: "choice",
  scope: "project",
  flag: "pm",
  help: "Package manager",
  defaultHelp: "the one that ran this command, else npm",
  default: "npm",
  choices: [
    { value: "npm", label: "npm", hint: "", layers: [] },
    { value: "pnpm", label: "pnpm", hint: "", layers: ["pnpm"] },
    { value: "yarn", label: "yarn", hint: "", layers: ["yarn"] },
    { value: "bun", label: "bun", hint: "", layers: [] },
  ],
};

const install: BooleanOption<"run"> = {
  kind: "boolean",
  scope: "run",
  flag: "install",
  help: "Install dependencies",
  prompt: "Install dependencies now?",
  default: true,
};

const git: BooleanOption<"run"> = {
  kind: "boolean",
  scope: "run",
  flag: "git",
  help: "Initialise a git repository with a first commit",
  prompt: "Initialise a git repository?",
  default: true,
};

/** Options in the order they are prompted and listed in --help. */
export const optionDefs = { frontend, payments, orgs, pm, install, git } as const;

export type OptionDefs = typeof optionDefs;
export type OptionKey = keyof OptionDefs;
export type ValueOf<D> = D extends ChoiceOption<infer V> ? V : boolean;
export type OptionValues = { -readonly [K in OptionKey]: ValueOf<OptionDefs[K]> };

/** The options whose value shapes the generated files. */
export type ProjectOptionKey = { [K in OptionKey]: OptionDefs[K]["scope"] extends "project" ? K : never }[OptionKey];

/** What the generator needs: the options that shape the files, plus the package name and the Node line. */
export type ProjectOptions = Pick<OptionValues, ProjectOptionKey> & {
  name: string;
  /** The Node line whose dependency versions are written (src/versions.ts). */
  node: NodeLine;
  /** `name@version` for package.json's `packageManager`, when the manager that ran the CLI is the one chosen. */
  packageManager?: string;
};

export const projectOptionKeys = (Object.keys(optionDefs) as OptionKey[]).filter(
  (key): key is ProjectOptionKey => optionDefs[key].scope === "project",
);

/** The project's share of a full set of option values. */
export function projectValues(values: OptionValues): Pick<OptionValues, ProjectOptionKey> {
  return Object.fromEntries(projectOptionKeys.map((key) => [key, values[key]])) as Pick<OptionValues, ProjectOptionKey>;
}

/** A template layer (giget source or a local folder), applied after the built-in layers. Not prompted. */
export const templateFlag = {
  flag: "template",
  value: "source",
  help: "Add a layer: gh:owner/repo/dir#ref, gitlab:…, bitbucket:…, https://…/x.tar.gz, or ./local-folder",
} as const;

/** The package.json name, when it should differ from the directory's name. Not prompted unless that name is invalid. */
export const nameFlag = {
  flag: "name",
  value: "package-name",
  help: "package.json name (default: the directory's name; a valid one close to it when it is not valid)",
} as const;

/** The --template forms, as a usage error shows them. */
export const templateForms = [
  "gh:owner/repo[/folder][#ref]   GitHub (also github:, or a bare owner/repo)",
  "gitlab:owner/repo[/folder][#ref], bitbucket:…, sourcehut:…",
  "https://host/path/layer.tar.gz  an archive whose top folder holds the layer",
  "./folder, ../folder, /abs/folder  a local layer folder",
];

/** What kind of --template source this is, or a usage error message. */
export function templateKind(source: string): { kind: "remote" | "local" } | { error: string } {
  const forms = `Accepted forms:\n${templateForms.map((form) => `  ${form}`).join("\n")}`;
  if (!source.trim()) return { error: `--template needs a source. ${forms}` };
  if (/^(\.{1,2}|~)?([/\\]|$)/.test(source) || /^[a-zA-Z]:[/\\]/.test(source)) return { kind: "local" };
  const repo = /^[\w.-]+\/[\w.-]+(\/[^#\s]*)?(#[\w./@-]+)?$/;
  const provider = /^(gh|github|gitlab|bitbucket|sourcehut):(.*)$/.exec(source);
  if (provider && repo.test(provider[2]!.replace(/^~/, "")) && !provider[2]!.startsWith(".")) return { kind: "remote" };
  if (!provider && !source.startsWith(".") && repo.test(source) && !/^[^/]*:/.test(source)) return { kind: "remote" };
  if (/^https?:\/\/[^/\s]+\/\S+$/.test(source)) return { kind: "remote" };
  return { error: `--template "${source}" is not a template source. ${forms}` };
}

/** Flags that steer the run rather than the project. */
export const runFlags = {
  offline: { help: "Use giget's cache only for --template (no download)" },
  yes: { short: "y", help: "Take the default for every option not given (no prompts)" },
  force: { help: "Write into a non-empty directory (overwrites same-named files, extends .gitignore…; never deletes)" },
  "dry-run": { help: "List what would happen to each file, write nothing (exits as a real run would)" },
  help: { short: "h", help: "Show this help" },
  version: { short: "v", help: "Show the version" },
} as const;

export function defaults(): OptionValues {
  const values = {} as Record<string, unknown>;
  for (const [key, def] of Object.entries(optionDefs)) values[key] = def.default;
  return values as OptionValues;
}

/** Template layers for a set of option values, in application order (base first). */
export function selectedLayers(values: Partial<OptionValues>): string[] {
  const layers = ["base"];
  for (const [key, def] of Object.entries(optionDefs)) {
    const value = (values as Record<string, unknown>)[key];
    if (value === undefined) continue;
    if (def.kind === "choice") layers.push(...(def.choices.find((c) => c.value === value)?.layers ?? []));
    else if (value === true) layers.push(...(def.layers ?? []));
  }
  return layers;
}

/** The Node line the chosen options need, and the choice that needs it, when one of them sets `nodeLine`. */
export function nodeRequirement(values: Partial<OptionValues>): { line: NodeLine; by: string } | undefined {
  for (const [key, def] of Object.entries(optionDefs)) {
    if (def.kind !== "choice") continue;
    const choice = def.choices.find((c) => c.value === (values as Record<string, unknown>)[key]);
    if (choice?.nodeLine) return { line: choice.nodeLine, by: choice.label };
  }
  return undefined;
}

/** Checks a flag value against a choice option; returns an error message or undefined. */
export function checkChoice(def: ChoiceOption, value: string): string | undefined {
  if (def.choices.some((c) => c.value === value)) return undefined;
  return `Invalid --${def.flag} "${value}". Expected one of: ${def.choices.map((c) => c.value).join(", ")}.`;
}
