/**
 * Where and why `text` is not valid JSON, or undefined when it is. Node 20's
 * `JSON.parse` messages do not always carry a position, so pcx scans the text
 * itself to give `pcx validate` a line and column. Iterative (no recursion),
 * so deeply nested input cannot overflow the stack.
 */
export function jsonSyntaxError(text: string): { offset: number; message: string } | undefined {
  const stack: ("{" | "[")[] = [];
  type State = "value" | "value-or-close" | "key" | "key-or-close" | "comma-or-close" | "end";
  let state: State = "value";
  let i = 0;
  const n = text.length;
  const fail = (message: string) => ({ offset: Math.min(i, n), message });
  const after = (): State => (stack.length > 0 ? "comma-or-close" : "end");
  const shown = (c: string | undefined) => (c === undefined ? "end of file" : JSON.stringify(c));

  // Returns an error message, or undefined after consuming a string at text[i] === '"'.
  const readString = (): string | undefined => {
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return undefined;
      }
      if (c === 0x5c) {
        const next = text[i + 1];
        if (next === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
            return "\\u must be followed by 4 hex digits";
          i += 6;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) i += 2;
        else return `invalid escape \\${next ?? ""} in a string`;
        continue;
      }
      if (c < 0x20)
        return 'line break or control character inside a string; close the string with " or write \\n';
      i++;
    }
    return 'unterminated string; add the closing "';
  };

  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

  for (;;) {
    while (i < n && (text[i] === " " || text[i] === "\t" || text[i] === "\n" || text[i] === "\r"))
      i++;
    const c = text[i];
    if (state === "end")
      return i < n ? fail(`unexpected ${shown(c)} after the end of the JSON value`) : undefined;

    if (state === "value" || state === "value-or-close") {
      if (c === "]" && state === "value-or-close") {
        i++;
        stack.pop();
        state = after();
      } else if (c === "{") {
        i++;
        stack.push("{");
        state = "key-or-close";
      } else if (c === "[") {
        i++;
        stack.push("[");
        state = "value-or-close";
      } else if (c === '"') {
        const problem = readString();
        if (problem) return fail(problem);
        state = after();
      } else {
        NUMBER.lastIndex = i;
        const number = NUMBER.exec(text);
        const literal = ["true", "false", "null"].find((word) => text.startsWith(word, i));
        if (number) i += number[0].length;
        else if (literal) i += literal.length;
        else if (c === "]" || c === "}")
          return fail(`unexpected ${shown(c)}; remove the trailing comma before it`);
        else
          return fail(
            `unexpected ${shown(c)}; expected a value (a "string" in double quotes, a number, true, false, null, an object or an array)`,
          );
        state = after();
      }
    } else if (state === "key" || state === "key-or-close") {
      if (c === "}" && state === "key-or-close") {
        i++;
        stack.pop();
        state = after();
      } else if (c === '"') {
        const problem = readString();
        if (problem) return fail(problem);
        while (i < n && /[ \t\n\r]/.test(text[i]!)) i++;
        if (text[i] !== ":") return fail(`expected ":" after the key, found ${shown(text[i])}`);
        i++;
        state = "value";
      } else if (c === "}") return fail('unexpected "}"; remove the trailing comma before it');
      else return fail(`expected a key in double quotes, found ${shown(c)}`);
    } else {
      const close = stack[stack.length - 1] === "{" ? "}" : "]";
      if (c === ",") {
        i++;
        state = close === "}" ? "key" : "value";
      } else if (c === close) {
        i++;
        stack.pop();
        state = after();
      } else return fail(`expected "," or "${close}", found ${shown(c)}`);
    }
  }
}
