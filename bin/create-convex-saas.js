#!/usr/bin/env node
import { main } from "../dist/cli.js";

try {
  process.exitCode = await main();
} catch (error) {
  process.stderr.write(`create-convex-saas failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
}
