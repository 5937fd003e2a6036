// Merges the package.json fragments of the layers into the project's package.json.
import type { PackageFragment } from "./layers.js";

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

/** The final package.json text: name first, dependencies sorted as npm writes them. */
export function packageJsonText(name: string, fragments: readonly PackageFragment[]): string {
  const { name: _ignored, version, private: _private, dependencies, devDependencies, ...rest } = mergeFragments(fragments);
  const pkg = {
    name,
    version: version ?? "0.1.0",
    private: true,
    ...rest,
    dependencies: sortKeys(dependencies),
    devDependencies: sortKeys(devDependencies),
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}
