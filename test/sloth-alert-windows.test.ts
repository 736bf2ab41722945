/**
 * Cross-checks the SLO engine's default burn-rate policy against Sloth's Google 30-day alert windows
 * (../shared/corpora/sloth/internal/alert/windows/google-30d.yaml). It lives in test/ because
 * src/engine does no I/O, even in its tests.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { burnFactor, GOOGLE_SRE_POLICY } from '../src/engine/slo/burn-rate-alerts.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe("Sloth's Google 30d alert windows (../shared/corpora/sloth)", () => {
  const file = new URL('../../shared/corpora/sloth/internal/alert/windows/google-30d.yaml', import.meta.url);
  interface Pair {
    errorBudgetPercent: number;
    shortWindow: string;
    longWindow: string;
  }
  const doc = parse(readFileSync(file, 'utf8')) as {
    spec: { sloPeriod: string; page: { quick: Pair; slow: Pair }; ticket: { quick: Pair; slow: Pair } };
  };
  const ms = (text: string): number => {
    const match = /^(\d+)([mhd])$/.exec(text);
    if (!match) throw new Error(`unexpected duration ${text}`);
    return Number(match[1]) * { m: MIN, h: HOUR, d: DAY }[match[2] as 'm' | 'h' | 'd'];
  };
  const period = ms(doc.spec.sloPeriod);

  it('has the same factors and windows as the default policy (numbers, not strings)', () => {
    expect(period).toBe(30 * DAY);
    const pairs: [Pair, string][] = [
      [doc.spec.page.quick, 'page-fast'],
      [doc.spec.page.slow, 'page-slow'],
      [doc.spec.ticket.slow, 'ticket'],
    ];
    for (const [pair, name] of pairs) {
      const rule = GOOGLE_SRE_POLICY.find((r) => r.name === name);
      expect(rule).toBeDefined();
      expect(burnFactor(pair.errorBudgetPercent, ms(pair.longWindow), period)).toBeCloseTo(rule?.burnRate ?? Number.NaN, 12);
      expect(ms(pair.longWindow)).toBe(rule?.longWindowMs);
      expect(ms(pair.shortWindow)).toBe(rule?.shortWindowMs);
    }
    // Sloth's extra ticket pair (10 % in 1 d, short 2 h) is a 3× burn; the policy leaves it out.
    expect(burnFactor(doc.spec.ticket.quick.errorBudgetPercent, ms(doc.spec.ticket.quick.longWindow), period)).toBeCloseTo(3, 12);
  });
});
