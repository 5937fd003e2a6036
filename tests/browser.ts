// Serves a built frontend on localhost and loads it in headless Debian Chromium through playwright-core; checks
// pages with axe-core, the built landing page and the signed-in pages the project's rendered UI tests leave.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer as createHttpServer } from "node:http";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { join } from "node:path";
import { execa } from "execa";
import { chromium, type Browser, type Page } from "playwright-core";
import { repoRoot } from "./helpers.js";

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "localhost", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

const serveCommands: Record<string, (port: number) => string[]> = {
  next: (port) => ["next", "start", "--hostname", "localhost", "--port", String(port)],
  vite: (port) => ["vite", "preview", "--host", "localhost", "--port", String(port), "--strictPort"],
  // The project's `start` script, on a chosen port.
  start: (port) => [
    "srvx",
    "--prod",
    "-s",
    "../client",
    "--host",
    "localhost",
    "--port",
    String(port),
    "dist/server/server.js",
  ],
};

export async function serve(frontend: string, dir: string, env: Record<string, string>) {
  const port = await freePort();
  const command = serveCommands[frontend];
  if (!command) throw new Error(`no serve command for ${frontend}`);
  const [bin, ...args] = command(port) as [string, ...string[]];
  // The project's own binary, not `npx`: killing an npx wrapper would leave the server running.
  const server = execa(join(dir, "node_modules/.bin", bin), args, {
    cwd: dir,
    env,
    stdin: "ignore",
    reject: false,
    all: true,
  });
  const url = `http://localhost:${port}/`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(url)).status < 500) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || server.exitCode !== null) throw new Error(`server did not start: ${server.all}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    stop: async () => {
      server.kill();
      await server;
    },
  };
}

export interface PageCheck {
  heroHeading: string;
  hasPricing: boolean;
  pageErrors: string[];
  /** axe-core's WCAG 2 A/AA violations, at each viewport width. */
  violations: Record<string, string[]>;
}

/** The widths every page is checked at: a desktop and a phone (390 px: iPhone 12 to 16). */
export const viewports = { 1280: { width: 1280, height: 800 }, 390: { width: 390, height: 844 } };

const launch = () =>
  chromium.launch({
    executablePath: chromiumPath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-quic",
      "--no-first-run",
    ],
  });

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** axe-core's violations of WCAG 2.0, 2.1 and 2.2 levels A and AA on the page as it is now, one line each. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const { axe } = window as unknown as {
      axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> };
    };
    const tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
    return (await axe.run(document, { runOnly: { type: "tag", values: tags } })).violations;
  });
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(" | ")})`);
}
interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

export async function loadPage(url: string): Promise<PageCheck> {
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: viewports[1280] });
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    // There is no Clerk here: its frontend API (the fake key's clerk.example.com) answers with an empty script,
    // as a Clerk that has not signed anyone in yet would render nothing. Anything else off this machine is refused.
    await page.route(/^https?:\/\/(?!localhost[:/])/, (route) =>
      route.request().resourceType() === "script"
        ? route.fulfill({ contentType: "text/javascript", body: "" })
        : route.abort(),
    );
    await page.goto(url, { waitUntil: "load" });
    const hero = page.locator("#hero h1");
    await hero.waitFor({ timeout: 15_000 });
    await page.waitForTimeout(3_000); // let client scripts run so late errors surface
    const violations: Record<string, string[]> = {};
    for (const [width, size] of Object.entries(viewports)) {
      await page.setViewportSize(size);
      violations[width] = await axeViolations(page);
    }
    return {
      heroHeading: (await hero.innerText()).trim(),
      hasPricing: (await page.locator("#pricing").count()) > 0,
      pageErrors,
      violations,
    };
  } finally {
    await browser.close();
  }
}

/**
 * Runs a generated project's rendered UI tests (`test:ui`) with tests/fixtures/ui-snapshots/setup.ts added, and
 * returns the page each test left, by test name.
 */
export async function snapshotPages(dir: string, env: Record<string, string>): Promise<Map<string, string>> {
  const out = join(dir, "ui-snapshots");
  mkdirSync(out, { recursive: true });
  const fixtures = join(repoRoot, "tests/fixtures/ui-snapshots");
  writeFileSync(join(dir, "vitest.snapshots.config.ts"), readFileSync(join(fixtures, "vitest.config.ts")));
  writeFileSync(join(dir, "ui-snapshots.setup.ts"), readFileSync(join(fixtures, "setup.ts")));
  await execa("npx", ["vitest", "run", "--config", "vitest.snapshots.config.ts"], {
    cwd: dir,
    env: { ...env, UI_SNAPSHOT_DIR: out },
    stdin: "ignore",
  });
  const pages = new Map<string, string>();
  for (const file of readdirSync(out).sort()) {
    const html = readFileSync(join(out, file), "utf8");
    pages.set(/^<!-- (.*) -->/.exec(html)![1]!, html);
  }
  return pages;
}

/** Every stylesheet a frontend's build wrote (Next: .next/static, Vite: dist, TanStack Start: dist/client). */
export function builtCss(dir: string): string {
  const sheets: string[] = [];
  const walk = (folder: string) => {
    if (!existsSync(folder)) return;
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".css")) sheets.push(readFileSync(path, "utf8"));
    }
  };
  for (const output of [".next/static", "dist"]) walk(join(dir, output));
  if (sheets.length === 0) throw new Error(`no built CSS in ${dir}: build the frontend first`);
  return sheets.join("\n");
}

/**
 * Serves each page (a body, from snapshotPages) in a harness page with the frontend's built CSS on localhost, loads
 * it in Chromium at each viewport width, and returns axe-core's violations by page and width. With
 * `screenshots`, also saves a full-page PNG of each there.
 */
export async function checkPages(
  pages: Map<string, string>,
  css: string,
  screenshots?: string,
): Promise<Record<string, string[]>> {
  const names = [...pages.keys()];
  const server = createHttpServer((request, response) => {
    const name = names[Number(request.url!.slice(1))];
    if (request.url === "/styles.css") {
      response.writeHead(200, { "content-type": "text/css" }).end(css);
    } else if (name !== undefined) {
      const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${name.replace(/</g, "&lt;")}</title><link rel="stylesheet" href="/styles.css"></head><body class="flex min-h-screen flex-col bg-white text-zinc-900 antialiased">${pages.get(name)}</body></html>`;
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "localhost", resolve));
  const { port } = server.address() as { port: number };
  let browser: Browser | undefined;
  try {
    browser = await launch();
    const page = await browser.newPage();
    const violations: Record<string, string[]> = {};
    if (screenshots) mkdirSync(screenshots, { recursive: true });
    for (const [index, name] of names.entries()) {
      await page.goto(`http://localhost:${port}/${index}`, { waitUntil: "load" });
      for (const [width, size] of Object.entries(viewports)) {
        await page.setViewportSize(size);
        const found = await axeViolations(page);
        if (found.length > 0) violations[`${name} @ ${width}px`] = found;
        if (screenshots) {
          const file = `${String(index).padStart(2, "0")}-${width}-${name.replace(/[^a-z0-9]+/gi, "-").slice(0, 80)}.png`;
          await page.screenshot({ path: join(screenshots, file), fullPage: true });
        }
      }
    }
    return violations;
  } finally {
    await browser?.close();
    server.close();
  }
}
