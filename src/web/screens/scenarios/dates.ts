/** `2027-10-04T18:00:00` → `Oct 4, 2027`. */
export function dateLabel(iso: string | null): string {
  if (!iso) return '—';
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)).toLocaleDateString('en-US', {
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** Calendar days from `a` to `b` (dates of the two ISO strings); undefined when either is missing. */
export function daysBetween(a: string | null, b: string | null): number | undefined {
  if (!a || !b) return undefined;
  return Math.round((Date.parse(`${b.slice(0, 10)}T00:00:00Z`) - Date.parse(`${a.slice(0, 10)}T00:00:00Z`)) / 86_400_000);
}
