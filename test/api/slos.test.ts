/**
 * SLO status, series, SLI data and OpenSLO import over real HTTP, on the identity-platform fixture.
 *
 * The uploaded data, hand-computed: one day of 1-minute samples ending 2027-03-05T00:00Z, 1,000
 * requests a minute, all good except the last 15 minutes with 80 failures each.
 * - events 1,440,000; budget 0.1 % = 1,440 events; consumed 15 × 80 = 1,200; remaining 240;
 * - attained SLI 1 − 1,200 / 1,440,000; burn rate over the window so far (1,200 / 1,440,000) / 0.001 = 0.8333…;
 * - time to exhaustion (240 / 1,440) × 28 d / 0.8333… = 5.6 d;
 * - page-fast: last hour 1,200 of 60,000 = 2 % → 20× and last 5 min 400 of 5,000 = 8 % → 80×, both > 14.4: fires;
 *   page-slow: last 6 h 1,200 of 360,000 → 3.33× < 6; ticket: 0.83× < 1: neither fires.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../support/programs.js';
import { type ApiWorld, addUser, apiWorld, type Client } from './api-support.js';

const P = '/api/programs/identity-platform';
const END = Date.UTC(2027, 2, 5);
const MIN = 60_000;
const DAY = 86_400_000;
const AT = '2027-03-05T00:00:00Z';

function csv(): string {
  const rows = ['timestamp,good,total'];
  for (let k = 1439; k >= 0; k--) {
    const t = new Date(END - k * MIN).toISOString().replace('.000', '');
    rows.push(`${t},${k < 15 ? 920 : 1000},1000`);
  }
  return `${rows.join('\n')}\n`;
}

interface Status {
  slos: {
    id: string;
    allowedDowntimeSeconds: number;
    unit: string;
    data: { samples: number; from: string; to: string; source: string } | null;
    budget: {
      atMs: number;
      attainedSli: number;
      total: number;
      consumed: number;
      remaining: number;
      exhausted: boolean;
      burnRate: number;
      timeToExhaustionMs: number;
      alert: string | null;
      rules: { name: string; fires: boolean; longBurnRate: number; shortBurnRate: number }[];
    } | null;
    notComputed: string | null;
  }[];
  version: number;
}

interface Problem {
  status: number;
  detail: string;
  errors: { field: string; message: string }[];
  problems?: { line: number; column: number; message: string }[];
}

describe('SLOs over HTTP', () => {
  let world: ApiWorld;
  let editor: Client;
  let viewer: Client;
  let stranger: Client;

  beforeAll(async () => {
    world = await apiWorld('pglite');
    // identity-availability gets a Prometheus source nothing listens on (port 9 is discard; nothing serves HTTP there).
    const yaml = readFileSync(fixture('reliability/identity-platform.yaml'), 'utf8').replace(
      '    objective: 99.9\n    window: 28d\n',
      '    objective: 99.9\n    window: 28d\n    source: { prometheus: "http://127.0.0.1:9" }\n',
    );
    const imported = await world.admin.call('POST', '/api/programs/import?file=identity-platform.yaml', { body: yaml });
    expect(imported.status).toBe(201);
    editor = await addUser(world, 'ed');
    viewer = await addUser(world, 'val');
    stranger = await addUser(world, 'sam');
    for (const [login, role] of [
      ['ed', 'editor'],
      ['val', 'viewer'],
    ])
      expect((await world.admin.call('PUT', `${P}/members/${login}`, { body: { role } })).status).toBe(204);
  }, 120_000);
  afterAll(async () => world?.close());

  it('without data: objective, window and allowed downtime, and why there is no budget', async () => {
    const r = await viewer.json<Status>('GET', `${P}/slos/status?at=${AT}`);
    expect(r.status).toBe(200);
    expect(r.body.slos.map((s) => [s.id, s.unit, s.allowedDowntimeSeconds, s.data, s.budget])).toEqual([
      // 0.1 % of 28 d = 2,419.2 s; 1 % of a week = 6,048 s.
      ['identity-availability', 'events', 2419.2, null, null],
      ['billing-latency', 'minutes', 6048, null, null],
    ]);
    expect(r.body.slos[0]?.notComputed).toMatch(/no SLI data yet/);
  });

  it('an uploaded CSV gives the hand-computed budget, burn rate, exhaustion and the Workbook rule that fires', async () => {
    const put = await editor.json('PUT', `${P}/slos/identity-availability/data?file=identity.csv`, {
      body: csv(),
      headers: { 'content-type': 'text/csv' },
    });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({
      slo: 'identity-availability',
      samples: 1440,
      from: '2027-03-04T00:01:00.000Z',
      to: '2027-03-05T00:00:00.000Z',
      source: 'csv',
    });
    const r = await viewer.json<Status>('GET', `${P}/slos/status?at=${AT}`);
    const s = r.body.slos[0];
    expect(s?.data).toEqual({ samples: 1440, from: '2027-03-04T00:01:00.000Z', to: '2027-03-05T00:00:00.000Z', source: 'csv' });
    const b = s?.budget;
    expect(b?.atMs).toBe(END);
    expect(b?.total).toBeCloseTo(1440, 9);
    expect(b?.consumed).toBe(1200);
    expect(b?.remaining).toBeCloseTo(240, 9);
    expect(b?.exhausted).toBe(false);
    expect(b?.attainedSli).toBeCloseTo(1 - 1200 / 1_440_000, 12);
    expect(b?.burnRate).toBeCloseTo(5 / 6, 9);
    expect((b?.timeToExhaustionMs ?? 0) / DAY).toBeCloseTo(5.6, 9);
    expect(b?.alert).toBe('page');
    expect(b?.rules.map((x) => [x.name, x.fires])).toEqual([
      ['page-fast', true],
      ['page-slow', false],
      ['ticket', false],
    ]);
    expect(b?.rules[0]?.longBurnRate).toBeCloseTo(20, 9);
    expect(b?.rules[0]?.shortBurnRate).toBeCloseTo(80, 9);
    expect(s?.notComputed).toBeNull();
    // An hour before the incident nothing had been consumed.
    const before = await viewer.json<Status>('GET', `${P}/slos/status?at=2027-03-04T23:00:00Z`);
    expect(before.body.slos[0]?.budget).toMatchObject({ consumed: 0, exhausted: false, alert: null });
  });

  it('detected risks follow new SLI data at once, though the program version does not change', async () => {
    const rules = async () =>
      (await viewer.json<{ findings: { rule: string; key: string }[] }>('GET', `${P}/findings?asOf=2027-03-04&trials=0`)).body.findings
        .filter((f) => f.rule.startsWith('slo-'))
        .map((f) => f.key);
    const clean = csv().replace(/,920,1000/g, ',1000,1000');
    const upload = (text: string) =>
      editor.json('PUT', `${P}/slos/identity-availability/data?file=identity.csv`, { body: text, headers: { 'content-type': 'text/csv' } });
    expect((await upload(clean)).status).toBe(200);
    expect(await rules()).toEqual([]);
    expect((await upload(csv())).status).toBe(200);
    expect(await rules()).toEqual(['slo-burn-page:identity-availability']);
  });

  it('the series ends at the status figures and holds at most the points asked for', async () => {
    const r = await viewer.json<{ id: string; unit: string; total: number; points: { t: number; consumed: number; remaining: number }[] }>(
      'GET',
      `${P}/slos/identity-availability/series?at=${AT}&points=60`,
    );
    expect(r.status).toBe(200);
    expect(r.body.unit).toBe('events');
    expect(r.body.points.length).toBeLessThanOrEqual(60);
    expect(r.body.points.length).toBeGreaterThanOrEqual(50);
    expect(r.body.points.at(-1)).toMatchObject({ t: END, consumed: 1200 });
    expect(r.body.points[0]?.consumed).toBe(0);
    expect((await viewer.call('GET', `${P}/slos/identity-availabilty/series`)).status).toBe(404);
    const unknown = await viewer.json<Problem>('GET', `${P}/slos/identity-availabilty/series`);
    expect(unknown.body.detail).toContain('did you mean "identity-availability"?');
  });

  it('bad CSV is refused with each problem at its line and column, and nothing is stored', async () => {
    const bad = 'timestamp,good,total\n2027-03-04T00:01:00Z,1000,1000\n2027-03-04T00:02:00Z,abc,1000\n2027-03-04T00:03:00Z,1001,1000\n';
    const r = await editor.json<Problem>('PUT', `${P}/slos/identity-availability/data`, {
      body: bad,
      headers: { 'content-type': 'text/csv' },
    });
    expect(r.status).toBe(422);
    expect(r.body.problems?.map((p) => [p.line, p.column])).toEqual([
      [3, 22],
      [4, 22],
    ]);
    expect(r.body.errors[0]).toEqual({
      field: 'good',
      message: 'line 3, column 22: good "abc" is not a number (write a plain decimal number such as 1520 or 0.25)',
    });
    // Data of the other kind: the threshold SLO needs timestamp,value.
    const wrongKind = await editor.json<Problem>('PUT', `${P}/slos/billing-latency/data`, {
      body: csv(),
      headers: { 'content-type': 'text/csv' },
    });
    expect(wrongKind.status).toBe(422);
    expect(wrongKind.body.problems?.[0]).toMatchObject({ line: 1, column: 1 });
    expect(wrongKind.body.errors[0]?.message).toContain('write timestamp,value as the header');
    const status = await viewer.json<Status>('GET', `${P}/slos/status?at=${AT}`);
    expect(status.body.slos[0]?.data?.samples).toBe(1440);
    expect(status.body.slos[1]?.data).toBeNull();
  });

  it('viewers read, editors write, others do not see the program', async () => {
    expect(
      (await viewer.call('PUT', `${P}/slos/identity-availability/data`, { body: csv(), headers: { 'content-type': 'text/csv' } })).status,
    ).toBe(403);
    expect((await viewer.call('POST', `${P}/slos/identity-availability/refresh`)).status).toBe(403);
    expect((await viewer.call('POST', `${P}/import/openslo`, { body: 'x' })).status).toBe(403);
    expect((await stranger.call('GET', `${P}/slos/status`)).status).toBe(404);
    expect((await editor.call('PUT', `${P}/slos/nope/data`, { body: csv(), headers: { 'content-type': 'text/csv' } })).status).toBe(404);
    expect((await viewer.call('GET', `${P}/slos/status?at=yesterday`)).status).toBe(400);
    // The generic entity route still reads one SLO.
    const one = await viewer.json<{ value: { id: string } }>('GET', `${P}/slos/identity-availability`);
    expect(one.body.value.id).toBe('identity-availability');
  });

  it('refresh: no source, a threshold SLI, and an unreachable Prometheus each say so', async () => {
    const noSource = await editor.json<Problem>('POST', `${P}/slos/billing-latency/refresh`);
    expect(noSource.status).toBe(422);
    expect(noSource.body.detail).toContain('names no Prometheus server');
    const unreachable = await editor.json<Problem>('POST', `${P}/slos/identity-availability/refresh?at=${AT}`);
    expect(unreachable.status).toBe(502);
    expect(unreachable.body.detail).toContain('Prometheus at http://127.0.0.1:9 did not answer');
  });

  it('the availability table pins the exact downtime', async () => {
    const r = await viewer.json<{ rows: Record<string, number>[] }>('GET', '/api/availability?nines=99.9,99.99');
    expect(r.body.rows).toEqual([
      { percent: 99.9, year: 31536, quarter: 7776, month: 2592, week: 604.8, day: 86.4 },
      { percent: 99.99, year: 3153.6, quarter: 777.6, month: 259.2, week: 60.48, day: 8.64 },
    ]);
    expect((await viewer.call('GET', '/api/availability?nines=99.9,abc')).status).toBe(400);
  });

  it('imports OpenSLO: one SLO per objective, a missing service created for the team given, one change set', async () => {
    const file = readFileSync(
      fixture('../../../shared/corpora/openslo/examples/treat-low-traffic-as-equally-important/timeslices-slo.yaml'),
      'utf8',
    );
    // Upstream's example writes op: gt beside a ratio metric, which the spec forbids: strict reading says where.
    const strict = await editor.json<Problem>('POST', `${P}/import/openslo?file=timeslices-slo.yaml&team=platform`, { body: file });
    expect(strict.status).toBe(422);
    expect(strict.body.problems?.[0]).toMatchObject({ line: 33, column: 11 });
    const noTeam = await editor.json<Problem>('POST', `${P}/import/openslo?file=timeslices-slo.yaml&lenient=true`, { body: file });
    expect(noTeam.status).toBe(422);
    expect(noTeam.body.errors[0]).toMatchObject({ field: 'team' });
    expect(noTeam.body.detail).toContain('web-availability');
    const wrongTeam = await editor.json<Problem>('POST', `${P}/import/openslo?file=timeslices-slo.yaml&lenient=true&team=platfrom`, {
      body: file,
    });
    expect(wrongTeam.body.detail).toContain('did you mean "platform"?');
    const r = await editor.json<{ slos: number; sloIds: string[]; services: number; serviceIds: string[]; saved: { changes: number } }>(
      'POST',
      `${P}/import/openslo?file=timeslices-slo.yaml&lenient=true&team=platform`,
      { body: file },
    );
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ slos: 1, sloIds: ['service-availability'], services: 1, serviceIds: ['web-availability'] });
    expect(r.body.saved.changes).toBe(2);
    const slo = await viewer.json<{ value: Record<string, unknown> }>('GET', `${P}/slos/service-availability`);
    expect(slo.body.value).toMatchObject({
      service: 'web-availability',
      objective: 99.95,
      budgeting: 'Timeslices',
      window: '1w',
      calendar: { start: '2022-01-01 12:00:00', timeZone: 'America/New_York' },
      timeSlice: { window: '1m', target: 95 },
    });
    const history = await viewer.json<{ changeSets: { changes: unknown[] }[] }>('GET', `${P}/history?limit=1`);
    expect(JSON.stringify(history.body)).toContain('service-availability');
    const broken = await editor.json<Problem>('POST', `${P}/import/openslo?file=broken.yaml`, {
      body: 'apiVersion: openslo/v1\nkind: SLO\nmetadata:\n  name: x\nspec:\n  service: [\n',
    });
    expect(broken.status).toBe(422);
    expect(broken.body.problems?.[0]?.line).toBeGreaterThan(0);
  });

  it('tells open event streams that an SLO has new data, by whom', async () => {
    const response = await viewer.call('GET', `${P}/events`);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    let text = '';
    const readUntil = async (pattern: RegExp) => {
      while (!pattern.test(text)) {
        const { value, done } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
    };
    await readUntil(/event: ready/);
    expect(
      (await editor.call('PUT', `${P}/slos/identity-availability/data`, { body: csv(), headers: { 'content-type': 'text/csv' } })).status,
    ).toBe(200);
    await readUntil(/event: changed\ndata: .*\n/);
    const data = JSON.parse(/event: changed\ndata: (.*)\n/.exec(text)?.[1] ?? '{}');
    expect(data).toMatchObject({ actor: 'ed', changes: [{ entity: 'sli-data', id: 'identity-availability', op: 'update' }] });
    await reader.cancel();
  });

  it('is in the API reference', async () => {
    const doc = await viewer.json<{ paths: Record<string, Record<string, unknown>> }>('GET', '/api/openapi.json');
    expect(Object.keys(doc.body.paths['/api/programs/{programId}/slos/status'] ?? {})).toEqual(['get']);
    expect(Object.keys(doc.body.paths['/api/programs/{programId}/slos/{id}/data'] ?? {})).toEqual(['put']);
    expect(Object.keys(doc.body.paths['/api/programs/{programId}/import/openslo'] ?? {})).toEqual(['post']);
    expect(Object.keys(doc.body.paths['/api/availability'] ?? {})).toEqual(['get']);
  });
});
