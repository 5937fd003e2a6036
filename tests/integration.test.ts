// The installed combinations (tests/helpers.ts: every pair of option values), for real: the CLI writes and installs it; without keys its build stops with
// the env check's message; then its own CI workflow's steps run in order (install, typecheck, lint, format check,
// tests, build); it must match `convex codegen`, send a signed webhook, and (with a frontend) render in Chromium.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { delimiter, join } from "node:path";
import { execa, type Options } from "execa";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { placeholderBuildEnv } from "../src/ci-workflow.js";
import { optionDefs } from "../src/options.js";
import { nodeLineFor } from "../src/versions.js";
import {
  cliPath,
  installedCombinations,
  readTree,
  removeDir,
  repoRoot,
  runChecked,
  tempDir,
  workflowChecks,
} from "./helpers.js";
import { builtCss, checkPages, loadPage, serve, snapshotPages } from "./browser.js";
import { codegenArgs, fakeConvexDeployment } from "./fake-convex-deployment.js";
import { verifyingServer } from "./webhook-server.js";

const root = tempDir("ccs-integration-");
const timings: Record<string, Record<string, number>> = {};
const footprints: Record<string, { packages: number; onDisk: number; megabytes: number; suite: string }> = {};

/** Installed package folders: node_modules/<name> and node_modules/@scope/<name>, nested node_modules included. */
function installedPackages(dir: string): number {
  let count = 0;
  const walk = (modules: string) => {
    if (!existsSync(modules)) return;
    for (const entry of readdirSync(modules, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name.startsWith(".")) continue;
      const folders = entry.name.startsWith("@")
        ? readdirSync(join(modules, entry.name), { withFileTypes: true })
            .filter((scoped) => scoped.isDirectory())
            .map((scoped) => join(modules, entry.name, scoped.name))
        : [join(modules, entry.name)];
      for (const folder of folders) {
        if (existsSync(join(folder, "package.json"))) count += 1;
        walk(join(folder, "node_modules"));
      }
    }
  };
  walk(join(dir, "node_modules"));
  return count;
}
afterAll(() => {
  const phases = [...new Set(Object.values(timings).flatMap((t) => Object.keys(t)))];
  const ran = Object.entries(timings).filter(([, t]) => Object.keys(t).length > 0);
  const rows = ran.map(([combo, t]) => {
    const footprint = footprints[combo];
    return [
      combo,
      ...phases.map((p) => (t[p] ? `${(t[p] / 1000).toFixed(1)}s` : "-")),
      footprint ? String(footprint.onDisk) : "-",
      footprint ? String(footprint.packages) : "-",
      footprint ? `${footprint.megabytes.toFixed(0)} MB` : "-",
      footprint?.suite ?? "-",
    ];
  });
  const header = ["combination", ...phases, "packages on disk", "lock entries", "node_modules", "own tests"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ");
  console.log(`\nPer-combination timings\n${line(header)}\n${rows.map(line).join("\n")}\n`);
  removeDir(root);
}, 300_000); // removing six node_modules takes a while

const fakeKeys = {
  // pk_live_ + base64("clerk.example.com$"): a pk_test_ key would redirect to Clerk's dev handshake.
  NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: `pk_live_${Buffer.from("clerk.example.com$").toString("base64")}`,
  CLERK_SECRET_KEY: "sk_live_fake",
  NEXT_PUBLIC_CONVEX_URL: "https://happy-otter-123.convex.cloud",
  VITE_CLERK_PUBLISHABLE_KEY: `pk_live_${Buffer.from("clerk.example.com$").toString("base64")}`,
  VITE_CONVEX_URL: "https://happy-otter-123.convex.cloud",
};

// A frontend that needs a newer Node than this one (TanStack Start: 22.13+) runs every step on Node 24 from the npm
// registry (the package node@24), installed once into the run's temp folder.
let node24: Promise<string> | undefined;
const node24Bin = () =>
  (node24 ??= runChecked("npm", ["install", "--prefix", join(root, "node24"), "--no-audit", "--no-fund", "node@24"], {
    cwd: root,
  }).then(() => join(root, "node24/node_modules/.bin")));
const needsNewerNode = (frontend: string) =>
  optionDefs.frontend.choices.some((choice) => choice.value === frontend && choice.nodeLine !== undefined) &&
  nodeLineFor(process.versions.node) < 22;

// The installed combinations, and one with a --template layer that adds a feature through slots (tests/fixtures/layers).
const cases: ((typeof installedCombinations)[number] & { template?: string })[] = [
  ...installedCombinations,
  { frontend: "vite", payments: "clerk", orgs: true, template: join(repoRoot, "tests/fixtures/layers/sign-ins") },
];

describe.concurrent.each(cases)(
  "--frontend=$frontend --payments=$payments --orgs=$orgs --template=$template",
  ({ frontend, payments, orgs, template }) => {
    const name = `app-${frontend}-${payments}${orgs ? "-orgs" : ""}${template ? "-template" : ""}`;
    const dir = join(root, name);
    const time = (timings[name] = {} as Record<string, number>);
    let path = process.env.PATH!;
    const step = async (phase: string, file: string, args: string[], options: Options = {}) => {
      const started = Date.now();
      try {
        return await runChecked(file, args, { cwd: dir, ...options, env: { PATH: path, ...options.env } });
      } finally {
        time[phase] = Date.now() - started;
      }
    };

    it("is generated, installed, checked, tested, built and rendered", { timeout: 30 * 60_000 }, async () => {
      if (needsNewerNode(frontend)) path = `${await node24Bin()}${delimiter}${path}`;
      await step(
        "create+install",
        "node",
        [
          cliPath,
          name,
          `--frontend=${frontend}`,
          `--payments=${payments}`,
          orgs ? "--orgs" : "--no-orgs",
          "--pm=npm",
          "--no-git",
          ...(template ? ["--template", template] : []),
        ],
        {
          cwd: root,
          env: { npm_config_prefer_offline: "true", npm_config_audit: "false", npm_config_fund: "false" },
        },
      );

      // What the CLI wrote, before anything runs: convex/_generated and a stored route tree (TanStack Start).
      const written = readTree(join(dir, "convex/_generated"));
      const routeTree = join(dir, "src/routeTree.gen.ts");
      const storedRouteTree = existsSync(routeTree) ? readFileSync(routeTree, "utf8") : undefined;
      const lock = JSON.parse(readFileSync(join(dir, "package-lock.json"), "utf8")) as {
        packages: Record<string, unknown>;
      };
      const du = await execa("du", ["-sm", "node_modules"], { cwd: dir });

      // Without its public keys, the build stops at once, naming each key and how to get it: no stack trace.
      if (frontend !== "none") {
        const bare = await execa("npm", ["run", "build"], { cwd: dir, reject: false, all: true, env: { PATH: path } });
        expect(bare.exitCode, bare.all).not.toBe(0);
        for (const key of Object.keys(placeholderBuildEnv[frontend])) expect(bare.all).toContain(key);
        expect(bare.all).toContain("npx convex dev");
        expect(bare.all).not.toMatch(/^\s+at /m);
      }

      // The project's own CI workflow: every `run:` step in order, with the job's env, as GitHub Actions runs them
      // (install, typecheck, lint, format:check, test, build).
      const workflow = parse(readFileSync(join(dir, ".github/workflows/ci.yml"), "utf8")) as {
        jobs: Record<string, { env?: Record<string, string>; steps: { run?: string }[] }>;
      };
      const outputs: Record<string, string> = {};
      for (const job of Object.values(workflow.jobs)) {
        for (const { run } of job.steps) {
          if (!run) continue;
          const phase = run.replace(/^npm (run )?/, "");
          outputs[phase] = await step(phase, "bash", ["-eo", "pipefail", "-c", run], { env: { ...job.env } });
        }
      }
      expect(Object.keys(outputs)).toEqual(["ci", ...workflowChecks(frontend)]);
      expect(outputs.lint).not.toMatch(/\d+ problems?/);
      if (storedRouteTree !== undefined) expect(readFileSync(routeTree, "utf8")).toBe(storedRouteTree);

      // convex/_generated as the CLI wrote it must equal what Convex's own codegen writes with a deployment (as
      // `convex dev` does), here a fake one that evaluates convex.config.ts for the components it installs.
      const deployment = await fakeConvexDeployment();
      try {
        await step("codegen", "npx", codegenArgs(deployment.url), { env: { CI: "1" } });
      } finally {
        await deployment.close();
      }
      expect(readTree(join(dir, "convex/_generated"))).toEqual(written);

      const tests = outputs.test!;
      footprints[name] = {
        packages: Object.keys(lock.packages).filter((path) => path !== "").length,
        onDisk: installedPackages(dir),
        megabytes: Number(du.stdout.split("\t")[0]),
        suite: /Duration\s+([\d.]+m?s)/.exec(tests)?.[1] ?? "?",
      };
      const passed = Number(/Tests\s+(\d+) passed/.exec(tests)?.[1] ?? 0);
      expect(passed, tests).toBeGreaterThanOrEqual(payments === "none" ? 10 : 20);
      expect(tests).not.toMatch(/skipped|todo/);
      if (template) expect(tests).toContain("signIns.test.ts");

      // webhook:send, as a user runs it, against a local server that verifies the signature with svix.
      const secret = `whsec_${Buffer.from("integration-test-secret").toString("base64")}`;
      const receiver = await verifyingServer(secret);
      try {
        const sent = await step(
          "webhook:send",
          "npm",
          ["run", "webhook:send", "--", "user.created", "--user", "user_integration", "--url", receiver.url],
          {
            env: { CLERK_WEBHOOK_SECRET: secret },
          },
        );
        expect(sent).toContain("200 OK");
        expect(sent).not.toContain(secret);
        expect(receiver.received.map((event) => [event.type, event.data.id])).toEqual([
          ["user.created", "user_integration"],
        ]);
        const forged = await execa("npm", ["run", "webhook:send", "--", "user.created", "--url", receiver.url], {
          cwd: dir,
          reject: false,
          all: true,
          env: { PATH: path, CLERK_WEBHOOK_SECRET: `whsec_${Buffer.from("another-secret").toString("base64")}` },
        });
        expect(forged.exitCode).not.toBe(0);
        expect(forged.all).toContain("400");
        expect(receiver.received).toHaveLength(1);
      } finally {
        await receiver.close();
      }

      // The workflow's build (above) is what Chromium renders: its placeholder keys are well-formed production ones.
      if (frontend === "none") return;

      const server = await serve(frontend, dir, { ...fakeKeys, PATH: path });
      try {
        if (frontend === "start") {
          // Protected on the server: a signed-out request is redirected before anything renders, to sign-in with
          // the page it asked for (path and search) to come back to.
          for (const page of payments === "none" ? ["dashboard"] : ["dashboard", "dashboard/pro?tab=plans"]) {
            const response = await fetch(new URL(page, server.url), { redirect: "manual" });
            const location = `/sign-in?redirect=${encodeURIComponent(`/${page}`)}`;
            expect([response.status, response.headers.get("location")], page).toEqual([307, location]);
          }
        }
        const started = Date.now();
        const page = await loadPage(server.url);
        time.chromium = Date.now() - started;
        expect(page.pageErrors).toEqual([]);
        expect(page.heroHeading.length).toBeGreaterThan(0);
        expect(page.hasPricing).toBe(payments !== "none");
        expect(page.violations).toEqual({ 1280: [], 390: [] });
        console.log(
          `${name}: Chromium rendered "${page.heroHeading}" (pricing: ${page.hasPricing}, page errors: ${page.pageErrors.length}, axe violations: 0)`,
        );
      } finally {
        await server.stop();
      }

      // Every signed-in page and state the project's rendered UI tests leave, in this frontend's built styles, at
      // both widths (UI_SCREENSHOTS=dir also saves a screenshot of each, to check by eye). Once per frontend, with
      // every feature: its tests render every page and state the others have; and the Polar pages, with teams.
      if (payments === "none" || !orgs || template) return;
      const started = Date.now();
      const pages = await snapshotPages(dir, { PATH: path });
      const shots = process.env.UI_SCREENSHOTS && join(process.env.UI_SCREENSHOTS, name);
      const violations = await checkPages(pages, builtCss(dir), shots);
      time.axe = Date.now() - started;
      expect(pages.size).toBeGreaterThanOrEqual(40);
      expect(violations).toEqual({});
      console.log(`${name}: axe-core checked ${pages.size} signed-in page states at 1280 and 390 px: 0 violations`);
    });
  },
);

// `add teams` on a project its owner edited, for real: the CLI installs what the feature needs, then the project's
// own checks pass, and convex/_generated is what Convex's codegen writes for the merged project.
describe("add", () => {
  it(
    "teams, on an edited Vite project with Clerk Billing: installs, type-checks, lints, passes its suites, builds",
    { timeout: 30 * 60_000 },
    async () => {
      const name = "app-vite-clerk-add-teams";
      const dir = join(root, name);
      const time = (timings[name] = {} as Record<string, number>);
      const run = async (phase: string, file: string, args: string[], env: Record<string, string> = {}) => {
        const started = Date.now();
        try {
          return await runChecked(file, args, { cwd: dir, env: { PATH: process.env.PATH!, ...env } });
        } finally {
          time[phase] = Date.now() - started;
        }
      };
      await runChecked(
        "node",
        [cliPath, name, "--frontend=vite", "--payments=clerk", "--no-orgs", "--no-install", "--no-git"],
        { cwd: root },
      );
      const git = (...args: string[]) =>
        runChecked("git", ["-c", "user.name=Owner", "-c", "user.email=owner@example.com", ...args], { cwd: dir });
      await git("init", "-q");
      await git("add", "-A");
      await git("commit", "-qm", "as generated");
      const edit = (path: string, change: (text: string) => string) =>
        writeFileSync(join(dir, path), change(readFileSync(join(dir, path), "utf8")));
      edit("convex/schema.ts", (text) =>
        text.replace(/\n\}\);\n$/, '\n  notes: defineTable({ text: v.string() }).index("by_text", ["text"]),\n});\n'),
      );
      edit("README.md", (text) => `${text}\n## Our release process\n\nTag, then deploy.\n`);
      edit("src/components/landing/hero.tsx", (text) =>
        text.replace("Ship your SaaS, not its plumbing", "Notes for busy teams"),
      );
      await git("commit", "-qam", "the owner's edits");

      const added = await run("add+install", "node", [cliPath, "add", "teams"], {
        npm_config_prefer_offline: "true",
        npm_config_audit: "false",
        npm_config_fund: "false",
      });
      expect(added).toContain("Added teams");
      const schema = readFileSync(join(dir, "convex/schema.ts"), "utf8");
      expect(schema).toContain("notes: defineTable");
      expect(schema).toContain("...orgTables");
      for (const script of workflowChecks("vite")) {
        await run(script, "npm", ["run", script], script === "build" ? placeholderBuildEnv.vite : {});
      }
      const written = readTree(join(dir, "convex/_generated"));
      const deployment = await fakeConvexDeployment();
      try {
        await run("codegen", "npx", codegenArgs(deployment.url), { CI: "1" });
      } finally {
        await deployment.close();
      }
      expect(readTree(join(dir, "convex/_generated"))).toEqual(written);
    },
  );
});
