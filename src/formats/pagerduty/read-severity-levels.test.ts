import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { withSeverityOverrides } from '../../domain/incident.js';
import { readPagerDutySeverityLevels, toSeverityDefinitions } from './read-severity-levels.js';

const FILE = fileURLToPath(new URL('../../../../shared/corpora/postmortem/docs/before/severity_levels.md', import.meta.url));

describe('readPagerDutySeverityLevels on PagerDuty’s own page', () => {
  const r = readPagerDutySeverityLevels(readFileSync(FILE, 'utf8'), 'severity_levels.md');
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  const levels = r.value;

  it('reads SEV-1 to SEV-5 with their definitions, examples and responses', () => {
    expect(levels.map((l) => [l.label, l.examples.length, l.responseSteps.length])).toEqual([
      ['SEV-1', 3, 4],
      ['SEV-2', 5, 2],
      ['SEV-3', 3, 6],
      ['SEV-4', 4, 2],
      ['SEV-5', 1, 1],
    ]);
    expect(levels[0]?.intent).toBe('Critical issue that warrants public notification and liaison with executive teams.');
    expect(levels[0]?.responseSteps[0]).toBe('Page an IC in Slack !ic page.');
    expect(levels[3]?.examples).toContain('Individual host failure (i.e. one node out of a cluster).');
    expect(levels[4]?.response).toBe('JIRA ticket.');
    expect(levels[0]?.line).toBeGreaterThan(1);
  });

  it('becomes our SEV1–SEV4 with default cadences; SEV-5 is left out and said so', () => {
    const { definitions, unmapped } = toSeverityDefinitions(levels);
    expect(definitions.map((d) => [d.severity, d.updateCadenceMinutes])).toEqual([
      ['SEV1', 30],
      ['SEV2', 60],
      ['SEV3', 240],
      ['SEV4', null],
    ]);
    expect(unmapped).toEqual(['SEV-5']);
    expect(withSeverityOverrides(definitions).SEV4.description).toMatch(
      /^Minor issues requiring action, but not affecting customer ability to use the product\. For example: Performance issues/,
    );
  });
});

describe('readPagerDutySeverityLevels on broken pages', () => {
  it('says where a row lacks its definition', () => {
    const text = ['<table>', '<tr>', '<td class="sev-1">SEV-1</td>', '<td><ul><li>x</li></ul></td>', '</tr>', '</table>'].join('\n');
    const r = readPagerDutySeverityLevels(text, 'sev.md');
    expect(!r.ok && r.error.map((p) => [p.line, p.message])).toEqual([[3, 'SEV-1 has no definition (<p class="intent">)']]);
  });

  it('says when levels are out of order, and when there is no table at all', () => {
    const row = (n: number) => [`<td class="sev-${n}">SEV-${n}</td>`, '<p class="intent">i</p>', '<p class="response">r</p>', '</tr>'];
    const r = readPagerDutySeverityLevels([...row(1), ...row(3)].join('\n'), 'sev.md');
    expect(!r.ok && r.error.map((p) => [p.line, p.message])).toEqual([[5, 'expected SEV-2 here, found SEV-3']]);
    const none = readPagerDutySeverityLevels('# Severity\n', 'sev.md');
    expect(!none.ok && none.error[0]?.message).toBe('no severity table found');
  });
});
