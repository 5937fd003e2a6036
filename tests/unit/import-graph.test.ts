// The generated code's module graph is one-way: no module of convex/ or src/ imports itself through others at run
// time, in any combination. Type-only imports are erased before anything runs, so they do not count.
import { describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import { combinations, projectOptions } from "../helpers.js";
import { importCycles } from "../import-graph.js";

describe("importCycles", () => {
  it("finds a runtime cycle, and ignores type-only imports and packages", () => {
    const tree = new Map([
      ["convex/a.ts", 'import { b } from "./b";\nimport { v } from "convex/values";\nexport const a = b;\n'],
      ["convex/b.ts", 'import { c } from "./c";\nexport const b = c;\n'],
      ["convex/c.ts", 'import {\n  a,\n} from "./a";\nexport const c = 1;\n'],
      ["convex/d.ts", 'import type { A } from "./e";\nimport { type B } from "./e";\nexport const d = 1;\n'],
      ["convex/e.ts", 'import { d } from "./d";\nexport type A = 1;\nexport type B = 2;\n'],
      ["src/x.tsx", 'import { y } from "@/y";\nexport const x = 1;\n'],
      ["src/y.tsx", 'export { x } from "./x";\nexport const y = 1;\n'],
    ]);
    expect(importCycles(tree)).toEqual(["convex/a.ts ↔ convex/b.ts ↔ convex/c.ts", "src/x.tsx ↔ src/y.tsx"]);
  });
});

describe.each(combinations)("--frontend=$frontend --payments=$payments --orgs=$orgs", (combination) => {
  it("has no runtime import cycle in convex/ or src/", () => {
    const tree = generate(projectOptions(combination));
    expect(importCycles(tree)).toEqual([]);
  });
});
