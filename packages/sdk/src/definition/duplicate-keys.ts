import { type Document, isMap, isPair, isScalar, isSeq } from "yaml";

/** A key written twice in one mapping: where the repeat is, and where the first one was. */
export interface DuplicateKey {
  key: string;
  offset: number;
  firstOffset: number;
}

/**
 * Every repeated key in the document's mappings, in one pass with a Set per
 * mapping. The yaml library's own `uniqueKeys` check compares each key with
 * every earlier one, which takes seconds for a mapping of a few thousand keys.
 * Keys are compared as the strings they become in JavaScript (`1` and `"1"`
 * are the same key there). Iterative, so deep documents cannot overflow the stack.
 */
export function findDuplicateKeys(doc: Document): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Map<string, number>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        stack.push(pair.value);
        if (!isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        const offset = pair.key.range?.[0] ?? 0;
        const first = seen.get(key);
        if (first === undefined) seen.set(key, offset);
        else found.push({ key, offset, firstOffset: first });
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  return found.sort((a, b) => a.offset - b.offset);
}
