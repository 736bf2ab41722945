import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDay } from '../../engine/calendar/calendar-definition.js';
import { formatDay } from '../../engine/calendar/local-date-time.js';
import { readMspdi } from './read-mspdi.js';

const DIR = fileURLToPath(new URL('../../../../shared/corpora/mspdi-mpxj/generated/calendar-recurring-exceptions/', import.meta.url));

/**
 * MS Project writes a recurring exception entered by a number of occurrences with the date of the
 * last occurrence as its ToDate. So MS Project itself tells us, for each rule, how many days the
 * expansion must have and where it must end: daily, weekly (every n weeks, weeks starting on
 * Sunday), monthly and yearly, absolute (the 4th) and relative (the last Friday).
 */
describe('recurring calendar exceptions, against what MS Project 2007-2016 wrote', () => {
  for (const year of [2007, 2010, 2013, 2016]) {
    it(`Project ${year}: every rule expands to its number of occurrences, ending on MS Project's ToDate`, () => {
      const file = `calendar-recurring-exceptions-project${year}-mspdi.xml`;
      const text = readFileSync(`${DIR}${file}`, 'utf8');
      const r = readMspdi(text, file);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.value.caveats).toEqual([]);
      const expected = [...text.matchAll(/<Exception>([\s\S]*?)<\/Exception>/g)].map((m) => {
        const body = m[1] ?? '';
        const get = (tag: string) => new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(body)?.[1];
        return { name: get('Name') ?? '', occurrences: Number(get('Occurrences')), last: (get('ToDate') ?? '').slice(0, 10) };
      });
      expect(expected.length).toBeGreaterThanOrEqual(20);
      const days = new Map<string, string[]>();
      for (const e of r.value.calendars.get('1')?.definition.exceptions ?? []) {
        const list = days.get(e.name ?? '') ?? [];
        for (let d = parseDay(e.from) as number; d <= (parseDay(e.to) as number); d++) list.push(formatDay(d));
        days.set(e.name ?? '', list);
      }
      for (const e of expected) {
        const got = days.get(e.name) ?? [];
        expect({ name: e.name, count: got.length, last: got[got.length - 1] }).toEqual({
          name: e.name,
          count: e.occurrences,
          last: e.last,
        });
      }
    });
  }
});
