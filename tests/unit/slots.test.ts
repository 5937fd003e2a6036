import { format } from "prettier";
import { describe, expect, it } from "vitest";
import { fillSlots, parseSlotPart } from "../../src/slots.js";

const frame = `import { defineSchema } from "convex/server";
import { coreTables } from "./coreTables";

export default defineSchema({
  ...coreTables,
  // @slot tables
});
`;

const part = (text: string) => {
  const parsed = parseSlotPart(text);
  if (!parsed) throw new Error(`not a slot part: ${text}`);
  return parsed;
};

/** What Prettier makes of it with the generated projects' config: slot filling must already be formatted. */
const formatted = (text: string, parser = "typescript") => format(text, { parser, printWidth: 100 });

describe("slots", () => {
  it("fills a slot with each part's entries in order, at the slot's indentation, and merges their imports", async () => {
    const filled = fillSlots(frame, [
      part('import { orgTables } from "./orgTables";\n\n// @slot tables\n...orgTables,\n'),
      part('import { paymentTables } from "./paymentTables";\n\n// @slot tables\n...paymentTables,\n'),
    ]);
    expect(filled).toBe(`import { defineSchema } from "convex/server";
import { coreTables } from "./coreTables";
import { orgTables } from "./orgTables";
import { paymentTables } from "./paymentTables";

export default defineSchema({
  ...coreTables,
  ...orgTables,
  ...paymentTables,
});
`);
    expect(await formatted(filled)).toBe(filled);
  });

  it("leaves no trace of an empty slot: `{` and `}` close up, no blank line is doubled", async () => {
    const lists = `export const pages = {
  // @slot pages
};

export const links = {
  home: "/",
  // @slot links
};

// @slot statements

export const done = true;
`;
    const filled = fillSlots(lists, []);
    expect(filled).toBe(`export const pages = {};

export const links = {
  home: "/",
};

export const done = true;
`);
    expect(await formatted(filled)).toBe(filled);
  });

  it("merges named imports from one module and breaks a long one as Prettier does", async () => {
    const filled = fillSlots(
      'import { type MutationCtx, query } from "./_generated/server";\nimport { v } from "convex/values";\n\nexport const list = [\n  // @slot list\n];\n',
      [
        part(
          'import { internalMutation, type QueryCtx, mutation, internalQuery, action } from "./_generated/server";\n// @slot list\n1,\n',
        ),
        part('import { type Infer } from "convex/values";\n// @slot list\n2,\n'),
      ],
    );
    expect(filled).toBe(`import { type Infer, v } from "convex/values";
import {
  action,
  internalMutation,
  internalQuery,
  mutation,
  type MutationCtx,
  query,
  type QueryCtx,
} from "./_generated/server";

export const list = [
  1,
  2,
];
`);
  });

  it("re-indents multi-line entries, keeping their own nesting", () => {
    const filled = fillSlots("describe('x', () => {\n  // @slot tests\n});\n", [
      part("// @slot tests\nit('a', () => {\n  expect(1).toBe(1);\n});\n"),
    ]);
    expect(filled).toBe("describe('x', () => {\n  it('a', () => {\n    expect(1).toBe(1);\n  });\n});\n");
  });

  it("fills Markdown slots, and drops entries for a slot the frame does not have", async () => {
    const readme = "## Teams\n\nTeams sync by webhook.\n\n<!-- @slot teams -->\n\n## Next\n";
    const billing = part("<!-- @slot teams -->\nA team subscribes to team plans.\n<!-- @slot nowhere -->\nLost.\n");
    const filled = fillSlots(readme, [billing]);
    expect(filled).toBe("## Teams\n\nTeams sync by webhook.\n\nA team subscribes to team plans.\n\n## Next\n");
    expect(fillSlots(readme, [])).toBe("## Teams\n\nTeams sync by webhook.\n\n## Next\n");
    expect(await formatted(fillSlots(readme, []), "markdown")).toBe(fillSlots(readme, []));
  });

  it("continues a Markdown list around its slot (Prettier puts blank lines around the slot's comment)", async () => {
    const stack = "Pages:\n\n- `/`: landing\n- `/dashboard`: panels\n\n<!-- @slot pages -->\n\n## Next\n";
    const filled = fillSlots(stack, [
      part("<!-- @slot pages -->\n\n- `/dashboard/pro`: the Pro page,\n  for subscribers\n"),
      part("<!-- @slot pages -->\n\n- `/dashboard/team`: the team\n"),
    ]);
    expect(filled).toBe(
      "Pages:\n\n- `/`: landing\n- `/dashboard`: panels\n- `/dashboard/pro`: the Pro page,\n  for subscribers\n- `/dashboard/team`: the team\n\n## Next\n",
    );
    expect(await formatted(filled, "markdown")).toBe(filled);
  });

  it("tells slot parts from parts to join", () => {
    expect(parseSlotPart("## Billing\n\nEnable Billing.\n")).toBeUndefined();
    expect(parseSlotPart('import { a } from "./a";\nconst b = a;\n')).toBeUndefined();
    expect(parseSlotPart('import { a } from "./a";\n\n// @slot x\na,\n// @slot y\nb,\n\n')).toEqual({
      imports: ['import { a } from "./a";'],
      entries: new Map([
        ["x", ["a,"]],
        ["y", ["b,"]],
      ]),
    });
  });
});
