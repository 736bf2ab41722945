import { describe, expect, it } from 'vitest';
import type { ProgramModel } from '../domain/program-model.js';
import { readProgramYaml } from '../formats/program-yaml/read-program.js';
import type { StoredSli } from '../store/sli-store.js';
import { sloStatus } from './reliability/slo-status.js';
import { hasReliability, reliabilitySection } from './report-reliability.js';

const PROGRAM = `throughline: 1
program: { id: rel, name: Reliability, start: 2027-01-04, target: 2027-06-30 }
teams:
  - { id: identity, name: Identity, capacity: 5 }
  - { id: sre, name: Site Reliability, capacity: 5 }
services:
  - { id: login, name: Login, team: identity, tier: 1 }
  - { id: search, name: Search, team: sre, tier: 2 }
items:
  - { id: region, title: Second region, team: sre, estimate: 20, priority: 4, state: in-progress }
  - { id: cache, title: Cache tuning, team: sre, estimate: 3, priority: 3, state: in-progress }
slos:
  - { id: login-ok, service: login, name: Login succeeds, objective: 99, window: 1d, indicator: { ratio: { good: a, total: b } } }
  - { id: search-ok, service: search, name: Search succeeds, objective: 99, window: 1d, indicator: { ratio: { good: a, total: b } } }
incidents:
  - id: inc-1
    title: Checkout down
    severity: SEV1
    status: identified
    startedAt: 2027-01-10T20:00:00Z
    roles: { incidentCommander: Priya Raman }
    updates: [{ at: 2027-01-10T21:00:00Z, audience: executives, text: Fixing. }]
  - { id: inc-2, title: Slow search, severity: SEV3, status: monitoring, startedAt: 2027-01-10T18:00:00Z, updates: [{ at: 2027-01-10T21:30:00Z, audience: team, text: Watching. }] }
  - id: inc-3
    title: Login errors
    severity: SEV2
    status: resolved
    startedAt: 2027-01-08T09:00:00Z
    timeline:
      - { at: 2027-01-08T09:00:00Z, kind: detected }
      - { at: 2027-01-08T10:30:00Z, kind: resolved }
  - id: inc-4
    title: Old outage
    severity: SEV2
    status: resolved
    startedAt: 2027-01-01T09:00:00Z
    timeline: [{ at: 2027-01-01T09:00:00Z, kind: detected }, { at: 2027-01-01T09:10:00Z, kind: resolved }]
  - { id: inc-5, title: Tomorrow's outage, severity: SEV1, status: investigating, startedAt: 2027-01-11T09:00:00Z }
postmortems:
  - id: pm-3
    incident: inc-3
    summary: The pool kept the old primary.
    actionItems:
      - { id: pool, title: Honour DNS TTL, ownerTeam: identity, due: 2027-01-09, level: 1 }
      - { id: check, title: Runbook check, ownerTeam: sre, due: 2027-01-20, level: 2 }
  - id: pm-4
    incident: inc-4
    summary: A bad deploy.
    actionItems:
      - { id: canary, title: Canary deploys, ownerTeam: sre, due: 2027-01-12, level: 2 }
      - { id: done, title: Roll back faster, ownerTeam: sre, due: 2027-01-05, level: 1, state: done }
`;

function model(text = PROGRAM): ProgramModel {
  const read = readProgramYaml(text, 'rel.yaml');
  if (!read.ok) throw new Error(read.error.map((p) => p.message).join('\n'));
  return read.value;
}

const AT = Date.parse('2027-01-10T22:00:00Z');
const SINCE = Date.parse('2027-01-03T23:59:59.999Z');

/** Hourly samples of 100 events over the day before AT, `bad` of them failing each hour. */
function stored(slo: string, bad: number): StoredSli {
  const timestamps = Float64Array.from({ length: 24 }, (_, h) => AT - (23 - h) * 3_600_000);
  return {
    slo: slo as StoredSli['slo'],
    kind: 'ratio',
    source: 'csv',
    samples: 24,
    fromMs: timestamps[0] as number,
    toMs: timestamps[23] as number,
    actor: 'test',
    updatedAt: new Date(AT),
    series: { kind: 'ratio', timestamps, good: new Float64Array(24).fill(100 - bad), total: new Float64Array(24).fill(100) },
  };
}

describe('the reliability section of the status report', () => {
  const m = model();
  const statuses = [
    sloStatus(m.slos[0] as (typeof m.slos)[number], stored('login-ok', 2), AT),
    sloStatus(m.slos[1] as (typeof m.slos)[number], stored('search-ok', 0), AT),
  ];
  const r = reliabilitySection(m, { atMs: AT, sinceMs: SINCE, since: '2027-01-03', sloStatuses: statuses });

  it('answers "is anything on fire?" with the major incident and the spent budget', () => {
    expect(r.onFire).toBe(true);
    expect(r.headline).toBe(
      'Yes: SEV1 "Checkout down" has been open for 2 hours (commander Priya Raman) and SLO "Login succeeds" has used all of its error budget.',
    );
  });

  it('lists open incidents worst first with age, commander and overdue update; not the ones opened later', () => {
    expect(r.openIncidents.map((i) => [i.id, i.openForMinutes, i.commander, i.updateOverdueMinutes])).toEqual([
      // SEV1 every 30 min: last update 21:00, due 21:30, 30 min late at 22:00.
      ['inc-1', 120, 'Priya Raman', 30],
      // SEV3 every 240 min: last update 21:30, due 01:30: on time.
      ['inc-2', 240, null, null],
    ]);
  });

  it('shows budgets worst first: 2 % errors spend 48 of 24 events (overspent by 100 %), none spend nothing', () => {
    expect(r.slos.map((s) => [s.id, s.state, s.budgetLeft])).toEqual([
      ['login-ok', 'exhausted', -1],
      ['search-ok', 'ok', 1],
    ]);
  });

  it('says why Stability is broken and which Scale work to pause', () => {
    expect(r.funnel.level1Broken).toBe(true);
    expect(r.funnel.reasons).toEqual([
      'SEV1 incident inc-1 "Checkout down" is open (identified)',
      'SLO login-ok has used all of its error budget',
      'level-1 post-mortem action item pm-3-pool "Honour DNS TTL" was due 2027-01-09, 1 day ago',
    ]);
    expect(r.funnel.stop).toEqual([{ id: 'region', title: 'Second region', team: 'Site Reliability' }]);
    expect(r.funnel.inProgress).toEqual([
      { level: 1, name: 'Stability', count: 0 },
      { level: 2, name: 'Reliability', count: 0 },
      { level: 3, name: 'Efficiency', count: 1 },
      { level: 4, name: 'Scale', count: 1 },
    ]);
  });

  it('lists post-mortems with open action items, overdue first; done items leave the list', () => {
    expect(r.postmortems.map((pm) => [pm.id, pm.open.map((a) => [a.id, a.team, a.overdueDays])])).toEqual([
      [
        'pm-3',
        [
          ['pool', 'Identity', 1],
          ['check', 'Site Reliability', 0],
        ],
      ],
      ['pm-4', [['canary', 'Site Reliability', 0]]],
    ]);
  });

  it("counts the period's incidents (opened after the 3rd, by the instant) and their mean time to resolve", () => {
    // inc-1 (SEV1), inc-2 (SEV3), inc-3 (SEV2, resolved in 90 min); inc-4 is older, inc-5 later.
    expect(r.period).toEqual({
      since: '2027-01-03',
      incidents: 3,
      bySeverity: [
        { severity: 'SEV1', count: 1 },
        { severity: 'SEV2', count: 1 },
        { severity: 'SEV3', count: 1 },
      ],
      mttrMinutes: 90,
    });
  });

  it('without SLI data: every SLO shows no data, and the headline says what it cannot judge', () => {
    const calm = model(PROGRAM.replace('status: identified', 'status: resolved'));
    const s = reliabilitySection(calm, { atMs: AT, sinceMs: SINCE, since: '2027-01-03' });
    expect(s.slos.map((x) => x.state)).toEqual(['no-data', 'no-data']);
    expect(s.onFire).toBe(false);
    expect(s.headline).toBe(
      'No: no major incident is open (1 minor one being handled) and no SLO has data yet to judge its error budget. But Stability is not restored: 1 level-1 post-mortem fix is overdue.',
    );
  });

  it('is left out for a program without services, SLOs, incidents or post-mortems', () => {
    expect(hasReliability(m)).toBe(true);
    expect(hasReliability({ ...m, services: [], slos: [], incidents: [], postmortems: [] })).toBe(false);
  });
});
