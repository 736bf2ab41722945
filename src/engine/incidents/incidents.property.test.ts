import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INCIDENT_STATUSES, incidentSchema, SEVERITIES, type TimelineKind } from '../../domain/incident.js';
import { workItemSchema } from '../../domain/work-item.js';
import { computeFunnel } from './funnel.js';
import { budgetConsumed, incidentDurations } from './incident-metrics.js';
import { updateDue } from './update-cadence.js';

const BASE = Date.parse('2027-01-01T00:00:00Z');
const iso = (minutes: number) => new Date(BASE + minutes * 60_000).toISOString();
const gap = fc.integer({ min: 0, max: 24 * 60 });

/**
 * A valid timeline: impact, then detection, acknowledgement, mitigation and resolution in that
 * order (equal times allowed), written in any order, with notes and later repeats of milestones.
 */
const validIncident = fc
  .record({
    gaps: fc.tuple(gap, gap, gap, gap),
    knownImpact: fc.boolean(),
    reached: fc.integer({ min: 1, max: 4 }),
    extras: fc.array(fc.tuple(fc.constantFrom<TimelineKind>('note', 'acknowledged', 'update-sent'), gap), { maxLength: 4 }),
    order: fc.integer({ min: 0, max: 1_000 }),
    severity: fc.constantFrom(...SEVERITIES),
  })
  .map(({ gaps, knownImpact, reached, extras, order, severity }) => {
    const kinds: TimelineKind[] = ['acknowledged', 'mitigated', 'resolved'];
    let t = gaps[0];
    const detected = t;
    const timeline = [{ at: iso(detected), kind: 'detected' as TimelineKind, text: '' }];
    for (const [i, kind] of kinds.slice(0, reached - 1).entries()) {
      t += gaps[i + 1] ?? 0;
      timeline.push({ at: iso(t), kind, text: '' });
    }
    const ackAt = timeline.find((e) => e.kind === 'acknowledged')?.at;
    for (const [kind, g] of extras) {
      // A repeated acknowledgement comes after the first one; notes land anywhere after detection.
      const after = kind === 'acknowledged' ? (ackAt === undefined ? undefined : Date.parse(ackAt)) : BASE + detected * 60_000;
      if (after !== undefined) timeline.push({ at: new Date(after + g * 60_000).toISOString(), kind, text: '' });
    }
    // Rotate the list: the engines must not rely on the order entries were written in.
    const k = order % timeline.length;
    return incidentSchema.parse({
      id: 'inc-p',
      title: 'p',
      severity,
      startedAt: iso(detected),
      ...(knownImpact ? { impactStartedAt: iso(0) } : {}),
      timeline: [...timeline.slice(k), ...timeline.slice(0, k)],
    });
  });

describe('incident metrics on valid timelines', () => {
  it('are non-negative and ordered detect ≤ acknowledge ≤ mitigate ≤ resolve', () => {
    fc.assert(
      fc.property(validIncident, (inc) => {
        const d = incidentDurations(inc);
        const chain = [d.timeToDetect ?? 0, d.timeToAcknowledge, d.timeToMitigate, d.timeToResolve].filter((x): x is number => x !== null);
        for (const x of chain) expect(x).toBeGreaterThanOrEqual(0);
        for (let i = 1; i < chain.length; i++) expect(chain[i]).toBeGreaterThanOrEqual(chain[i - 1] ?? 0);
      }),
    );
  });

  it('charge exactly the impact time up to mitigation, or else resolution', () => {
    fc.assert(
      fc.property(validIncident, fc.integer({ min: 1, max: 10_000 }), (inc, budget) => {
        const r = budgetConsumed(inc, budget, BASE + 10 * 24 * 60 * 60_000);
        if (!r.ok) throw new Error(r.error.message);
        const d = incidentDurations(inc);
        expect(r.value.minutes).toBeGreaterThanOrEqual(0);
        const end = d.timeToMitigate ?? d.timeToResolve;
        if (end !== null) expect(r.value.minutes).toBe(end);
        expect(r.value.fraction).toBeCloseTo(r.value.minutes / budget, 9);
      }),
    );
  });
});

describe('update cadence', () => {
  it('is monotone in now: later never means less overdue', () => {
    fc.assert(
      fc.property(
        validIncident,
        fc.constantFrom(...INCIDENT_STATUSES),
        fc.array(gap, { maxLength: 3 }),
        gap,
        gap,
        (inc, status, updateTimes, a, b) => {
          const withUpdates = {
            ...inc,
            status,
            updates: updateTimes.map((m) => ({ at: iso(m), audience: 'execs', text: 'update' })),
          };
          const [early, late] = a <= b ? [a, b] : [b, a];
          const x = updateDue(withUpdates, BASE + early * 60_000 * 3);
          const y = updateDue(withUpdates, BASE + late * 60_000 * 3);
          expect(y.overdueMinutes).toBeGreaterThanOrEqual(x.overdueMinutes);
          if (x.overdue) expect(y.overdue).toBe(true);
          expect(x.overdue).toBe(x.overdueMinutes > 0);
        },
      ),
    );
  });
});

describe('funnel', () => {
  const items = fc.array(
    fc.record({
      priority: fc.constantFrom(1, 2, 3, 4, undefined),
      state: fc.constantFrom('not-started', 'in-progress', 'done'),
      deadline: fc.constantFrom('2027-01-01', '2027-06-01', undefined),
      tags: fc.subarray(['postmortem', 'security-patch']),
    }),
    { maxLength: 12 },
  );

  it('flags exactly the level-4 work in progress while level 1 is broken, and counts all work in progress', () => {
    fc.assert(
      fc.property(items, fc.boolean(), fc.boolean(), (raw, sev1Open, budgetOut) => {
        const work = raw.map((r, i) =>
          workItemSchema.parse({
            id: `w${i}`,
            title: `w${i}`,
            state: r.state,
            tags: r.tags,
            ...(r.priority === undefined ? {} : { priority: r.priority }),
            ...(r.deadline === undefined ? {} : { deadline: r.deadline }),
          }),
        );
        const incidents = sev1Open ? [incidentSchema.parse({ id: 'i', title: 'i', severity: 'SEV1', startedAt: iso(0) })] : [];
        const f = computeFunnel({
          incidents,
          exhaustedBudgets: budgetOut ? ['slo'] : [],
          items: work,
          now: new Date('2027-03-01T00:00:00Z'),
        });
        const level4Wip = work.filter((w) => w.priority === 4 && w.state === 'in-progress').map((w) => w.id);
        expect(f.level1Broken).toBe(f.reasons.length > 0);
        if (sev1Open || budgetOut) expect(f.level1Broken).toBe(true);
        expect(f.flagged.map((x) => x.item)).toEqual(f.level1Broken ? level4Wip : []);
        const wip = work.filter((w) => w.state === 'in-progress').length;
        expect(f.inProgress[1] + f.inProgress[2] + f.inProgress[3] + f.inProgress[4] + f.inProgress.none).toBe(wip);
      }),
    );
  });
});
