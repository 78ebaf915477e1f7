import { z } from "zod";
import { didYouMean } from "../text/did-you-mean.js";

type Issue = z.core.$ZodRawIssue;
type ErrorMap = (issue: Issue) => string | { message: string } | undefined | null;

/** `unknown field "enviroments"; did you mean "environments"?`, else the fields the object takes. */
export function unknownFieldMessage(keys: readonly string[], known: readonly string[]): string {
  const quoted = keys.map((key) => `"${key}"`).join(", ");
  const head = `unknown field${keys.length === 1 ? "" : "s"} ${quoted}`;
  const [only] = keys;
  const guess =
    keys.length === 1 && only !== undefined
      ? didYouMean(
          only,
          known.map((value) => ({ value, spellings: [value] })),
        )
      : undefined;
  if (guess) return `${head}; did you mean "${guess}"?`;
  return known.length > 0 ? `${head}; the fields here are ${known.join(", ")}` : `${head}; send {}`;
}

/**
 * The same schema with every object in it strict: a key the object does not
 * declare is an `unrecognized_keys` issue whose message names the key (and
 * the likely intended one), never silently dropped. Checks, defaults,
 * descriptions and error messages are kept. Request bodies go through this,
 * so that a misspelt optional field (`enviroments`) cannot turn into "not
 * given" and widen what the call does. Responses stay lenient, so clients
 * keep working when the API adds a field.
 */
export function strictDeep<T extends z.ZodType>(schema: T): T {
  const def = schema._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
  if (schema instanceof z.ZodObject) {
    const shape = Object.fromEntries(
      Object.entries(schema.shape as Record<string, z.ZodType>).map(([key, value]) => [
        key,
        strictDeep(value),
      ]),
    );
    const known = Object.keys(shape);
    const previous = def.error as ErrorMap | undefined;
    const error: ErrorMap = (issue) =>
      issue.code === "unrecognized_keys"
        ? unknownFieldMessage(issue.keys, known)
        : previous?.(issue);
    return schema.clone({ ...def, shape, catchall: z.never(), error } as never, {
      parent: true,
    }) as T;
  }
  if (schema instanceof z.ZodArray) {
    return schema.clone({ ...def, element: strictDeep(schema.element as z.ZodType) } as never, {
      parent: true,
    }) as T;
  }
  if (
    schema instanceof z.ZodOptional ||
    schema instanceof z.ZodNullable ||
    schema instanceof z.ZodDefault
  ) {
    const inner = def.innerType as z.ZodType;
    return schema.clone({ ...def, innerType: strictDeep(inner) } as never, {
      parent: true,
    }) as T;
  }
  return schema;
}

/** `z.strictObject` whose unknown-key message names the key; for request bodies. */
export function strictBody<Shape extends z.ZodRawShape>(shape: Shape) {
  return strictDeep(z.object(shape));
}
