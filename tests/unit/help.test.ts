import { describe, expect, it } from "vitest";
import { parseArgv } from "../../src/args.js";
import { helpText } from "../../src/help.js";
import { optionDefs } from "../../src/options.js";

/** The rows of --help's option list, as `--flag` → the rest of the line. */
const optionRows = (help: string) =>
  help
    .split("\n")
    .filter((line) => /^ {2}(-\w, )?--/.test(line))
    .map((line) => line.trim());

describe("--help", () => {
  it("names the version and every project option with its default", () => {
    const help = helpText("1.2.3");
    expect(help).toContain("create-convex-saas 1.2.3");
    for (const def of Object.values(optionDefs)) {
      const row = optionRows(help).find((line) => line.startsWith(`--${def.flag}`));
      expect(row, def.flag).toBeDefined();
      if (def.kind === "choice") expect(row).toContain(`<${def.choices.map((c) => c.value).join("|")}>`);
      else expect(row).toContain(`--no-${def.flag}`);
    }
  });

  it("lists only flags the parser accepts", () => {
    const samples: Record<string, string> = { "<source>": "./x", "<package-name>": "shop" };
    for (const row of optionRows(helpText("1.2.3"))) {
      const [flag, value] = row.split(/,? +/).filter((word) => word.startsWith("--") || word.startsWith("<"));
      // a value placeholder: a sample for it, or a choice's first value
      const sample = value?.startsWith("<") ? (samples[value] ?? value.slice(1).split(/[|>]/)[0]) : undefined;
      const argv = ["app", sample ? `${flag}=${sample}` : flag!];
      if (flag === "--offline") argv.push("--template=./x");
      expect(() => parseArgv(argv), row).not.toThrow();
    }
  });
});
