/** A short description of a value for messages: `a number (42)`, `a list`, `nothing (null)`. */
export function describeValue(value: unknown): string {
  if (value === null) return "nothing (null)";
  if (Array.isArray(value)) return "a list";
  switch (typeof value) {
    case "string":
      return `text ("${value.length > 40 ? `${value.slice(0, 40)}…` : value}")`;
    case "number":
    case "boolean":
      return `${typeof value === "number" ? "a number" : "a boolean"} (${String(value)})`;
    case "object":
      return "an object";
    default:
      return typeof value;
  }
}
