// generate(options) → the project as a map of path → contents. No writes: tests inspect the result in memory.
import { ciWorkflow, ciWorkflowPath } from "./ci-workflow.js";
import { convexGenerated } from "./convex-codegen.js";
import { builtInLayer, builtInLayerNames, projectPath, type Layer } from "./layers.js";
import { selectedLayers, type ProjectOptions } from "./options.js";
import { commands } from "./package-manager.js";
import { packageJsonText } from "./package-json.js";
import { RECORD_PATH, recordText } from "./record.js";
import { routeTree } from "./route-tree.js";
import { fillSlots, parseSlotPart, type SlotPart } from "./slots.js";
import { generatorVersion } from "./version.js";
import { nodeLines } from "./versions.js";

export type FileTree = Map<string, string>;

/** Built-in layers for the options: base, the option layers, then every `a+b` overlay whose names are all selected. */
export function layerNames(options: Pick<ProjectOptions, "frontend" | "payments" | "orgs" | "pm">): string[] {
  const selected = selectedLayers(options);
  const overlays = builtInLayerNames()
    .filter((name) => name.includes("+") && name.split("+").every((part) => selected.includes(part)))
    .sort((a, b) => a.split("+").length - b.split("+").length || (a < b ? -1 : 1));
  return [...selected, ...overlays];
}

/**
 * Fills `{{name}}`, `{{run}}`… in Markdown, a root `index.html` (Vite's page title) and a root `vercel.json` (its
 * build command). Other files are never touched (JSX uses `{{`). A package name is safe in HTML and JSON: npm names
 * use no `<`, `&`, quotes or backslashes.
 */
function fillPlaceholders(text: string, options: ProjectOptions): string {
  const values: Record<string, string> = {
    name: options.name,
    pm: options.pm,
    node: nodeLines[options.node].readme,
    version: generatorVersion(),
    ...commands[options.pm],
  };
  return text.replace(/\{\{(\w+)\}\}/g, (match, key: string) => values[key] ?? match);
}

/**
 * Composes layers in order; `extraLayers` (a remote template) come last. Whole files replace same-named ones; parts
 * (`NAME.d/PART`) are joined into NAME in part-name order, or, for slot parts, fill the slots of NAME (slots.ts).
 */
export function composeLayers(layers: readonly Layer[], options: ProjectOptions): FileTree {
  const files = new Map<string, string>();
  const parts = new Map<string, Map<string, string>>();
  const slotParts = new Map<string, Map<string, SlotPart>>();
  for (const layer of layers) {
    for (const [path, contents] of layer.files) {
      files.set(path, contents);
      parts.delete(path); // a whole file replaces the parts so far
    }
    for (const [target, layerParts] of layer.parts) {
      for (const [part, contents] of layerParts) {
        const slotPart = parseSlotPart(contents);
        if (slotPart) {
          if (!slotParts.has(target)) slotParts.set(target, new Map());
          slotParts.get(target)!.set(part, slotPart);
          continue;
        }
        // Parts after a whole file extend it: the file becomes the first part.
        if (!parts.has(target)) parts.set(target, new Map(files.has(target) ? [["", files.get(target)!]] : []));
        parts.get(target)!.set(part, contents);
      }
    }
  }
  // Slots are filled where they stand: in a joined file's part (a README section), or in a whole file.
  const filled = (path: string, contents: string) => {
    if (!contents.includes("@slot ")) return contents;
    const byName = slotParts.get(path) ?? new Map<string, SlotPart>();
    return fillSlots(
      contents,
      [...byName.keys()].sort().map((name) => byName.get(name)!),
    );
  };
  for (const [target, targetParts] of parts) {
    const ordered = [...targetParts.keys()].sort().map((part) => filled(target, targetParts.get(part)!).trimEnd());
    files.set(target, `${ordered.join("\n\n")}\n`);
  }
  for (const [path, contents] of files) if (!parts.has(path)) files.set(path, filled(path, contents));

  const tree: FileTree = new Map();
  for (const [stored, contents] of files) {
    const path = projectPath(stored);
    const filled = path.endsWith(".md") || path === "index.html" || path === "vercel.json";
    tree.set(path, filled ? fillPlaceholders(contents, options) : contents);
  }
  const fragments = layers.flatMap((layer) => (layer.packageJson ? [layer.packageJson] : []));
  tree.set("package.json", packageJsonText(options.name, fragments, options));
  // The project's scripts: every fragment's, merged by name.
  const scripts = fragments.flatMap((fragment) => Object.keys(fragment.scripts ?? {}));
  if (!tree.has(ciWorkflowPath)) tree.set(ciWorkflowPath, ciWorkflow(options, scripts));
  for (const [path, contents] of toolOutputs(tree)) tree.set(path, contents);
  return new Map([...tree].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Whether a project file is written by a tool from the rest of the project (toolOutputs), never by hand. */
export const isToolOutput = (path: string) => path.startsWith("convex/_generated/") || path === "src/routeTree.gen.ts";

/**
 * The files tools write from the rest of `tree`: convex/_generated as `convex codegen` writes it, and with TanStack
 * Start the route tree for its route files, as TanStack's generator writes it.
 */
export function toolOutputs(tree: ReadonlyMap<string, string>): Map<string, string> {
  const outputs = convexGenerated(tree);
  const routes = [...tree.keys()].filter((path) => path.startsWith("src/routes/"));
  if (routes.includes("src/routes/__root.tsx")) outputs.set("src/routeTree.gen.ts", routeTree(routes));
  return outputs;
}

/**
 * The project for `options`, with `extraLayers` (a --template layer, whose source is `template`) applied last, and
 * convex-saas.json recording what made it (src/record.ts).
 */
export function generate(options: ProjectOptions, extraLayers: readonly Layer[] = [], template?: string): FileTree {
  const tree = composeLayers([...layerNames(options).map(builtInLayer), ...extraLayers], options);
  tree.set(RECORD_PATH, recordText(tree, options, generatorVersion(), template));
  return new Map([...tree].sort(([a], [b]) => (a < b ? -1 : 1)));
}
