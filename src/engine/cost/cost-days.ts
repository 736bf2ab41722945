/** Day arithmetic for cost series. A day is whole days since 1970-01-01 UTC; a month is year × 12 + (month − 1). */
const MS_PER_DAY = 86_400_000;

export const dayOfIso = (iso: string): number => Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / MS_PER_DAY);
export const isoOfDay = (day: number): string => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);

export function monthOfDay(day: number): number {
  const d = new Date(day * MS_PER_DAY);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}
export const firstDayOfMonth = (month: number): number => Math.round(Date.UTC(Math.floor(month / 12), month % 12, 1) / MS_PER_DAY);
/** Last day of the month, inclusive. */
export const lastDayOfMonth = (month: number): number => firstDayOfMonth(month + 1) - 1;
/** "2026-03". */
export const monthLabel = (month: number): string => `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
export function monthOfLabel(label: string): number | undefined {
  const m = /^(\d{4})-(\d{2})$/.exec(label);
  if (!m) return undefined;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? Number(m[1]) * 12 + month - 1 : undefined;
}
/** First month of the calendar quarter holding `month`. */
export const quarterStartMonth = (month: number): number => month - (month % 3);
/** "2026-Q1". */
export const quarterLabel = (month: number): string => `${Math.floor(month / 12)}-Q${Math.floor((month % 12) / 3) + 1}`;
