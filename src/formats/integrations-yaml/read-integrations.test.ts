import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readIntegrationsYaml } from './read-integrations.js';

const EXAMPLE = fileURLToPath(new URL('../../../examples/integrations.yaml', import.meta.url));

describe('reading integrations.yaml', () => {
  it("reads the sample's four integrations, defaults filled", () => {
    const r = readIntegrationsYaml(readFileSync(EXAMPLE, 'utf8'), 'integrations.yaml');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const { jira, github, confluence, slack } = r.value.value;
    expect(jira?.api).toBe('cloud');
    expect(jira?.mapping.states).toEqual({
      categories: { new: 'not-started', indeterminate: 'in-progress', done: 'done' },
      names: { Blocked: 'blocked', "Won't Do": 'cancelled' },
    });
    expect(jira?.mapping.estimate?.pointsToDays).toEqual({ default: 1, payments: 0.5 });
    expect(github?.api).toBe('https://api.github.com');
    expect(confluence?.schedule).toEqual({ every: 'friday', at: '15:00' });
    expect(slack?.webhookEnv).toBe('SLACK_WEBHOOK_URL');
  });

  it('pins each problem to its line and column, saying how to fix it', () => {
    const text = [
      'jira:',
      '  site: acme.atlassian.net',
      '  auth: { kind: oauth }',
      '  select: { jql: "project = NET" }',
      'slack:',
      '  schedule: { every: fri, at: "3pm" }',
      'teams: {}',
    ].join('\n');
    const r = readIntegrationsYaml(text, 'integrations.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const found = r.error.map((p) => `${p.line}:${p.column} ${p.message}`);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^2:9 .*site is the Jira base URL/),
        expect.stringMatching(/^3:17 .*auth is \{ kind: basic/),
        expect.stringMatching(/^6:22 .*every is a weekday/),
        expect.stringMatching(/^6:31 .*at is a 24-hour time/),
        expect.stringMatching(/^7:1 unknown field "teams"/),
      ]),
    );
    expect(r.error.every((p) => p.file === 'integrations.yaml' && p.excerpt !== undefined)).toBe(true);
  });
});
