import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SEVERITY_DEFINITIONS,
  incidentSchema,
  POSTMORTEM_SECTIONS,
  type PostmortemSection,
  postmortemSchema,
  SEVERITIES,
} from '../src/domain/incident.js';

// domain/ does no I/O, not even in its tests: the corpus is read from here.
const DOCS = '../../shared/corpora/postmortem/docs/';
const read = (file: string) => readFileSync(fileURLToPath(new URL(DOCS + file, import.meta.url)), 'utf8');

/**
 * Where each heading of PagerDuty's post-mortem template lands in ours. A heading that is not a
 * post-mortem section of ours names the incident field that carries it instead.
 */
const PAGERDUTY_TO_OURS: Record<string, PostmortemSection | 'incident.roles' | 'incident.updates'> = {
  Overview: 'summary',
  'What Happened': 'summary',
  'Contributing Factors': 'contributingFactors',
  Resolution: 'timeline',
  Impact: 'impact',
  Responders: 'incident.roles',
  Timeline: 'timeline',
  "How'd We Do?": 'wentWell',
  'What Went Well?': 'wentWell',
  "What Didn't Go So Well?": 'wentPoorly',
  'Action Items': 'actionItems',
  Messaging: 'incident.updates',
  'Internal Email': 'incident.updates',
  'External Message': 'incident.updates',
};

describe("PagerDuty's post-mortem template (shared/corpora/postmortem)", () => {
  const headings = read('after/post_mortem_template.md')
    .split('\n')
    .flatMap((line) => /^#{2,6}\s+(.+?)\s*$/.exec(line)?.[1] ?? []);

  it('has every one of its headings covered by our template or the incident', () => {
    expect(headings).toHaveLength(14);
    for (const h of headings) expect(PAGERDUTY_TO_OURS, `PagerDuty heading "${h}"`).toHaveProperty([h]);
    expect(Object.keys(PAGERDUTY_TO_OURS).sort()).toEqual([...headings].sort());
  });

  it('maps onto sections we really have, and ours adds only "where we got lucky"', () => {
    const targets = new Set(Object.values(PAGERDUTY_TO_OURS));
    const ours = new Set<string>(POSTMORTEM_SECTIONS);
    for (const t of targets) if (!t.startsWith('incident.')) expect(ours.has(t), t).toBe(true);
    expect(POSTMORTEM_SECTIONS.filter((s) => !targets.has(s))).toEqual(['gotLucky']);
    expect(postmortemSchema.keyof().options).toEqual(expect.arrayContaining([...POSTMORTEM_SECTIONS]));
    expect(incidentSchema.keyof().options).toEqual(expect.arrayContaining(['roles', 'updates']));
  });
});

describe("PagerDuty's severity levels (shared/corpora/postmortem)", () => {
  it('name SEV-1 to SEV-5; ours are their first four, each with an update cadence but SEV4', () => {
    const levels = [...read('before/severity_levels.md').matchAll(/<td class="sev-(\d)">SEV-(\d)<\/td>/g)].map((m) => `SEV${m[2]}`);
    expect(levels).toEqual(['SEV1', 'SEV2', 'SEV3', 'SEV4', 'SEV5']);
    expect(levels.slice(0, 4)).toEqual([...SEVERITIES]);
    const cadences = SEVERITIES.map((s) => DEFAULT_SEVERITY_DEFINITIONS[s].updateCadenceMinutes);
    expect(cadences).toEqual([30, 60, 240, null]);
  });
});
