// The one map of dependency versions for generated projects. A template layer's package.json names a dependency
// with the range `versionFromMap`; package-json.ts replaces it with the range below for the project's Node line.

/**
 * The Node line a project targets: 22 when the CLI runs on Node 22.13 or newer (every current major installs),
 * else 20 (the last versions that still support Node 20).
 */
export type NodeLine = 20 | 22;

/** The range a layer writes instead of a version: the dependency's range comes from this map. */
export const versionFromMap = "<versions.ts>";

export interface NodeLineInfo {
  /** The generated `engines.node`: the Node versions every dependency written for this line supports. */
  engines: string;
  /** The same, in words, for the generated README ("You need Node.js …"). */
  readme: string;
}

export const nodeLines: Record<NodeLine, NodeLineInfo> = {
  // vite 8: ^20.19.0 || >=22.12.0; vitest 4: ^20.0.0 || ^22.0.0 || >=24.0.0; Tailwind's WebAssembly fallback
  // (@tailwindcss/oxide-wasm32-wasi, @napi-rs/wasm-runtime): ^20.19.0 || ^22.13.0 || >=23.5.0.
  20: { engines: "^20.19.0 || ^22.13.0 || >=24.0.0", readme: "20.19 or newer" },
  // vitest 5: ^22.12.0 || ^24.0.0 || >=26.0.0; convex 1.49: >=22.0.0; svix 2: >=22; Tailwind as above.
  22: { engines: "^22.13.0 || ^24.0.0 || >=26.0.0", readme: "22.13 or newer" },
};

type Range = string | Record<NodeLine, string>;

/** Every dependency a built-in layer names: one range, or one per Node line. */
export const dependencyVersionMap = {
  // Backend
  convex: { 20: "~1.48.0", 22: "^1.49.0" },
  svix: { 20: "^1.90.0", 22: "^2.5.0" },
  // Payments with Polar: the Convex component, and Polar's SDK below 1.0 on both lines (1.x drops the import paths
  // the component uses, and needs Node 22).
  "@convex-dev/polar": "~0.9.2",
  "@polar-sh/sdk": "^0.49.0",
  // Tests and tooling
  "@edge-runtime/vm": "^5.0.0",
  "@types/node": { 20: "^20.19.0", 22: "^22.12.0" },
  "convex-test": "^0.0.70",
  tsx: "^4.20.0",
  typescript: "^5.9.0",
  vite: "^8.0.0",
  vitest: { 20: "^4.1.0", 22: "^5.1.0" },
  // Lint and format (the same on both lines: ESLint 10 supports ^20.19.0 || ^22.13.0 || >=24).
  "@convex-dev/eslint-plugin": "^5.0.0",
  "@eslint/js": "^10.0.0",
  eslint: "^10.0.0",
  // 7.x: the React Compiler's rules beside rules-of-hooks; the only line that supports ESLint 10.
  // React's hooks rules and Next.js's rules, for the React frontends (oxlint's own implementations).
  oxlint: "^1.90.0",
  prettier: "^3.0.0",
  // The minor @convex-dev/eslint-plugin 5 pins its @typescript-eslint/utils to: one copy of the
  // @typescript-eslint packages installs instead of two (about 50 fewer packages).
  "typescript-eslint": "~8.58.0",
  // Frontends
  "@clerk/nextjs": "^7.0.0",
  "@clerk/react": "^6.0.0",
  "@tailwindcss/postcss": "^4.0.0",
  "@tailwindcss/vite": "^4.0.0",
  "@types/react": "^19.2.0",
  "@types/react-dom": "^19.2.0",
  "@vitejs/plugin-react": "^6.0.0",
  next: "^16.0.0",
  react: "^19.2.0",
  "react-dom": "^19.2.0",
  // 8.x needs Node 22.22; 7.x is still maintained and serves every line.
  "react-router": "^7.0.0",
  // TanStack Start needs Node 22.12+: only written for the 22 line (the frontend choice says so in options.ts).
  "@clerk/tanstack-react-start": "^1.5.0",
  "@tanstack/react-router": "^1.170.0",
  "@tanstack/react-start": "^1.169.0",
  srvx: "^1.0.0",
  tailwindcss: "^4.0.0",
  // The React frontends' rendered UI tests (test:ui): Testing Library in happy-dom (7 packages; jsdom is 20 and
  // needs Node 22.22).
  "@testing-library/dom": "^10.4.0",
  "@testing-library/react": "^16.3.0",
  "@testing-library/user-event": "^14.6.0",
  "happy-dom": "^21.0.0",
} satisfies Record<string, Range>;

/** The range of a dependency for a Node line, or undefined when the map does not name it. */
export function versionFor(name: string, line: NodeLine): string | undefined {
  const range = (dependencyVersionMap as Record<string, Range>)[name];
  return range === undefined || typeof range === "string" ? range : range[line];
}

/** The line for a Node version such as process.versions.node ("20.20.2"). */
export function nodeLineFor(version: string): NodeLine {
  const [major = 0, minor = 0] = version.split(".").map(Number);
  return major > 22 || (major === 22 && minor >= 13) ? 22 : 20;
}
