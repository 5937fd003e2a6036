// Serves a built frontend on localhost and loads it in headless Debian Chromium through playwright-core.
import { createServer } from "node:net";
import { join } from "node:path";
import { execa } from "execa";
import { chromium } from "playwright-core";

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
}

export async function loadPage(url: string): Promise<PageCheck> {
  const browser = await chromium.launch({
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
  try {
    const page = await browser.newPage();
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
    return {
      heroHeading: (await hero.innerText()).trim(),
      hasPricing: (await page.locator("#pricing").count()) > 0,
      pageErrors,
    };
  } finally {
    await browser.close();
  }
}
