import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MINUTES_PER_DAY } from '../calendar/local-date-time.js';
import { timeZone } from '../calendar/time-zone.js';
import { dueRun, nextRunAfter, runsOn, type Schedule } from './next-run.js';

// Zones with hour, half-hour (Lord Howe's DST is 30 minutes) and 45-minute offsets, north and south.
const ZONES = [
  'UTC',
  'Europe/London',
  'Europe/Berlin',
  'America/New_York',
  'America/Sao_Paulo',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'Pacific/Chatham',
];
const EVERY = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'weekdays', 'day'] as const;
const QUARTER = 15 * 60_000;

const schedule = fc.record({
  every: fc.constantFrom(...EVERY),
  // Whole quarters, so a brute-force walk in quarter-hour steps meets every candidate (every offset is a whole quarter).
  at: fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
});

describe('nextRunAfter', () => {
  it('is after `after`, on a scheduled day at the wall time (or just past a gap), and skips no scheduled instant', () => {
    fc.assert(
      fc.property(
        schedule,
        fc.constantFrom(...ZONES),
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2032, 0, 1) }),
        (s: Schedule, zoneName, afterMs) => {
          const zone = timeZone(zoneName);
          const [h, m] = s.at.split(':').map(Number);
          const wallMinute = (h ?? 0) * 60 + (m ?? 0);
          const next = nextRunAfter(s, new Date(afterMs), zoneName).getTime();
          expect(next).toBeGreaterThan(afterMs);
          const local = zone.toLocal(next);
          const day = Math.floor(local / MINUTES_PER_DAY);
          expect(runsOn(s, day)).toBe(true);
          const target = day * MINUTES_PER_DAY + wallMinute;
          if (local !== target) {
            // Only in a gap: the minute before reads earlier than the target, this one later.
            expect(local).toBeGreaterThan(target);
            expect(zone.toLocal(next - 60_000)).toBeLessThan(target);
          }
          // Brute force: no earlier instant after `after` reads a scheduled day at the time for the first time.
          for (let t = Math.ceil((afterMs + 1) / QUARTER) * QUARTER; t < next; t += QUARTER) {
            const l = zone.toLocal(t);
            if (((l % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY !== wallMinute) continue;
            if (!runsOn(s, Math.floor(l / MINUTES_PER_DAY))) continue;
            const repeated = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].some((k) => zone.toLocal(t - k * QUARTER) === l);
            expect(repeated, `${new Date(t).toISOString()} reads ${s.at} on a scheduled day before ${new Date(next).toISOString()}`).toBe(
              true,
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('dueRun', () => {
  it('is the latest scheduled instant in (lastRun, now], runs once, and is nothing when none is there', () => {
    fc.assert(
      fc.property(
        schedule,
        fc.constantFrom(...ZONES),
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2032, 0, 1) }),
        fc.integer({ min: 1, max: 40 * 86_400_000 }),
        (s: Schedule, zone, lastMs, gapMs) => {
          const last = new Date(lastMs);
          const now = new Date(lastMs + gapMs);
          const due = dueRun(s, last, now, zone);
          const next = nextRunAfter(s, last, zone);
          if (due === undefined) {
            expect(next.getTime()).toBeGreaterThan(now.getTime());
            return;
          }
          expect(due.getTime()).toBeGreaterThan(lastMs);
          expect(due.getTime()).toBeLessThanOrEqual(now.getTime());
          // A scheduled instant, and the latest one: the next after it is still ahead.
          expect(nextRunAfter(s, new Date(due.getTime() - 1), zone).getTime()).toBe(due.getTime());
          expect(nextRunAfter(s, due, zone).getTime()).toBeGreaterThan(now.getTime());
          expect(dueRun(s, due, now, zone)).toBeUndefined();
        },
      ),
      { numRuns: 300 },
    );
  });
});
