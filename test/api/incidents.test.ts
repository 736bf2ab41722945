import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../support/programs.js';
import { type ApiWorld, addUser, apiWorld, type Client } from './api-support.js';

const P = '/api/programs/identity-platform';
const MIN = 60_000;

interface Tagged<T> {
  etag: string;
  value: T;
}
interface Incident {
  id: string;
  status: string;
  timeline: { at: string; kind: string; text: string; author?: string }[];
  updates: { at: string; audience: string; text: string; author?: string }[];
  startedAt?: string;
}

describe('incidents, post-mortems and the funnel over HTTP', () => {
  let world: ApiWorld;
  let editor: Client;
  let viewer: Client;
  let outsider: Client;

  beforeAll(async () => {
    world = await apiWorld('pglite');
    const imported = await world.admin.call('POST', '/api/programs/import?file=identity-platform.yaml', {
      body: readFileSync(fixture('reliability/identity-platform.yaml'), 'utf8'),
    });
    if (imported.status !== 201) throw new Error(`import failed: ${imported.status} ${await imported.text()}`);
    editor = await addUser(world, 'ana');
    viewer = await addUser(world, 'vic');
    outsider = await addUser(world, 'eve');
    for (const [login, role] of [
      ['ana', 'editor'],
      ['vic', 'viewer'],
    ] as const) {
      const given = await world.admin.call('PUT', `${P}/members/${login}`, { body: { role } });
      if (given.status !== 204) throw new Error(`role for ${login}: ${given.status}`);
    }
    const opened = await editor.json('POST', `${P}/incidents`, {
      body: {
        id: 'inc-102',
        title: 'Token validation failures',
        severity: 'SEV1',
        startedAt: '2026-11-16T09:04:00Z',
        impactStartedAt: '2026-11-16T08:58:00Z',
        services: ['identity-api'],
      },
    });
    if (opened.status !== 201) throw new Error(`open failed: ${opened.status} ${JSON.stringify(opened.body)}`);
  }, 120_000);
  afterAll(async () => world?.close());

  it('logs timeline entries: author defaults to the caller, instants in UTC, entries kept in time order, the ETag answered', async () => {
    const ack = await editor.json<Tagged<Incident>>('POST', `${P}/incidents/inc-102/timeline`, {
      body: { kind: 'acknowledged', text: 'On-call joined', at: '2026-11-16T09:07:00Z' },
    });
    expect(ack.status).toBe(200);
    expect(ack.headers.get('etag')).toBe(ack.body.etag);
    const det = await editor.json<Tagged<Incident>>('POST', `${P}/incidents/inc-102/timeline`, {
      body: { kind: 'detected', text: 'Alert fired', at: '2026-11-16T09:04:00Z' },
    });
    expect(det.body.value.timeline).toEqual([
      { at: '2026-11-16T09:04:00.000Z', kind: 'detected', text: 'Alert fired', author: 'ana' },
      { at: '2026-11-16T09:07:00.000Z', kind: 'acknowledged', text: 'On-call joined', author: 'ana' },
    ]);
    const upd = await editor.json<Tagged<Incident>>('POST', `${P}/incidents/inc-102/updates`, {
      body: { audience: 'executives', text: 'Some customers cannot sign in.', at: '2026-11-16T09:15:00Z' },
    });
    expect(upd.status).toBe(200);
    expect(upd.body.value.updates).toEqual([
      { at: '2026-11-16T09:15:00.000Z', audience: 'executives', text: 'Some customers cannot sign in.', author: 'ana' },
    ]);
  });

  it('tells open event streams about a logged entry, attributed to the caller', async () => {
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
    const logged = await editor.json('POST', `${P}/incidents/inc-102/timeline`, {
      body: { kind: 'note', text: 'Key cache suspected', at: '2026-11-16T09:12:00Z' },
    });
    expect(logged.status).toBe(200);
    await readUntil(/event: changed\ndata: .*\n/);
    const data = JSON.parse(/event: changed\ndata: (.*)\n/.exec(text)?.[1] ?? '{}');
    expect(data).toMatchObject({ actor: 'ana', source: 'web', changes: [{ entity: 'incident', id: 'inc-102', op: 'update' }] });
    await reader.cancel();
  });

  it('views an incident at an instant: metrics, the program severity, the overdue update, the executive draft', async () => {
    const view = await viewer.json<Record<string, unknown>>('GET', `${P}/incidents/inc-102/view?at=2026-11-16T09:50:00Z`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({
      severity: { severity: 'SEV1', updateCadenceMinutes: 30 },
      metrics: { timeToDetectMs: 6 * MIN, timeToAcknowledgeMs: 9 * MIN, timeToMitigateMs: null, timeToResolveMs: null },
      nextUpdateDue: '2026-11-16T09:45:00.000Z',
      updateOverdueMinutes: 5,
      nextStatuses: ['identified', 'monitoring', 'resolved'],
      postmortems: [],
    });
    expect(view.body.executiveUpdate).toContain('- 2026-11-16 09:04 UTC: We noticed the problem. Alert fired.');
    // The same instant again is served from the per-version cache, identical.
    const again = await viewer.json('GET', `${P}/incidents/inc-102/view?at=2026-11-16T09:50:00Z`);
    expect(again.body).toEqual(view.body);
  });

  it('moves the status; an illegal move is 422 illegal-transition naming the allowed statuses; a stale If-Match is 409', async () => {
    const monitoring = await editor.json<Tagged<Incident>>('PUT', `${P}/incidents/inc-102/status`, {
      body: { status: 'monitoring', at: '2026-11-16T09:51:00Z', text: 'Key cache flushed' },
    });
    expect(monitoring.status).toBe(200);
    expect(monitoring.body.value.timeline.slice(-2).map((e) => e.kind)).toEqual(['status-change', 'mitigated']);
    const back = await editor.json<Record<string, unknown>>('PUT', `${P}/incidents/inc-102/status`, { body: { status: 'identified' } });
    expect(back.status).toBe(422);
    expect(back.body).toMatchObject({
      type: 'https://throughline.dev/problems/illegal-transition',
      from: 'monitoring',
      to: 'identified',
      allowed: ['resolved'],
      errors: [{ field: 'status', message: 'from monitoring the status can move to resolved' }],
    });
    const stale = await editor.json<Record<string, unknown>>('POST', `${P}/incidents/inc-102/timeline`, {
      body: { kind: 'note', text: 'x' },
      headers: { 'if-match': '"not-the-current-one"' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.currentEtag).toBe(monitoring.body.etag);
    const resolved = await editor.json<Tagged<Incident>>('PUT', `${P}/incidents/inc-102/status`, {
      body: { status: 'resolved', at: '2026-11-16T10:40:00Z' },
      headers: { 'if-match': monitoring.body.etag },
    });
    expect(resolved.status).toBe(200);
    expect(resolved.body.value.status).toBe('resolved');
  });

  it('answers bad input with the field, unknown incidents with 404, and keeps viewers and outsiders out', async () => {
    const bad = await editor.json<{ errors: { field: string }[] }>('POST', `${P}/incidents/inc-102/timeline`, { body: { kind: 'fixed' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.field)).toEqual(['kind']);
    const missing = await editor.json<{ detail: string }>('POST', `${P}/incidents/inc-103/updates`, { body: { audience: 'x', text: 'y' } });
    expect(missing.status).toBe(404);
    const unknownView = await viewer.json<{ detail: string }>('GET', `${P}/incidents/inc-10/view`);
    expect(unknownView.status).toBe(404);
    expect(unknownView.body.detail).toContain('did you mean');
    expect((await viewer.call('POST', `${P}/incidents/inc-102/timeline`, { body: { kind: 'note', text: 'x' } })).status).toBe(403);
    expect((await viewer.call('PUT', `${P}/incidents/inc-102/status`, { body: { status: 'resolved' } })).status).toBe(403);
    expect((await outsider.call('GET', `${P}/incidents/inc-102/view`)).status).toBe(404);
    expect((await outsider.call('GET', `${P}/funnel`)).status).toBe(404);
  });

  it('counts incidents per severity and service; /incidents/metrics is not read as an incident id', async () => {
    const m = await viewer.json<Record<string, unknown>>('GET', `${P}/incidents/metrics?from=2026-11-01T00:00:00Z&at=2026-11-17T00:00:00Z`);
    expect(m.status).toBe(200);
    expect(m.body).toMatchObject({
      count: 2,
      bySeverity: [
        { severity: 'SEV1', count: 1, open: 0, mttrMs: 102 * MIN },
        { severity: 'SEV2', count: 1, open: 0, mttrMs: 92 * MIN },
        { severity: 'SEV3', count: 0, open: 0, mttrMs: null },
        { severity: 'SEV4', count: 0, open: 0, mttrMs: null },
      ],
      byService: [
        { service: 'identity-api', count: 2, open: 0 },
        { service: 'users-db', count: 1, open: 0 },
      ],
    });
  });

  it('drafts a post-mortem; saved, its action items are level-1/2 items; its view flags the overdue one; the funnel flags eu-region', async () => {
    const draft = await viewer.json<{ value: Record<string, unknown> }>('GET', `${P}/incidents/inc-102/postmortem-draft`);
    expect(draft.status).toBe(200);
    expect(draft.body.value).toMatchObject({ id: 'pm-102', incident: 'inc-102', actionItems: [] });
    const saved = await editor.json<Tagged<{ id: string }>>('POST', `${P}/postmortems`, {
      body: {
        ...draft.body.value,
        contributingFactors: ['The signing-key cache never expired entries after a rotation.'],
        actionItems: [
          { id: 'jwks-refresh', title: 'Refresh the signing-key cache on rotation', ownerTeam: 'identity', due: '2026-11-18', level: 1 },
          { id: 'alert-burn', title: 'Page on fast burn of the identity SLO', ownerTeam: 'sre', due: '2026-12-01', level: 2 },
        ],
      },
    });
    expect(saved.status).toBe(201);
    const items = await viewer.json<{ items: Tagged<{ id: string; priority: number; tags: string[]; state: string }>[] }>(
      'GET',
      `${P}/items?q=pm-102`,
    );
    expect(items.body.items.map((i) => [i.value.id, i.value.priority, i.value.tags, i.value.state])).toEqual([
      ['pm-102-jwks-refresh', 1, ['postmortem', 'inc-102'], 'not-started'],
      ['pm-102-alert-burn', 2, ['postmortem', 'inc-102'], 'not-started'],
    ]);

    const view = await viewer.json<Record<string, unknown>>('GET', `${P}/postmortems/pm-102/view?at=2026-11-19T09:00:00Z`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({
      incident: { id: 'inc-102', title: 'Token validation failures', severity: 'SEV1' },
      openActionItems: 2,
      actionItems: [
        { id: 'jwks-refresh', item: 'pm-102-jwks-refresh', itemState: 'not-started', overdue: true, level: 1 },
        { id: 'alert-burn', item: 'pm-102-alert-burn', itemState: 'not-started', overdue: false, level: 2 },
      ],
    });
    expect(view.body.markdown).toContain('## Where we got lucky');
    expect((await viewer.call('GET', `${P}/postmortems/pm-10/view`)).status).toBe(404);

    const funnel = await viewer.json<Record<string, unknown>>('GET', `${P}/funnel?at=2026-11-19T09:00:00Z`);
    expect(funnel.status).toBe(200);
    expect(funnel.body).toMatchObject({
      level1Broken: true,
      reasons: [{ kind: 'overdue-action-item', item: 'pm-102-jwks-refresh', daysOverdue: 1 }],
      flagged: [{ item: 'eu-region', team: 'platform' }],
      levels: [
        { level: 1, name: 'Stability', inProgress: 0 },
        { level: 2, name: 'Reliability', inProgress: 1 },
        { level: 3, name: 'Efficiency', inProgress: 0 },
        {
          level: 4,
          name: 'Scale',
          inProgress: 1,
          items: [{ id: 'eu-region', title: 'Second region (eu-west-1) for the edge', team: 'platform', state: 'in-progress' }],
        },
      ],
      unlevelled: 0,
    });

    // The team finishes the work item: the action item follows, and level 1 holds again.
    const item = await editor.json<Tagged<unknown>>('GET', `${P}/items/pm-102-jwks-refresh`);
    const done = await editor.json('PATCH', `${P}/items/pm-102-jwks-refresh`, {
      body: { state: 'done' },
      headers: { 'if-match': item.body.etag },
    });
    expect(done.status).toBe(200);
    const after = await viewer.json<Record<string, unknown>>('GET', `${P}/postmortems/pm-102/view?at=2026-11-19T09:00:00Z`);
    expect(after.body).toMatchObject({
      openActionItems: 1,
      actionItems: [{ id: 'jwks-refresh', state: 'done', itemState: 'done', overdue: false }, {}],
    });
    const cleared = await viewer.json<Record<string, unknown>>('GET', `${P}/funnel?at=2026-11-19T09:00:00Z`);
    expect(cleared.body).toMatchObject({ level1Broken: false, reasons: [], flagged: [] });
  });

  it("declares an incident: the next id in the program's numbering, a detected entry naming who declared it, field errors for bad input", async () => {
    const declared = await editor.json<Tagged<Incident>>('POST', `${P}/incidents/declare`, {
      body: { title: 'Sign-in latency above 2 s', severity: 'SEV2', services: ['identity-api'], incidentCommander: 'Priya' },
    });
    expect(declared.status).toBe(201);
    // The fixture's newest are inc-101 and inc-102 (opened in beforeAll).
    expect(declared.body.value).toMatchObject({
      id: 'inc-103',
      status: 'investigating',
      roles: { incidentCommander: 'Priya' },
      timeline: [{ kind: 'detected', text: 'Incident declared by ana', author: 'ana' }],
    });
    expect(declared.body.value.timeline[0]?.at).toBe(declared.body.value.startedAt);
    const second = await editor.json<Tagged<Incident>>('POST', `${P}/incidents/declare`, { body: { title: 'Another', severity: 'SEV4' } });
    expect(second.body.value.id).toBe('inc-104');
    const bad = await editor.json<{ errors: { field: string; message: string }[] }>('POST', `${P}/incidents/declare`, {
      body: { title: ' ', severity: 'SEV9' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.field).sort()).toEqual(['severity', 'title']);
    expect((await viewer.call('POST', `${P}/incidents/declare`, { body: { title: 'x', severity: 'SEV1' } })).status).toBe(403);
  });

  it("gives the severity definitions: the program's own SEV1 over the defaults; /incidents/severities is not read as an incident id", async () => {
    const got = await viewer.json<{ severities: { severity: string; description: string; updateCadenceMinutes: number | null }[] }>(
      'GET',
      `${P}/incidents/severities`,
    );
    expect(got.status).toBe(200);
    expect(got.body.severities.map((s) => [s.severity, s.updateCadenceMinutes])).toEqual([
      ['SEV1', 30],
      ['SEV2', 60],
      ['SEV3', 240],
      ['SEV4', null],
    ]);
    expect(got.body.severities[0]?.description).toBe('Sign-in or checkout down for more than 5% of customers, or customer data exposed.');
    expect(got.body.severities[1]?.description).toMatch(/^Major: /);
  });
});
