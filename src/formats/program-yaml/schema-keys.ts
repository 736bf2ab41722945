import type { z } from 'zod';

type AnySchema = z.core.$ZodType;

/** The fields an object schema allows at `path` inside `schema`, for "did you mean" hints. */
export function allowedKeys(schema: AnySchema, path: readonly PropertyKey[]): string[] {
  const objects = schemasAt(schema, path).flatMap(objectsIn);
  return [...new Set(objects.flatMap((o) => Object.keys(o._zod.def.shape)))];
}

function schemasAt(schema: AnySchema, path: readonly PropertyKey[]): AnySchema[] {
  let current = [schema];
  for (const segment of path) {
    current = current.flatMap(unwrap).flatMap((s): AnySchema[] => {
      const def = s._zod.def;
      if (def.type === 'object' && typeof segment === 'string') {
        const child = (s as z.core.$ZodObject)._zod.def.shape[segment];
        return child ? [child] : [];
      }
      if (def.type === 'array' && typeof segment === 'number') return [(s as z.core.$ZodArray)._zod.def.element];
      return [];
    });
  }
  return current;
}

function unwrap(schema: AnySchema): AnySchema[] {
  const def = schema._zod.def as {
    type: string;
    innerType?: AnySchema;
    in?: AnySchema;
    options?: AnySchema[];
  };
  if ((def.type === 'default' || def.type === 'optional' || def.type === 'nullable') && def.innerType) {
    return unwrap(def.innerType);
  }
  if (def.type === 'pipe' && def.in) return unwrap(def.in);
  if (def.type === 'union' && def.options) return def.options.flatMap(unwrap);
  return [schema];
}

function objectsIn(schema: AnySchema): z.core.$ZodObject[] {
  return unwrap(schema).filter((s): s is z.core.$ZodObject => s._zod.def.type === 'object');
}
