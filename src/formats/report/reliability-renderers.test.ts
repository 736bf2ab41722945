import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { reliabilityConfluence } from './reliability-confluence.js';
import { reliabilityHtml } from './reliability-html.js';
import { reliabilityMarkdown } from './reliability-markdown.js';
import { budgetLeftText, minutesText, type ReliabilitySection } from './reliability-section.js';
import { reliabilitySlack } from './reliability-slack.js';
import { SLACK_LIMITS } from './slack.js';

/** A program on fire: a SEV1 with a late update, one budget spent, one paging, one on ticket, one fine, one without data. */
const section: ReliabilitySection = {
  headline: 'Yes: SEV1 "Checkout <down> & out" has been open for 2 hours (commander Priya Raman).',
  onFire: true,
  at: '2027-01-10T22:00:00.000Z',
  openIncidents: [
    {
      id: 'inc-1',
      title: 'Checkout <down> & out | EU',
      severity: 'SEV1',
      status: 'identified',
      startedAt: '2027-01-10T20:00:00Z',
      openForMinutes: 120,
      commander: 'Priya Raman',
      updateOverdueMinutes: 30,
    },
    {
      id: 'inc-2',
      title: 'Slow search',
      severity: 'SEV3',
      status: 'monitoring',
      startedAt: '2027-01-10T18:00:00Z',
      openForMinutes: 240,
      commander: null,
      updateOverdueMinutes: null,
    },
  ],
  slos: [
    {
      id: 'a',
      name: 'Login',
      service: 'login',
      objective: 99.9,
      window: '28d',
      state: 'exhausted',
      budgetLeft: -0.4,
      exhaustsInMinutes: null,
      notComputed: null,
    },
    {
      id: 'b',
      name: 'Search',
      service: 'search',
      objective: 99,
      window: '1w',
      state: 'page',
      budgetLeft: 0.17,
      exhaustsInMinutes: 95,
      notComputed: null,
    },
    {
      id: 'c',
      name: 'Ledger',
      service: 'ledger',
      objective: 99.9,
      window: '28d',
      state: 'ticket',
      budgetLeft: 0.62,
      exhaustsInMinutes: 9000,
      notComputed: null,
    },
    {
      id: 'd',
      name: 'Profile',
      service: 'profile',
      objective: 99,
      window: '28d',
      state: 'ok',
      budgetLeft: 1,
      exhaustsInMinutes: null,
      notComputed: null,
    },
    {
      id: 'e',
      name: 'Billing',
      service: 'billing',
      objective: 99,
      window: '28d',
      state: 'no-data',
      budgetLeft: null,
      exhaustsInMinutes: null,
      notComputed: 'no SLI data yet',
    },
  ],
  funnel: {
    level1Broken: true,
    reasons: ['SEV1 incident inc-1 "Checkout down" is open (identified)', 'SLO a has used all of its error budget'],
    stop: [{ id: 'region', title: 'Second region', team: 'Site Reliability' }],
    inProgress: [
      { level: 1, name: 'Stability', count: 2 },
      { level: 2, name: 'Reliability', count: 0 },
      { level: 3, name: 'Efficiency', count: 1 },
      { level: 4, name: 'Scale', count: 1 },
    ],
  },
  postmortems: [
    {
      id: 'pm-3',
      incident: 'inc-3',
      title: 'Login errors',
      open: [
        { id: 'pool', title: 'Honour DNS TTL', team: 'Identity', due: '2027-01-09', level: 1, overdueDays: 1 },
        { id: 'check', title: 'Runbook check', team: 'SRE', due: '2027-01-20', level: 2, overdueDays: 0 },
      ],
    },
  ],
  period: {
    since: '2027-01-03',
    incidents: 3,
    bySeverity: [
      { severity: 'SEV1', count: 1 },
      { severity: 'SEV2', count: 2 },
    ],
    mttrMinutes: 90,
  },
};

describe('reliability section renderers', () => {
  it('write spans and budget shares for a person', () => {
    expect([minutesText(42.4), minutesText(120), minutesText(200), minutesText(3000)]).toEqual(['42 min', '2 h', '3 h 20 min', '2 d 2 h']);
    expect([budgetLeftText(0.174), budgetLeftText(-0.4), budgetLeftText(null)]).toEqual(['17 % left', 'overspent by 40 %', '—']);
  });

  it('Markdown: the headline, incident and SLO tables (pipes escaped), the funnel, late fixes, the period', () => {
    const md = reliabilityMarkdown(section).join('\n');
    expect(md).toContain(`**Is anything on fire?** ${section.headline}`);
    expect(md).toContain('| Checkout <down> & out \\| EU (inc-1) | SEV1 | identified | 2 h | Priya Raman | ⚠️ 30 min overdue |');
    expect(md).toContain('| Slow search (inc-2) | SEV3 | monitoring | 4 h | none named | on time |');
    expect(md).toContain('| Login | login | 99.9 % over 28d | overspent by 40 % | 🔴 Budget used up |');
    expect(md).toContain('| Search | search | 99 % over 1w | 17 % left, gone in 1 h 35 min at this rate | 🔴 Burning fast (page) |');
    expect(md).toContain('| Billing | billing | 99 % over 28d | — | ⚪ No data yet |');
    expect(md).toContain(
      '**Priority funnel: Stability is broken.** SEV1 incident inc-1 "Checkout down" is open (identified). SLO a has used all of its error budget.',
    );
    expect(md).toContain('Scale work to pause until it is fixed: "Second region" (region, Site Reliability).');
    expect(md).toContain('  - **1 day overdue**: Honour DNS TTL (Identity, due 2027-01-09, level 1)');
    expect(md).toContain('**Incidents since 2027-01-03:** 3 (1 SEV1, 2 SEV2); mean time to resolve 1 h 30 min.');
  });

  it('Confluence: well-formed XHTML with lozenges, text escaped', () => {
    const body = reliabilityConfluence(section).join('\n');
    const errors: string[] = [];
    const text: string[] = [];
    const parser = new SaxesParser({ xmlns: true });
    parser.on('error', (e) => errors.push(e.message));
    parser.on('text', (t) => text.push(t));
    parser.write(`<root xmlns="http://www.w3.org/1999/xhtml" xmlns:ac="http://atlassian.com/content">${body}</root>`).close();
    expect(errors).toEqual([]);
    expect(text.join('')).toContain('Checkout <down> & out | EU (inc-1)');
    expect(body).toContain('<ac:parameter ac:name="colour">Red</ac:parameter><ac:parameter ac:name="title">Yes</ac:parameter>');
    expect(body).toContain(
      '<ac:parameter ac:name="colour">Yellow</ac:parameter><ac:parameter ac:name="title">Burning (ticket)</ac:parameter>',
    );
  });

  it('HTML: escaped, with a budget bar per SLO that has figures, clamped to 0–100 %', () => {
    const html = reliabilityHtml(section);
    expect(html).toContain('Checkout &lt;down&gt; &amp; out | EU');
    expect(html).not.toContain('<down>');
    expect(html).toContain('<div class="fire yes">');
    expect(html.match(/class="budget"/g)).toHaveLength(4);
    expect(html).toContain('<i class="out" style="width:0%">');
    expect(html).toContain('<i class="low" style="width:17%">');
  });

  it('Slack: mrkdwn escaped, only problem SLOs listed, the rest counted, within section limits', () => {
    const mrkdwn = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const [head, more] = reliabilitySlack(section, mrkdwn);
    expect(head).toContain(':fire: *Is anything on fire?* Yes: SEV1 "Checkout &lt;down&gt; &amp; out"');
    expect(head).toContain(
      '• SEV1 *Checkout &lt;down&gt; &amp; out | EU*: identified, open 2 h, commander Priya Raman :warning: update 30 min overdue',
    );
    expect(head).toContain('• :red_circle: *Login*: budget used up, overspent by 40 %');
    expect(head).toContain('• 1 SLO within budget, 1 without data yet');
    expect(head).not.toContain('*Profile*');
    expect(more).toContain('Pause: *Second region* (Site Reliability).');
    expect(more).toContain('• :hourglass: 1 day overdue: Honour DNS TTL (Identity)');
    for (const t of [head, more]) expect((t ?? '').length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
  });
});
