/**
 * How much a change asks of Procountor and of customers, weakest first:
 * - "cosmetic": presentation or settings only; no review, customers do nothing.
 * - "needs-review": Procountor's integration team reviews the new version;
 *   customers need not do anything.
 * - "customer-update-required": customers see "Update required" and must
 *   review and accept the new version; until they do, the old version keeps
 *   its old rights.
 */
export type ChangeClass = "cosmetic" | "needs-review" | "customer-update-required";

/** One difference between two definitions. */
export interface DefinitionChange {
  /** Dot-path of the field; rights are identified by key: `technicalUser.rights[payments].level`. */
  path: string;
  /** "added" / "removed" for optional fields and rights; "changed" otherwise. */
  kind: "added" | "removed" | "changed";
  /** The old value (absent for "added"). */
  before?: unknown;
  /** The new value (absent for "removed"). */
  after?: unknown;
  /** What the change asks of Procountor and customers. */
  classification: ChangeClass;
  /** Why it is classified so, in a sentence for humans. */
  reason: string;
}

/** The result of `diffDefinitions`. */
export interface DefinitionDiff {
  /** Every change, in the order of the file's fields; rights in the new definition's order, removed rights last. */
  changes: DefinitionChange[];
  /** The strongest classification among the changes; "none" when the definitions are the same. */
  classification: ChangeClass | "none";
  /** True when customers must accept an update ("customer-update-required"). */
  requiresCustomerUpdate: boolean;
  /** True when Procountor reviews the new version ("needs-review" or "customer-update-required"). */
  needsReview: boolean;
}

/** A definition as the diff reads it: any JSON-like object. */
export type Loose = Record<string, unknown>;

export function isObject(value: unknown): value is Loose {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Key-order-independent equality of JSON-like values. */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((v, i) => same(v, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => same(a[k], b[k]));
  }
  return false;
}

/** A change record; the kind follows from which side is undefined. */
export function change(
  path: string,
  before: unknown,
  after: unknown,
  classification: ChangeClass,
  reason: string,
): DefinitionChange {
  const kind = before === undefined ? "added" : after === undefined ? "removed" : "changed";
  return {
    path,
    kind,
    ...(before === undefined ? {} : { before }),
    ...(after === undefined ? {} : { after }),
    classification,
    reason,
  };
}
