/**
 * A record's own value for a key that comes from the tracker (a status, link type, component or
 * team name): plain `record[key]` would answer Object.prototype's `constructor` or `toString` for a
 * status or component of that name.
 */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
