// npm run bench: our CLI against create-vite, alternating runs in fresh temp dirs, plus package size and the cost of
// each phase of ours. Installs nothing at run time (create-vite and create-convex, for its size, are devDependencies).
// Not part of npm test.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const cli = join(root, "bin/create-convex-saas.cjs");
const runs = Number(process.env.BENCH_RUNS ?? 15);
const work = mkdtempSync(join(tmpdir(), "ccs-bench-"));
const scratch = [work]; // deleted at the very end, never between measurements (see below)
const freshDir = (base, prefix) => {
  const dir = mkdtempSync(join(base, prefix));
  scratch.push(dir);
  return dir;
};

// On an ext4 without a journal (this VM's disk), creating a file first skips every inode of its inode group freed
// in the last one to six minutes (ext4's recently_deleted(), seen with perf). After `npm test` or a previous bench
// deletes its thousands of files, each create costs ~1 ms instead of ~0.1 ms, whichever tool runs: the disk numbers
// would measure what ran before. `chattr +T` makes the bench's disk folder a "top directory", so ext4 places the
// folders inside it in quiet inode groups; deleting only at the end keeps the bench from taxing itself.
function diskBase() {
  const base = freshDir(tmpdir(), "ccs-bench-disk-");
  const topDir = spawnSync("chattr", ["+T", base], { stdio: "ignore" }).status === 0;
  return [topDir ? "disk (os.tmpdir(), own inode groups)" : "disk (os.tmpdir())", base];
}

// Two places to write: a RAM disk, where the comparison measures the tools themselves, and the normal temp dir on
// disk, where each created file costs more (we write 3× as many files as create-vite).
const places = [...(existsSync("/dev/shm") ? [["RAM disk (/dev/shm)", "/dev/shm"]] : []), diskBase()];

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
  "create-convex-saas (next + payments)": (i) => [cli, `ours-${i}`, "--yes", "--no-install", "--no-git"],
  "create-vite -t react-ts": (i) => [
    join(root, "node_modules/create-vite/index.js"),
    `vite-${i}`,
    "-t",
    "react-ts",
    "--no-interactive",
  ],
};
const [ours, vite] = Object.keys(contenders);
const startup = [];

function contest(base) {
  const dir = freshDir(base, "ccs-bench-");
  const times = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
  timeProcess([cli, "--version"], dir); // warm the file cache
  for (let i = 0; i < runs; i++) {
    // Alternate who goes first so neither always gets the warmer machine.
    const order = i % 2 ? Object.entries(contenders).reverse() : Object.entries(contenders);
    for (const [name, args] of order) times[name].push(timeProcess(args(i), dir));
    startup.push(timeProcess([cli, "--version"], dir));
  }
  return times;
}

try {
  const results = places.map(([label, base]) => [label, contest(base)]);

  // Phases of ours, cold, each in a fresh process as a real run has them: Node's own boot, loading the bundle,
  // generate() (which reads the templates) and writeTree(), from the sources bundled as the CLI is.
  const lib = join(work, "phases.cjs");
  await build({
    stdin: {
      contents: 'export { generate } from "./src/generate.ts"; export { writeTree } from "./src/write.ts";',
      resolveDir: root,
      loader: "ts",
    },
    bundle: true,
    platform: "node",
    format: "cjs",
    outfile: lib,
    logLevel: "warning",
    define: { "import.meta.url": JSON.stringify(new URL("../dist/cli.cjs", import.meta.url).href) },
  });
  const probe = join(work, "phases-probe.cjs");
  writeFileSync(
    probe,
    `const start = performance.now();
const { generate, writeTree } = require(${JSON.stringify(lib)});
const loaded = performance.now();
const tree = generate({ name: "phase", frontend: "next", payments: true, pm: "npm", node: 20 });
const generated = performance.now();
writeTree(process.argv[2], tree).then(() => {
  const written = performance.now();
  const bytes = [...tree.values()].reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  process.stdout.write(JSON.stringify({ boot: start, load: loaded - start, generate: generated - loaded, write: written - generated, files: tree.size, bytes }));
});
`,
  );
  const phases = places.map(([label, base]) => {
    const dir = freshDir(base, "ccs-phases-");
    const samples = Array.from({ length: runs }, (_, i) => {
      const result = spawnSync(process.execPath, [probe, join(dir, `p-${i}`)], { encoding: "utf8" });
      if (result.status !== 0) throw new Error(`phase probe failed:\n${result.stderr}`);
      return JSON.parse(result.stdout);
    });
    return [label, samples];
  });
  const { files: fileCount, bytes } = phases[0][1][0];

  const [pack] = JSON.parse(
    execFileSync("npm", ["pack", "--dry-run", "--json", "--silent"], { cwd: root, encoding: "utf8" }),
  );

  console.log(
    `\nScaffold time, whole process, ${runs} alternating runs each (Node ${process.version}, ${new Date().toISOString().slice(0, 10)})`,
  );
  const width = Math.max(...Object.keys(contenders).map((n) => n.length));
  for (const [label, times] of results) {
    console.log(`\n${label}\n${"".padEnd(width)}  median      min         max`);
    for (const [name, xs] of Object.entries(times)) {
      console.log(
        `${name.padEnd(width)}  ${ms(median(xs)).padEnd(10)}  ${ms(Math.min(...xs)).padEnd(10)}  ${ms(Math.max(...xs))}`,
      );
    }
    const ratio = median(times[ours]) / median(times[vite]);
    console.log(`ratio (ours / create-vite): ${ratio.toFixed(2)}  ${ratio <= 1 ? "✓ ≤ 1.0" : "✗ > 1.0"}`);
  }
  console.log(`\nWe write ${fileCount} files (${(bytes / 1024).toFixed(1)} KB) for next + payments.`);
  console.log(
    `\nPhases of ours, cold, medians of ${runs} fresh processes (whole --version run: ${ms(median(startup))})`,
  );
  for (const [label, samples] of phases) {
    const phase = (key) => ms(median(samples.map((sample) => sample[key])));
    console.log(
      `  ${label}: Node's own boot ${phase("boot")}, load bundle ${phase("load")}, generate ${phase("generate")}, write ${phase("write")}`,
    );
  }
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(
    `Package: ${pack.entryCount} files, packed ${kb(pack.size)}, unpacked ${kb(pack.unpackedSize)}  ${pack.unpackedSize <= 500 * 1024 ? "✓ ≤ 500 KB" : "✗ > 500 KB"}`,
  );
  // The others as installed (devDependencies): their files' bytes, which is what npm reports as unpacked size.
  const installedBytes = (dir) =>
    readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile())
      .reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0);
  const others = ["create-vite", "create-convex"].map(
    (name) => `${name} ${kb(installedBytes(join(root, "node_modules", name)))}`,
  );
  console.log(
    `         for comparison, unpacked: ${others.join(", ")} (create-convex downloads its templates at run time)`,
  );
  const deps = Object.keys(
    JSON.parse(execFileSync("npm", ["pkg", "get", "dependencies"], { cwd: root, encoding: "utf8" })) ?? {},
  );
  console.log(`Runtime dependencies: ${deps.length}`);
} finally {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
}
