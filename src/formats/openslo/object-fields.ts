import type { Metadata } from './openslo-v1-schema.js';

/** The name and display name every OpenSLO object carries. */
export function named(metadata: Metadata): { name: string; displayName?: string } {
  return { name: metadata.name, ...optional('displayName', metadata.displayName) };
}

/** `{ key: value }` when value is defined, else `{}` (exactOptionalPropertyTypes). */
export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
