import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../support/programs.js';
import { runCli } from '../support/run-cli.js';
import { freshCliEnv } from '../support/stores.js';

/**
 * The issue's end-to-end incident test, through the real CLI in child processes on one stored
 * program (test/fixtures/reliability/identity-platform.yaml; its SEV1 cadence is 30 min).
 *
 * On 2026-11-16 (UTC, the program's zone), customers start failing to sign in at 08:58; the alert
 * fires at 09:04 and the SEV1 is opened; on-call acknowledges at 09:07; an update goes out at 09:15;
 * mitigated at 09:51; resolved at 10:40. From impact start 08:58: TTD 6, TTA 9, TTM 53, TTR 102 min.
 * The fixture's other deadlines (security patch token-rotation on the 20th, pm-101's dns-ttl on
 * the 24th) are still ahead on the 19th, so only what this test does can break level 1.
 */
const PROGRAM = 'identity-platform';
const cwd = mkdtempSync(join(tmpdir(), 'throughline-incident-'));
const env = await freshCliEnv('postgres');
const cli = (...args: string[]) => runCli(args, { cwd, env });
const json = async (...args: string[]) => {
  const run = await cli(...args, '--json');
  if (run.code !== 0) throw new Error(`${args.join(' ')} exited ${run.code}: ${run.stderr}`);
  return JSON.parse(run.stdout);
};
const MIN = 60_000;

// Each step spawns the CLI several times (a few seconds each on a busy machine).
describe('an incident from declaration to post-mortem, and the funnel', { timeout: 600_000 }, () => {
  beforeAll(async () => {
    const load = await cli('load', fixture('reliability/identity-platform.yaml'));
    expect(load.code).toBe(0);
  });

  it('opens a SEV1 on identity-api; while it is open the funnel flags eu-region, level-4 work in progress', async () => {
    const open = await cli(
      'incident',
      'open',
      PROGRAM,
      '--title',
      'Token validation failures',
      '--severity',
      'SEV1',
      '--service',
      'identity-api',
      '--impact-start',
      '2026-11-16T08:58:00Z',
      '--commander',
      'Priya Raman',
      '--at',
      '2026-11-16T09:04:00Z',
    );
    expect(open.stderr).toBe('');
    expect(open.code).toBe(0);
    expect(open.stdout).toContain(
      'inc-102 opened: SEV1 "Token validation failures", investigating since 2026-11-16 09:04 UTC; stakeholder updates every 30 min',
    );

    const funnel = await json('funnel', PROGRAM, '--at', '2026-11-16T09:10:00Z');
    expect(funnel.level1Broken).toBe(true);
    expect(funnel.reasons).toEqual([
      {
        kind: 'open-major-incident',
        incident: 'inc-102',
        severity: 'SEV1',
        message: 'SEV1 incident inc-102 "Token validation failures" is open (investigating)',
      },
    ]);
    expect(funnel.flagged.map((f: { item: string; team: string }) => [f.item, f.team])).toEqual([['eu-region', 'platform']]);
    const human = await cli('funnel', PROGRAM, '--at', '2026-11-16T09:10:00Z');
    expect(human.stdout).toContain(
      'Level 1 (Stability) is broken because:\n  - SEV1 incident inc-102 "Token validation failures" is open (investigating)',
    );
    expect(human.stdout).toMatch(/^eu-region {2}Second region \(eu-west-1\) for the edge {2}platform$/m);
  });

  it('logs the timeline and an update; a late update is flagged, in show and after a write', async () => {
    expect(
      (await cli('incident', 'log', PROGRAM, 'inc-102', 'detected', 'Alert: 5xx on /token above 5 %', '--at', '2026-11-16T09:04:00Z')).code,
    ).toBe(0);
    expect(
      (await cli('incident', 'log', PROGRAM, 'inc-102', 'acknowledged', 'On-call identity engineer joined', '--at', '2026-11-16T09:07:00Z'))
        .code,
    ).toBe(0);
    const update = await cli(
      'incident',
      'update',
      PROGRAM,
      'inc-102',
      'Some customers cannot sign in.',
      '--audience',
      'executives',
      '--at',
      '2026-11-16T09:15:00Z',
    );
    expect(update.code).toBe(0);
    expect(update.stdout).toContain('next due 2026-11-16 09:45 UTC');
    expect((await cli('incident', 'status', PROGRAM, 'inc-102', 'identified', '--at', '2026-11-16T09:20:00Z')).code).toBe(0);

    // 30 min after the 09:15 update it is due at 09:45; at 09:50 it is 5 min late.
    const late = await cli('incident', 'show', PROGRAM, 'inc-102', '--at', '2026-11-16T09:50:00Z');
    expect(late.code).toBe(0);
    expect(late.stdout).toContain('⚠ stakeholder update overdue by 5 min: it was due 2026-11-16 09:45 UTC (SEV1: every 30 min).');
    const view = await json('incident', 'show', PROGRAM, 'inc-102', '--at', '2026-11-16T09:50:00Z');
    expect(view.nextUpdateDue).toBe('2026-11-16T09:45:00.000Z');
    expect(view.updateOverdueMinutes).toBe(5);
    expect(view.nextStatuses).toEqual(['monitoring', 'resolved']);

    const mitigated = await cli(
      'incident',
      'log',
      PROGRAM,
      'inc-102',
      'mitigated',
      'Signing-key cache flushed on all pods',
      '--at',
      '2026-11-16T09:51:00Z',
    );
    expect(mitigated.code).toBe(0);
    expect(mitigated.stderr).toContain('stakeholder update overdue by 6 min');
    const second = await cli(
      'incident',
      'update',
      PROGRAM,
      'inc-102',
      'Sign-in has recovered; watching.',
      '--audience',
      'executives',
      '--at',
      '2026-11-16T09:55:00Z',
    );
    expect(second.stderr).toBe('');
    expect((await json('incident', 'show', PROGRAM, 'inc-102', '--at', '2026-11-16T10:00:00Z')).updateOverdueMinutes).toBe(0);

    const list = await cli('incident', 'list', PROGRAM, '--at', '2026-11-16T10:30:00Z');
    expect(list.stdout).toContain('2 incidents, 1 open');
    expect(list.stdout).toMatch(
      /^inc-102 +SEV1 +identified +Token validation failures +identity-api +2026-11-16 09:04 +— +overdue 5 min$/m,
    );
  });

  it('resolves it with exact TTD/TTA/TTM/TTR; an illegal move names the allowed next status', async () => {
    const resolved = await cli(
      'incident',
      'resolve',
      PROGRAM,
      'inc-102',
      'Error rate normal for 45 minutes',
      '--at',
      '2026-11-16T10:40:00Z',
    );
    expect(resolved.code).toBe(0);
    expect(resolved.stdout).toContain('inc-102 resolved at 2026-11-16 10:40 UTC, 102 min after it began.');
    const view = await json('incident', 'show', PROGRAM, 'inc-102', '--at', '2026-11-16T11:00:00Z');
    expect(view.metrics).toEqual({
      timeToDetectMs: 6 * MIN,
      timeToAcknowledgeMs: 9 * MIN,
      timeToMitigateMs: 53 * MIN,
      timeToResolveMs: 102 * MIN,
    });
    expect(view.incident.status).toBe('resolved');
    expect(view.updateOverdueMinutes).toBeNull();
    const human = await cli('incident', 'show', PROGRAM, 'inc-102', '--at', '2026-11-16T11:00:00Z');
    expect(human.stdout).toContain('Time to detect 6 min · acknowledge 9 min · mitigate 53 min · resolve 1 h 42 min');

    const back = await cli('incident', 'status', PROGRAM, 'inc-102', 'identified', '--at', '2026-11-16T11:00:00Z');
    expect(back.code).toBe(1);
    expect(back.stderr).toContain('an incident cannot go back from resolved to identified; from resolved it can move to investigating');

    const exec = await cli('incident', 'exec-update', PROGRAM, 'inc-102', '--at', '2026-11-16T11:00:00Z');
    expect(exec.stdout).toContain('- 2026-11-16 09:51 UTC: Customers stopped being affected. Signing-key cache flushed on all pods.');
    expect(exec.stdout).toContain('This is the final update.');

    const metrics = await json('incident', 'metrics', PROGRAM, '--from', '2026-11-16T00:00:00Z', '--at', '2026-11-16T11:00:00Z');
    expect(metrics.bySeverity[0]).toEqual({ severity: 'SEV1', count: 1, open: 0, mttrMs: 102 * MIN });
    // 08:58 → mitigated 09:51 = 53 min of the 40.32 min budget of 99.9 % over 28 days.
    expect(metrics.budgetConsumed).toEqual([
      {
        incident: 'inc-102',
        slo: 'identity-availability',
        consumed: 53,
        unit: 'minutes',
        fraction: expect.closeTo(53 / 40.32, 9),
        ongoing: false,
        source: 'impact-minutes',
      },
    ]);
  });

  it('writes the post-mortem from the draft; its action items become level-1/2 work items; the funnel flags eu-region while one is overdue, and clears when it is done', async () => {
    const draft = await json('postmortem', 'draft', PROGRAM, 'inc-102');
    expect(draft.id).toBe('pm-102');
    expect(draft.timeline.map((e: { kind: string }) => e.kind)).toEqual([
      'detected',
      'acknowledged',
      'status-change',
      'mitigated',
      'status-change',
      'resolved',
    ]);
    writeFileSync(
      join(cwd, 'pm-102.json'),
      JSON.stringify({
        ...draft,
        impact: 'About 20 % of sign-ins failed for 53 minutes.',
        contributingFactors: ['The signing-key cache never expired entries after a key rotation.'],
        wentWell: ['The fast-burn alert fired within 6 minutes of impact.'],
        wentPoorly: ['The first update went out 11 minutes after opening; the second was late.'],
        gotLucky: ['The rotation happened before the Monday peak.'],
        actionItems: [
          { id: 'jwks-refresh', title: 'Refresh the signing-key cache on rotation', ownerTeam: 'identity', due: '2026-11-18', level: 1 },
          { id: 'alert-burn', title: 'Page on fast burn of the identity SLO', ownerTeam: 'sre', due: '2026-12-01', level: 2 },
        ],
      }),
    );
    const saved = await cli('postmortem', 'new', PROGRAM, '--file', 'pm-102.json');
    expect(saved.stderr).toBe('');
    expect(saved.stdout).toContain('post-mortem pm-102 of inc-102 saved');
    expect(saved.stdout).toContain('action jwks-refresh → work item pm-102-jwks-refresh (level 1, identity, due 2026-11-18)');

    const exported = await json('export', PROGRAM);
    const tracked = exported.program.items.filter((i: { tags?: string[] }) => i.tags?.includes('inc-102'));
    expect(
      tracked.map((i: { id: string; priority: number; team: string; deadline: string; tags: string[] }) => [
        i.id,
        i.priority,
        i.team,
        i.deadline,
        i.tags,
      ]),
    ).toEqual([
      ['pm-102-jwks-refresh', 1, 'identity', '2026-11-18', ['postmortem', 'inc-102']],
      ['pm-102-alert-burn', 2, 'sre', '2026-12-01', ['postmortem', 'inc-102']],
    ]);

    // On the 18th the action item is due today, not overdue: level 1 holds.
    expect((await json('funnel', PROGRAM, '--at', '2026-11-18T23:00:00Z')).level1Broken).toBe(false);
    const funnel = await json('funnel', PROGRAM, '--at', '2026-11-19T09:00:00Z');
    expect(funnel.reasons).toEqual([
      {
        kind: 'overdue-action-item',
        item: 'pm-102-jwks-refresh',
        deadline: '2026-11-18',
        daysOverdue: 1,
        message:
          'level-1 post-mortem action item pm-102-jwks-refresh "Refresh the signing-key cache on rotation" was due 2026-11-18, 1 day ago',
      },
    ]);
    expect(funnel.flagged.map((f: { item: string }) => f.item)).toEqual(['eu-region']);
    expect(funnel.levels.map((l: { level: number; name: string; inProgress: number }) => [l.level, l.name, l.inProgress])).toEqual([
      [1, 'Stability', 0],
      [2, 'Reliability', 1],
      [3, 'Efficiency', 0],
      [4, 'Scale', 1],
    ]);

    const list = await cli('postmortem', 'list', PROGRAM, '--at', '2026-11-19T09:00:00Z');
    expect(list.stdout).toMatch(
      /^pm-102 +pm-102-jwks-refresh +Refresh the signing-key cache on rotation +identity +2026-11-18 overdue +1 +not-started$/m,
    );
    const md = await cli('postmortem', 'show', PROGRAM, 'pm-102', '--markdown', '--at', '2026-11-19T09:00:00Z');
    expect(md.stdout.split('\n').filter((l) => l.startsWith('## '))).toEqual([
      '## Summary',
      '## Impact',
      '## Timeline',
      '## Contributing factors',
      '## What went well',
      '## What went poorly',
      '## Where we got lucky',
      '## Action items',
    ]);
    expect(md.stdout).toContain('| Time to mitigate | 53 min |');

    const done = await cli('postmortem', 'action', PROGRAM, 'pm-102', 'jwks-refresh', 'done');
    expect(done.stdout).toContain('pm-102: action jwks-refresh is done (work item pm-102-jwks-refresh); 1 action item still open');
    const cleared = await json('funnel', PROGRAM, '--at', '2026-11-19T09:00:00Z');
    expect(cleared.level1Broken).toBe(false);
    expect(cleared.flagged).toEqual([]);

    expect((await cli('postmortem', 'action', PROGRAM, 'pm-102', 'alert-burn', 'done')).code).toBe(0);
    const after = await json('postmortem', 'list', PROGRAM, '--at', '2026-11-19T09:00:00Z');
    expect(after.postmortems.find((p: { id: string }) => p.id === 'pm-102')).toMatchObject({ openActionItems: 0, open: [] });
  });

  it('saves a post-mortem from the YAML draft as written by hand: dates stay dates; a second save of the same id is refused', async () => {
    const draft = await cli('postmortem', 'draft', PROGRAM, 'inc-101');
    expect(draft.code).toBe(0);
    expect(draft.stdout).toMatch(/^id: pm-101-2$/m);
    const filled = draft.stdout.replace(
      /^actionItems: \[\]$/m,
      'actionItems:\n  - { id: pool-test, title: Failover drill checks client reconnection, ownerTeam: sre, due: 2026-12-04, level: 1 }',
    );
    writeFileSync(join(cwd, 'pm-101-2.yaml'), filled);
    const saved = await cli('postmortem', 'new', PROGRAM, '--file', 'pm-101-2.yaml');
    expect(saved.stderr).toBe('');
    expect(saved.stdout).toContain('action pool-test → work item pm-101-2-pool-test (level 1, sre, due 2026-12-04)');
    const again = await cli('postmortem', 'new', PROGRAM, '--file', 'pm-101-2.yaml');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('identity-platform has a post-mortem "pm-101-2" already; pick another id (--id)');
  });

  it('refuses what it cannot do, with the exit code for it', async () => {
    const file = await cli('incident', 'open', fixture('reliability/identity-platform.yaml'), '--title', 'x', '--severity', 'SEV3');
    expect(file.code).toBe(2);
    expect(file.stderr).toContain('changes a stored program: load the file first');
    const unknown = await cli('incident', 'show', PROGRAM, 'inc-9');
    expect(unknown.code).toBe(4);
    expect(unknown.stderr).toContain('no incident "inc-9" in identity-platform. Incidents: inc-102, inc-101');
    const badAt = await cli('incident', 'log', PROGRAM, 'inc-102', 'note', 'x', '--at', 'yesterday');
    expect(badAt.code).toBe(2);
    expect(badAt.stderr).toContain('--at "yesterday" is not a date-time with its zone');
    const badKind = await cli('incident', 'log', PROGRAM, 'inc-102', 'fixed');
    expect(badKind.code).toBe(2);
    expect(badKind.stderr).toContain(
      '"fixed" is no timeline entry kind; use one of detected, acknowledged, mitigated, resolved, note, status-change, update-sent',
    );
  });
});
