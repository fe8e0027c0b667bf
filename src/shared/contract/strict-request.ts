import { z } from 'zod';

/**
 * A copy of a request schema in which every object, however deeply nested, refuses keys it does not
 * name. zod objects drop unknown keys by default, which let `items:retryAllDead` with `{"id":6}` run
 * as if the id meant something; a caller that sends a field we do not know has misunderstood the
 * call, and saying so is safer than guessing. Responses stay lenient: fields are only ever added.
 *
 * Walks zod's definitions and clones each schema with its children replaced, so checks, defaults and
 * descriptions are kept. A schema kind this does not know is returned as it is.
 */
export function strictRequest<S extends z.ZodType>(schema: S): S {
  return strict(schema) as S;
}

type AnyDef = Record<string, unknown> & { type: string };

function strict(schema: z.ZodType): z.ZodType {
  const def = schema.def as unknown as AnyDef;
  const again = (s: unknown) => strict(s as z.ZodType);
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>;
      const strictShape = Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, again(v)]));
      return schema.clone({ ...def, shape: strictShape, catchall: z.never() } as never);
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return schema.clone({ ...def, innerType: again(def.innerType) } as never);
    case 'array':
      return schema.clone({ ...def, element: again(def.element) } as never);
    case 'union':
      return schema.clone({ ...def, options: (def.options as z.ZodType[]).map(again) } as never);
    case 'record':
      return schema.clone({ ...def, valueType: again(def.valueType) } as never);
    case 'pipe':
      return schema.clone({ ...def, in: again(def.in), out: again(def.out) } as never);
    case 'intersection':
      return schema.clone({ ...def, left: again(def.left), right: again(def.right) } as never);
    default:
      return schema;
  }
}

/** Keys that reach an object's prototype when a handler copies a request into a plain object. */
const prototypeKeys = new Set(['__proto__', 'constructor', 'prototype']);

/** No request in the contract nests deeper than a few levels; far deeper is an attack on the parser's stack. */
export const maxRequestDepth = 32;

/**
 * What is wrong with the shape of a JSON request before its schema is consulted, or null: a
 * prototype key anywhere (`JSON.parse` makes `__proto__` an own property, and a handler that spreads
 * or assigns it would change the prototype of the object it builds), or nesting deeper than any call
 * needs. Iterative, so a hostile depth cannot overflow the stack here.
 */
export function requestShapeProblem(value: unknown): string | null {
  const pending: { value: unknown; path: string[] }[] = [{ value, path: [] }];
  while (pending.length > 0) {
    const { value: v, path } = pending.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (path.length >= maxRequestDepth) return `the request is nested deeper than ${maxRequestDepth} levels`;
    for (const key of Object.keys(v)) {
      if (!Array.isArray(v) && prototypeKeys.has(key)) return `"${[...path, key].join('.')}" is not allowed as a key`;
      pending.push({ value: (v as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return null;
}
