#!/usr/bin/env node
// Node 22.1+ caches the compiled bundle between runs (a no-op on Node 20).
process.getBuiltinModule("node:module").enableCompileCache?.();

const { main } = await import("../dist/cli.js");
try {
  process.exitCode = await main();
} catch (error) {
  process.stderr.write(`create-convex-saas failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
}
