import { type Document, isAlias, isMap, isScalar, isSeq, type LineCounter, type Node } from "yaml";
import type { PathSegment } from "./issue-path.js";

/** A 1-based line and column. */
export interface TextPosition {
  line: number;
  column: number;
}

function start(node: { range?: readonly number[] | null } | null | undefined): number | undefined {
  return node?.range?.[0];
}

/**
 * Where the node at `path` starts in the source of `doc`, for issue positions:
 * a scalar value points at the value (`level: alll` → at `alll`); a mapping or
 * list value, an empty value, or a `key` issue (unknown field) points at its
 * key; a missing field points at the key of its nearest existing parent (or
 * the start of the document). Works for YAML and for JSON parsed as YAML.
 */
export function nodePosition(
  doc: Document,
  path: readonly PathSegment[],
  lineCounter: LineCounter,
  options: { key?: boolean } = {},
): TextPosition {
  let node: unknown = doc.contents;
  let keyNode: Node | undefined;
  let reached = 0;
  for (const segment of path) {
    if (isAlias(node)) {
      try {
        node = node.resolve(doc);
      } catch {
        break;
      }
    }
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isScalar(item.key) && String(item.key.value) === String(segment),
      );
      if (!pair) break;
      keyNode = pair.key as Node;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === "number" && segment < node.items.length) {
      keyNode = undefined;
      node = node.items[segment];
    } else break;
    reached++;
  }
  const complete = reached === path.length;
  const valueOffset =
    isScalar(node) && node.value !== null
      ? start(node as { range?: readonly number[] })
      : undefined;
  let offset: number | undefined;
  if (complete && !options.key && valueOffset !== undefined) offset = valueOffset;
  else if (keyNode) offset = start(keyNode);
  else offset = start(node as { range?: readonly number[] }) ?? start(doc.contents);
  const pos = lineCounter.linePos(offset ?? 0);
  return { line: pos.line, column: pos.col };
}
