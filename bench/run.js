// npm run bench: our CLI against create-vite, alternating runs in fresh temp dirs, plus package size and the cost of
// each phase of ours. Installs nothing at run time (create-vite is a devDependency). Not part of npm test.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 15);
// Two places to write: a RAM disk, where the comparison measures the tools themselves, and the normal temp dir
// on disk, where each created file also pays the file system's journal (we write 3× as many files as create-vite).
const places = [
  ...(existsSync("/dev/shm") ? [["RAM disk (/dev/shm)", "/dev/shm"]] : []),
  ["disk (os.tmpdir())", tmpdir()],
];
const work = mkdtempSync(join(tmpdir(), "ccs-bench-"));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (n) => `${n.toFixed(1)} ms`;

function timeProcess(args, cwd) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${args.join(" ")} failed:\n${result.stderr}`);
  return elapsed;
}

const contenders = {
  "create-convex-saas (next + payments)": (i) => [join(root, "bin/create-convex-saas.cjs"), `ours-${i}`, "--yes", "--no-install", "--no-git"],
  "create-vite -t react-ts": (i) => [join(root, "node_modules/create-vite/index.js"), `vite-${i}`, "-t", "react-ts", "--no-interactive"],
};
const [ours, vite] = Object.keys(contenders);
const startup = [];

function contest(base) {
  const dir = mkdtempSync(join(base, "ccs-bench-"));
  const times = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
  try {
    timeProcess([join(root, "bin/create-convex-saas.cjs"), "--version"], dir); // warm the file cache
    for (let i = 0; i < runs; i++) {
      // Alternate who goes first so neither always gets the warmer machine.
      const order = i % 2 ? Object.entries(contenders).reverse() : Object.entries(contenders);
      for (const [name, args] of order) times[name].push(timeProcess(args(i), dir));
      startup.push(timeProcess([join(root, "bin/create-convex-saas.cjs"), "--version"], dir));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return times;
}

try {
  const results = places.map(([label, base]) => [label, contest(base)]);

  // Phases of ours, in process: generate() and writeTree() from the sources, bundled as the CLI is.
  const lib = join(work, "phases.mjs");
  await build({
    stdin: { contents: 'export { generate } from "./src/generate.ts"; export { writeTree } from "./src/write.ts";', resolveDir: root, loader: "ts" },
    bundle: true, platform: "node", format: "esm", outfile: lib, logLevel: "warning",
    define: { "import.meta.url": JSON.stringify(new URL("../dist/cli.cjs", import.meta.url).href) },
  });
  const { generate, writeTree } = await import(lib);
  const options = { name: "phase", frontend: "next", payments: true, pm: "npm" };
  const generateTimes = [];
  const writeTimes = [];
  let fileCount = 0;
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    const tree = generate(options);
    generateTimes.push(performance.now() - t);
    fileCount = tree.size;
    bytes = [...tree.values()].reduce((sum, text) => sum + Buffer.byteLength(text), 0);
    t = performance.now();
    writeTree(join(work, `phase-${i}`), tree);
    writeTimes.push(performance.now() - t);
  }

  const [pack] = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--json", "--silent"], { cwd: root, encoding: "utf8" }));

  console.log(`\nScaffold time, whole process, ${runs} alternating runs each (Node ${process.version}, ${new Date().toISOString().slice(0, 10)})`);
  const width = Math.max(...Object.keys(contenders).map((n) => n.length));
  for (const [label, times] of results) {
    console.log(`\n${label}\n${"".padEnd(width)}  median      min         max`);
    for (const [name, xs] of Object.entries(times)) {
      console.log(`${name.padEnd(width)}  ${ms(median(xs)).padEnd(10)}  ${ms(Math.min(...xs)).padEnd(10)}  ${ms(Math.max(...xs))}`);
    }
    const ratio = median(times[ours]) / median(times[vite]);
    console.log(`ratio (ours / create-vite): ${ratio.toFixed(2)}  ${ratio <= 1 ? "✓ ≤ 1.0" : "✗ > 1.0"}`);
  }
  console.log(`\nWe write ${fileCount} files (${(bytes / 1024).toFixed(1)} KB) for next + payments.`);
  console.log(`Phases of ours (median): start-up (--version) ${ms(median(startup))}, generate ${ms(median(generateTimes))}, write ${ms(median(writeTimes))}`);
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`Package: ${pack.entryCount} files, packed ${kb(pack.size)}, unpacked ${kb(pack.unpackedSize)}  ${pack.unpackedSize <= 500 * 1024 ? "✓ ≤ 500 KB" : "✗ > 500 KB"}`);
  const deps = Object.keys(JSON.parse(execFileSync("npm", ["pkg", "get", "dependencies"], { cwd: root, encoding: "utf8" })) ?? {});
  console.log(`Runtime dependencies: ${deps.length}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
