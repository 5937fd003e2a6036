// Merges the package.json fragments of the layers into the project's package.json.
import { LayerError, type PackageFragment } from "./layers.js";
import { nodeLines, versionFor, versionFromMap, type NodeLine } from "./versions.js";

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Deep merge: objects merge key by key, anything else is replaced by the later fragment. */
export function mergeFragments(fragments: readonly PackageFragment[]): PackageFragment {
  const merge = (into: Record<string, unknown>, from: Record<string, unknown>) => {
    for (const [key, value] of Object.entries(from)) {
      const existing = into[key];
      into[key] = isObject(existing) && isObject(value) ? merge({ ...existing }, value) : value;
    }
    return into;
  };
  return fragments.reduce<Record<string, unknown>>((acc, fragment) => merge(acc, fragment), {});
}

const sortKeys = (value: unknown) =>
  isObject(value) ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1))) : value;

export interface PackageTarget {
  /** The Node line whose versions replace `versionFromMap` ranges and `engines.node`. */
  node: NodeLine;
  /** `name@version` of the package manager, written as `packageManager` when known. */
  packageManager?: string;
}

/** Replaces each `versionFromMap` range with the map's range for the line; a name the map lacks is an error. */
function resolveRanges(deps: unknown, line: NodeLine): unknown {
  if (!isObject(deps)) return deps;
  return Object.fromEntries(
    Object.entries(deps).map(([dep, range]) => {
      if (range !== versionFromMap) return [dep, range];
      const resolved = versionFor(dep, line);
      if (!resolved)
        throw new LayerError(
          `package.json: "${dep}": "${versionFromMap}" names no dependency of the version map; give a range.`,
        );
      return [dep, resolved];
    }),
  );
}

/** The final package.json text: name first, dependencies sorted as npm writes them. */
export function packageJsonText(name: string, fragments: readonly PackageFragment[], target: PackageTarget): string {
  const merged = mergeFragments(fragments);
  if (isObject(merged.engines) && merged.engines.node === versionFromMap) {
    merged.engines = { ...merged.engines, node: nodeLines[target.node].engines };
  }
  const { name: _ignored, version, private: _private, dependencies, devDependencies, packageManager, ...rest } = merged;
  const pkg = {
    name,
    version: version ?? "0.1.0",
    private: true,
    ...rest,
    dependencies: sortKeys(resolveRanges(dependencies, target.node)),
    devDependencies: sortKeys(resolveRanges(devDependencies, target.node)),
    packageManager: target.packageManager ?? packageManager,
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}
