import { err, ok, type Result } from '../../domain/result.js';
import type { TagSet } from '../../engine/cost/cost-table.js';

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** FOCUS date-times are ISO 8601 in UTC; exports write `2024-09-01T00:00:00Z` or `2024-09-01 00:00:00`. */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;
const MS_PER_DAY = 86_400_000;

/** A decimal as written (credits are negative); undefined when it is not one. */
export function parseDecimal(text: string): number | undefined {
  if (!NUMBER.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/** Milliseconds since the Unix epoch of an ISO 8601 date-time; no zone means UTC, as FOCUS requires. */
export function parseInstant(text: string): number | undefined {
  const m = DATE_TIME.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const dayOfMonth = Number(d);
  const hour = Number(h ?? 0);
  const minute = Number(mi ?? 0);
  const second = Number(s ?? 0);
  if (month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > daysInMonth(year, month)) return undefined;
  if (hour > 24 || minute > 59 || second > 59 || (hour === 24 && (minute > 0 || second > 0))) return undefined;
  let ms = Date.UTC(year, month - 1, dayOfMonth, hour, minute, second);
  if (zone && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    ms -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  return ms;
}

export const dayOfInstant = (ms: number): number => Math.floor(ms / MS_PER_DAY);

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The FOCUS `Tags` cell: a JSON object of key → value (FOCUS KeyValueFormat). Values that are
 * numbers or booleans become text; null becomes '' (a tag without a value).
 */
export function parseTags(text: string): Result<TagSet, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return err(`is not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return err('is JSON but not an object of key → value');
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(parsed)) {
    if (v === null) out[k] = '';
    else if (typeof v === 'string') out[k] = v;
    else if (typeof v === 'number' || typeof v === 'boolean') out[k] = String(v);
    else return err(`has a ${Array.isArray(v) ? 'list' : 'nested object'} as the value of "${k}"; tag values are text`);
  }
  return ok(out);
}
