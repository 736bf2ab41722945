import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, readValid } from '../../../test/support/programs.js';
import { openFreshStore } from '../../../test/support/stores.js';
import type { ProgramId } from '../../domain/ids.js';
import type { ProgramStore } from '../../store/program-store.js';
import {
  assignRoles,
  logTimeline,
  nextStatuses,
  openIncident,
  postUpdate,
  resolveIncident,
  setIncidentStatus,
} from './incident-changes.js';
import { patchBetween } from './incident-edit.js';
import { incidentMetricsReport } from './incident-metrics-report.js';
import { incidentView } from './incident-view.js';

const ID = 'identity-platform' as ProgramId;
const meta = { actor: 'priya', at: new Date('2026-11-16T09:00:00Z'), source: 'test' };
let store: ProgramStore;

beforeAll(async () => {
  store = await openFreshStore('pglite');
  await store.saveProgram(readValid(fixture('reliability/identity-platform.yaml')), meta);
});
afterAll(() => store.close());

const read = async () => {
  const m = await store.readProgram(ID);
  if (!m) throw new Error('program missing');
  return m;
};

describe('incident use cases on a stored program', () => {
  it('opens a SEV1 as the next inc-N, logs, updates, moves and resolves it, each write one change set', async () => {
    const opened = await openIncident(
      store,
      ID,
      {
        title: 'Token validation failures',
        severity: 'SEV1',
        startedAt: '2026-11-16T09:04:00Z',
        impactStartedAt: '2026-11-16T08:58:00Z',
        services: ['identity-api'],
        roles: { incidentCommander: 'Priya Raman' },
      },
      meta,
    );
    expect(opened.ok && opened.value.value.id).toBe('inc-102');
    expect(opened.ok && opened.value.value.status).toBe('investigating');
    const v1 = opened.ok ? opened.value.saved.version : 0;

    // Written out of order on purpose: the timeline stays in time order.
    expect(
      (await logTimeline(store, ID, 'inc-102', { kind: 'acknowledged', text: 'On-call joined', at: '2026-11-16T09:07:00Z' }, meta)).ok,
    ).toBe(true);
    const logged = await logTimeline(
      store,
      ID,
      'inc-102',
      { kind: 'detected', text: 'Alert fired', at: '2026-11-16T09:04:00Z', author: 'pager' },
      meta,
    );
    expect(logged.ok && logged.value.value.timeline.map((e) => e.kind)).toEqual(['detected', 'acknowledged']);
    expect(logged.ok && logged.value.saved.version).toBe(v1 + 2);

    expect(
      (
        await postUpdate(
          store,
          ID,
          'inc-102',
          { audience: 'executives', text: 'Sign-in failing for some.', at: '2026-11-16T09:15:00Z' },
          meta,
        )
      ).ok,
    ).toBe(true);
    // At 09:50 the SEV1 cadence of 30 min since 09:15 is 5 min late.
    const late = incidentView(await read(), 'inc-102', new Date('2026-11-16T09:50:00Z'));
    expect(late?.nextUpdateDue).toBe('2026-11-16T09:45:00.000Z');
    expect(late?.updateOverdueMinutes).toBe(5);
    expect(late?.severity.description).toContain('Sign-in or checkout down'); // the program's own SEV1 definition
    expect(late?.nextStatuses).toEqual(['identified', 'monitoring', 'resolved']);

    expect(
      (await logTimeline(store, ID, 'inc-102', { kind: 'note', text: 'Key cache suspected', at: '2026-11-16T09:30:00Z' }, meta)).ok,
    ).toBe(true);
    // Written after the 09:30 note, the 09:20 move still lands before it.
    const identified = await setIncidentStatus(store, ID, 'inc-102', { status: 'identified', at: '2026-11-16T09:20:00Z' }, meta);
    expect(identified.ok && identified.value.value.timeline.map((e) => e.kind).slice(2)).toEqual(['status-change', 'note']);
    const monitoring = await setIncidentStatus(
      store,
      ID,
      'inc-102',
      { status: 'monitoring', at: '2026-11-16T09:51:00Z', text: 'Key cache flushed' },
      meta,
    );
    // Monitoring means customers stopped being affected: the mitigated milestone is logged with it.
    expect(monitoring.ok && monitoring.value.value.timeline.filter((e) => e.kind === 'mitigated')).toEqual([
      { at: '2026-11-16T09:51:00.000Z', kind: 'mitigated', text: 'Key cache flushed' },
    ]);

    const back = await setIncidentStatus(store, ID, 'inc-102', { status: 'identified', at: '2026-11-16T09:55:00Z' }, meta);
    expect(back.ok).toBe(false);
    if (!back.ok && back.error.kind === 'illegal-transition') {
      expect(back.error.allowed).toEqual(['resolved']);
      expect(back.error.message).toBe(
        'incident inc-102: an incident cannot go back from monitoring to identified; from monitoring it can move to resolved',
      );
    } else throw new Error(`expected an illegal transition, got ${JSON.stringify(back)}`);

    expect((await assignRoles(store, ID, 'inc-102', { scribe: 'Jo Park', incidentCommander: '' }, meta)).ok).toBe(true);
    const resolved = await resolveIncident(store, ID, 'inc-102', { at: '2026-11-16T10:40:00Z', text: 'Error rate normal' }, meta);
    expect(resolved.ok && resolved.value.value.status).toBe('resolved');
    expect(resolved.ok && resolved.value.value.roles).toEqual({ scribe: 'Jo Park' });
    expect(resolved.ok && resolved.value.value.timeline.map((e) => `${e.at.slice(11, 16)} ${e.kind}`)).toEqual([
      '09:04 detected',
      '09:07 acknowledged',
      '09:20 status-change',
      '09:30 note',
      '09:51 status-change',
      '09:51 mitigated',
      '10:40 status-change',
      '10:40 resolved',
    ]);

    const view = incidentView(await read(), 'inc-102', new Date('2026-11-16T11:00:00Z'));
    // Origin is impact start 08:58: detect 09:04 = 6, acknowledge 09:07 = 9, mitigate 09:51 = 53, resolve 10:40 = 102 minutes.
    expect(view?.metrics).toEqual({
      timeToDetectMs: 6 * 60_000,
      timeToAcknowledgeMs: 9 * 60_000,
      timeToMitigateMs: 53 * 60_000,
      timeToResolveMs: 102 * 60_000,
    });
    expect(view?.nextUpdateDue).toBeNull();
    expect(view?.updateOverdueMinutes).toBeNull();
    expect(view?.nextStatuses).toEqual(['investigating']);
    expect(view?.executiveUpdate).toContain('This is the final update.');

    const history = await store.history(ID, { limit: 20 });
    expect(history.filter((c) => c.actor === 'priya' && c.changes.some((x) => x.entity === 'incident' && x.id === 'inc-102'))).toHaveLength(
      9,
    );
  });

  it('refuses bad input before writing, and names what is missing', async () => {
    const bad = await logTimeline(store, ID, 'inc-101', { kind: 'oops' as never, text: '', at: 'yesterday' }, meta);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error.kind === 'invalid' && bad.error.errors.map((e) => e.field).sort()).toEqual(['at', 'kind']);
    const missing = await postUpdate(store, ID, 'inc-999', { audience: 'execs', text: 'x', at: '2026-11-16T09:00:00Z' }, meta);
    expect(!missing.ok && missing.error).toEqual({ kind: 'not-found', entity: 'incident', key: 'inc-999' });
    const dup = await openIncident(store, ID, { id: 'inc-101', title: 'x', severity: 'SEV3', startedAt: '2026-11-16T09:00:00Z' }, meta);
    expect(!dup.ok && dup.error.kind).toBe('exists');
    const unknownService = await openIncident(
      store,
      ID,
      { title: 'x', severity: 'SEV3', startedAt: '2026-11-16T09:00:00Z', services: ['nope'] },
      meta,
    );
    expect(!unknownService.ok && unknownService.error.kind).toBe('invalid');
  });

  it('with an If-Match that is no longer current, a write is a conflict with the current version', async () => {
    const stale = await logTimeline(store, ID, 'inc-101', { kind: 'note', text: 'late note', at: '2026-11-10T16:00:00Z' }, meta, '"stale"');
    expect(!stale.ok && stale.error.kind).toBe('conflict');
  });

  it('reopening needs a reason; the allowed statuses are named', async () => {
    const reopen = await setIncidentStatus(store, ID, 'inc-101', { status: 'investigating', at: '2026-11-10T16:00:00Z' }, meta);
    expect(!reopen.ok && reopen.error.kind === 'illegal-transition' && reopen.error.allowed).toEqual(['investigating']);
    expect(nextStatuses('investigating')).toEqual(['identified', 'monitoring', 'resolved']);
  });

  it('counts incidents per severity and service with MTTR, and the budget each consumed', async () => {
    const report = incidentMetricsReport(await read(), { now: new Date('2026-11-16T11:00:00Z') });
    expect(report.count).toBe(2);
    // inc-101 resolved 92 min after impact start (13:58 → 15:30); inc-102 102 min (08:58 → 10:40).
    expect(report.bySeverity.find((s) => s.severity === 'SEV2')).toEqual({ severity: 'SEV2', count: 1, open: 0, mttrMs: 92 * 60_000 });
    expect(report.bySeverity.find((s) => s.severity === 'SEV1')).toEqual({ severity: 'SEV1', count: 1, open: 0, mttrMs: 102 * 60_000 });
    expect(report.byService).toEqual([
      { service: 'identity-api', count: 2, open: 0 },
      { service: 'users-db', count: 1, open: 0 },
    ]);
    // identity-availability: 99.9 % over 28 d = 40.32 min of budget. inc-101 impact 13:58 → mitigated 14:40 = 42 min.
    const used = report.budgetConsumed.find((b) => b.incident === 'inc-101');
    expect(used?.slo).toBe('identity-availability');
    expect(used?.consumed).toBe(42);
    expect(used?.fraction).toBeCloseTo(42 / 40.32, 9);
    const november16 = incidentMetricsReport(await read(), {
      from: new Date('2026-11-16T00:00:00Z'),
      to: new Date('2026-11-17T00:00:00Z'),
      now: new Date('2026-11-16T11:00:00Z'),
    });
    expect(november16.count).toBe(1);
  });
});

describe('patchBetween', () => {
  it('sends changed keys, removed keys as null, nested objects as patches and arrays whole', () => {
    expect(patchBetween({ a: 1, b: { x: 1, y: 2 }, c: [1], d: 'gone' }, { a: 1, b: { x: 1 }, c: [1, 2] })).toEqual({
      b: { y: null },
      c: [1, 2],
      d: null,
    });
  });
});
