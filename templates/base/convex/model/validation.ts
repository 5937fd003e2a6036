import type { GenericValidator } from "convex/values";

/** Where a value first fails a Convex validator: the field's path and what was expected there, never the value. */
export type Mismatch = { path: string; expected: string };

/**
 * Checks `value` against a Convex validator the way Convex checks function arguments, and says where it first fails
 * (null when it passes). Used to log a malformed webhook delivery without quoting it: Convex's own validation error
 * includes the value, which can be personal data.
 */
export function findMismatch(
  validator: GenericValidator,
  value: unknown,
  path = "data",
): Mismatch | null {
  const fail = (expected: string): Mismatch => ({ path, expected });
  switch (validator.kind) {
    case "any":
      return null;
    case "string":
    case "id":
      return typeof value === "string" ? null : fail("a string");
    case "float64":
      return typeof value === "number" ? null : fail("a number");
    case "int64":
      return typeof value === "bigint" ? null : fail("a bigint");
    case "boolean":
      return typeof value === "boolean" ? null : fail("a boolean");
    case "null":
      return value === null ? null : fail("null");
    case "bytes":
      return value instanceof ArrayBuffer ? null : fail("bytes");
    case "literal":
      return value === validator.value ? null : fail(JSON.stringify(validator.value));
    case "array":
      if (!Array.isArray(value)) return fail("an array");
      for (const [i, element] of value.entries()) {
        const found = findMismatch(validator.element, element, `${path}[${i}]`);
        if (found) return found;
      }
      return null;
    case "record":
      return isPlainObject(value) ? null : fail("an object");
    case "object": {
      if (!isPlainObject(value)) return fail("an object");
      for (const key of Object.keys(value)) {
        if (!(key in validator.fields))
          return { path: `${path}.${key}`, expected: "no such field" };
      }
      for (const [key, field] of Object.entries(validator.fields)) {
        if (value[key] === undefined) {
          if (field.isOptional === "optional") continue;
          return { path: `${path}.${key}`, expected: "a value" };
        }
        const found = findMismatch(field, value[key], `${path}.${key}`);
        if (found) return found;
      }
      return null;
    }
    case "union":
      return validator.members.some((member) => findMismatch(member, value, path) === null)
        ? null
        : fail(`one of ${validator.members.length} shapes`);
    default:
      return null;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
