import { describe, expect, it } from 'vitest';
import { fixture, readValid } from '../../../test/support/programs.js';
import { POSTMORTEM_SECTION_TITLES, POSTMORTEM_SECTIONS } from '../../domain/incident.js';
import { postmortemMarkdown } from './postmortem-markdown.js';

const model = readValid(fixture('reliability/identity-platform.yaml'));
const pm = model.postmortems[0];
const inc = model.incidents[0];

describe('postmortemMarkdown', () => {
  if (!pm || !inc) throw new Error('fixture lacks pm-101 or inc-101');
  const md = postmortemMarkdown(pm, inc, new Map([['dns-ttl', { item: 'pm-101-dns-ttl', itemState: 'not-started', overdue: true }]]));

  it('writes the blameless sections in the template order, as second-level headings', () => {
    const headings = md.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toEqual(POSTMORTEM_SECTIONS.map((s) => `## ${POSTMORTEM_SECTION_TITLES[s]}`));
    expect(md.startsWith('# Post-mortem: Sign-in errors after users-db failover\n')).toBe(true);
  });

  it('heads it with the incident facts: severity, time to detect/acknowledge/mitigate/resolve, responders', () => {
    // Impact started 13:58: detected 14:05 (7), acknowledged 14:09 (11), mitigated 14:40 (42), resolved 15:30 (92).
    for (const row of [
      '| Severity | SEV2 |',
      '| Time to detect | 7 min |',
      '| Time to acknowledge | 11 min |',
      '| Time to mitigate | 42 min |',
      '| Time to resolve | 92 min |',
      '| Incident commander | Priya Raman |',
    ])
      expect(md).toContain(row);
  });

  it('lists the timeline in UTC, lists, action items with their tracked item, and says when a section is empty', () => {
    expect(md).toContain('| 2026-11-10 14:40 | mitigated | Connection pool restarted against the new primary |');
    expect(md).toContain('- The connection pool caches DNS answers for the life of the process.');
    expect(md).toContain(
      '| Honour DNS TTL in the identity connection pool | identity | 2026-11-24 (overdue) | 1 Stability | open | pm-101-dns-ttl |',
    );
    expect(md).toContain('| Add a reconnection check to the failover runbook | sre | 2026-12-15 | 2 Reliability | open | — |');
    // pm-101 writes no timeline of its own: the incident's is shown, and said to be.
    expect(md).toContain('## Timeline\n\n_From the timeline of incident inc-101._');
    expect(postmortemMarkdown(pm)).toMatch(/## Timeline\n\n_None written._/);
  });

  it('escapes pipes in table cells', () => {
    const piped = postmortemMarkdown({
      ...pm,
      actionItems: [{ ...(pm.actionItems[0] as (typeof pm.actionItems)[number]), title: 'a | b' }],
    });
    expect(piped).toContain('| a \\| b |');
    expect(piped).toContain('Incident: inc-101');
  });
});
