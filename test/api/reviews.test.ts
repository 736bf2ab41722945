import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiWorld, type Client, rolesWorld } from './api-support.js';

const P = '/api/programs/checkout-cloud-2027';
const AS_OF = '2027-03-05';

interface Finding {
  key: string;
  rule: string;
  review?: { verdict: string; reason: string; actor: string };
}
interface Findings {
  version: number;
  findings: Finding[];
  dismissed: Finding[];
}

describe('reviews of detected risks over HTTP', () => {
  let world: ApiWorld;
  let editor: Client;
  let viewer: Client;
  let outsider: Client;
  let key: string;

  beforeAll(async () => {
    ({ world, editor, viewer, outsider } = await rolesWorld());
    const found = await viewer.json<Findings>('GET', `${P}/findings?asOf=${AS_OF}`);
    if (found.status !== 200 || found.body.findings.length === 0) throw new Error(`no findings: ${JSON.stringify(found.body)}`);
    key = (found.body.findings[0] as Finding).key;
  }, 120_000);
  afterAll(async () => world?.close());

  const review = (client: Client, k: string, body: unknown) =>
    client.json('PUT', `${P}/findings/${encodeURIComponent(k)}/review?asOf=${AS_OF}`, { body });

  it('acknowledges a finding: it stays listed, with its review, at once', async () => {
    const done = await review(editor, key, { verdict: 'acknowledged', reason: 'Owner is on it' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ key, verdict: 'acknowledged', reason: 'Owner is on it', actor: 'ana' });
    const after = await viewer.json<Findings>('GET', `${P}/findings?asOf=${AS_OF}`);
    expect(after.body.version).toBe(1);
    expect(after.body.findings.find((f) => f.key === key)?.review).toMatchObject({ verdict: 'acknowledged', actor: 'ana' });
  });

  it('dismisses a finding with a reason: it moves to dismissed, though the version did not change', async () => {
    const done = await review(editor, key, { verdict: 'dismissed', reason: '  Accepted by the steering group  ' });
    expect(done.status).toBe(200);
    expect(done.body.reason).toBe('Accepted by the steering group');
    const after = await viewer.json<Findings>('GET', `${P}/findings?asOf=${AS_OF}`);
    expect(after.body.version).toBe(1);
    expect(after.body.findings.map((f) => f.key)).not.toContain(key);
    expect(after.body.dismissed.find((f) => f.key === key)?.review).toMatchObject({
      verdict: 'dismissed',
      reason: 'Accepted by the steering group',
    });
    // Acknowledging again brings it back.
    expect((await review(editor, key, { verdict: 'acknowledged', reason: 'Back on the list' })).status).toBe(200);
    const back = await viewer.json<Findings>('GET', `${P}/findings?asOf=${AS_OF}`);
    expect(back.body.findings.map((f) => f.key)).toContain(key);
    expect(back.body.dismissed.map((f) => f.key)).not.toContain(key);
  });

  it('needs a reason and a known verdict', async () => {
    const noReason = await review(editor, key, { verdict: 'dismissed', reason: ' ' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors).toEqual([{ field: 'reason', message: expect.stringContaining('say why') }]);
    const missing = await review(editor, key, { verdict: 'acknowledged' });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([{ field: 'reason', message: 'reason is text' }]);
    const verdict = await review(editor, key, { verdict: 'ignored', reason: 'x' });
    expect(verdict.status).toBe(400);
    expect(verdict.body.errors).toEqual([{ field: 'verdict', message: 'verdict is acknowledged or dismissed' }]);
  });

  it('answers 404 for a key that is not detected, naming the keys there are', async () => {
    const unknownRule = await review(editor, 'made-up:lz-01', { verdict: 'acknowledged', reason: 'x' });
    expect(unknownRule.status).toBe(404);
    expect(unknownRule.body.detail).toContain('the rules are');
    const rule = key.split(':')[0];
    const notNow = await review(editor, `${rule}:no-such-subject`, { verdict: 'acknowledged', reason: 'x' });
    expect(notNow.status).toBe(404);
    expect(notNow.body.detail).toContain(key);
  });

  it('lets only editors review, and hides the program from outsiders', async () => {
    const denied = await review(viewer, key, { verdict: 'acknowledged', reason: 'x' });
    expect(denied.status).toBe(403);
    const hidden = await review(outsider, key, { verdict: 'acknowledged', reason: 'x' });
    expect(hidden.status).toBe(404);
    expect(hidden.body.detail).toBe('there is no program "checkout-cloud-2027" you can see');
  });
});
