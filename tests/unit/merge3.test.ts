import { describe, expect, it } from "vitest";
import { changes, merge3 } from "../../src/merge3.js";

const text = (...lines: string[]) => lines.map((line) => `${line}\n`).join("");
const base = text("a", "b", "c", "d", "e", "f");

describe("changes", () => {
  it("finds what one side replaced, inserted and deleted, in base order", () => {
    expect(changes(["a", "b", "c"], ["a", "B", "c"])).toEqual([{ baseStart: 1, baseEnd: 2, start: 1, end: 2 }]);
    expect(changes(["a", "c"], ["a", "b", "c"])).toEqual([{ baseStart: 1, baseEnd: 1, start: 1, end: 2 }]);
    expect(changes(["a", "b", "c"], ["a", "c"])).toEqual([{ baseStart: 1, baseEnd: 2, start: 1, end: 1 }]);
    expect(changes([], [])).toEqual([]);
  });
});

describe("merge3(base, theirs, ours)", () => {
  it("keeps the owner's edit and adds the generator's elsewhere", () => {
    const theirs = text("a", "B (mine)", "c", "d", "e", "f");
    const ours = text("a", "b", "c", "d", "E (new)", "f", "g");
    expect(merge3(base, theirs, ours)).toEqual({
      text: text("a", "B (mine)", "c", "d", "E (new)", "f", "g"),
      conflicts: [],
    });
  });

  it("takes the generator's version of a file the owner never touched, and keeps an untouched owner's file", () => {
    const ours = text("a", "b", "x", "d");
    expect(merge3(base, base, ours).text).toBe(ours);
    const theirs = text("z", "a", "b", "c", "d", "e", "f");
    expect(merge3(base, theirs, base).text).toBe(theirs);
  });

  it("takes the same change made on both sides once", () => {
    const both = text("a", "b", "C", "d", "e", "f");
    expect(merge3(base, both, both)).toEqual({ text: both, conflicts: [] });
  });

  it("keeps insertions on both sides at different places, and deletions", () => {
    const theirs = text("a", "b", "c", "new table", "d", "e", "f");
    const ours = text("b", "c", "d", "e", "f", "new feature");
    expect(merge3(base, theirs, ours)).toEqual({
      text: text("b", "c", "new table", "d", "e", "f", "new feature"),
      conflicts: [],
    });
  });

  it("reports different changes to the same lines as a conflict, keeping the owner's lines", () => {
    const theirs = text("a", "b", "mine", "d", "e", "f");
    const ours = text("a", "b", "new", "d", "e", "f");
    const merged = merge3(base, theirs, ours);
    expect(merged.text).toBe(theirs);
    expect(merged.conflicts).toEqual([{ line: 3, base: ["c"], theirs: ["mine"], ours: ["new"] }]);
  });

  it("counts changes to adjacent lines, and two insertions at the same place, as conflicts", () => {
    const adjacent = merge3(base, text("a", "B", "c", "d", "e", "f"), text("a", "b", "C", "d", "e", "f"));
    expect(adjacent.conflicts).toEqual([{ line: 2, base: ["b", "c"], theirs: ["B", "c"], ours: ["b", "C"] }]);
    const inserts = merge3(base, text("a", "mine", "b", "c", "d", "e", "f"), text("a", "new", "b", "c", "d", "e", "f"));
    expect(inserts.conflicts).toEqual([{ line: 2, base: [], theirs: ["mine"], ours: ["new"] }]);
  });

  it("with union, keeps both sides' insertions at the same place, the owner's first; a replacement still conflicts", () => {
    const theirs = text("a", "b", "c", "d", "e", "f", "my table");
    const ours = text("a", "b", "c", "d", "e", "f", "teams table");
    expect(merge3(base, theirs, ours, { union: true })).toEqual({
      text: text("a", "b", "c", "d", "e", "f", "my table", "teams table"),
      conflicts: [],
    });
    expect(merge3(base, theirs, ours).conflicts).toHaveLength(1);
    const replaced = merge3(base, text("a", "b", "mine", "d", "e", "f"), text("a", "b", "new", "d", "e", "f"), {
      union: true,
    });
    expect(replaced.conflicts).toHaveLength(1);
  });

  it("writes git-style markers at each conflict when asked", () => {
    const merged = merge3(base, text("a", "b", "mine", "d", "e", "f"), text("a", "b", "new", "d", "e", "f"), {
      markers: true,
    });
    expect(merged.text).toBe(
      text(
        "a",
        "b",
        "<<<<<<< yours",
        "mine",
        "||||||| as generated",
        "c",
        "=======",
        "new",
        ">>>>>>> create-convex-saas",
        "d",
        "e",
        "f",
      ),
    );
  });

  it("keeps the owner's missing final newline, and merges empty texts", () => {
    expect(merge3("a\nb\n", "a\nB", "a\nb\n").text).toBe("a\nB");
    expect(merge3("", "", "")).toEqual({ text: "", conflicts: [] });
    expect(merge3("", "", "new\n").text).toBe("new\n");
  });
});
