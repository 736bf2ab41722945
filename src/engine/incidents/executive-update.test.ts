import { describe, expect, it } from 'vitest';
import { incidentSchema } from '../../domain/incident.js';
import { draftExecutiveUpdate } from './executive-update.js';

const incident = incidentSchema.parse({
  id: 'inc-42',
  title: 'Customers cannot pay at checkout',
  severity: 'SEV1',
  status: 'identified',
  startedAt: '2027-03-15T09:05:00Z',
  impactStartedAt: '2027-03-15T09:00:00Z',
  roles: { incidentCommander: 'ana', communicationsLead: 'ben', opsLead: 'chen', scribe: 'dee' },
  services: ['checkout', 'payments'],
  timeline: [
    { at: '2027-03-15T09:12:00Z', kind: 'acknowledged', text: 'Ana is leading the response', author: 'ana' },
    { at: '2027-03-15T09:03:00Z', kind: 'detected', text: 'Payment failures rose above 20%' },
    { at: '2027-03-15T09:20:00Z', kind: 'note', text: 'p99 of pg pool at 2s, suspect conn leak' },
    { at: '2027-03-15T09:25:00Z', kind: 'status-change', text: 'investigating → identified' },
  ],
  impact: { customers: 12500, revenue: 48000, description: 'Most card payments failed' },
});

describe('draftExecutiveUpdate', () => {
  it('writes what happened, impact, status and next update in plain words', () => {
    expect(draftExecutiveUpdate(incident, new Date('2027-03-15T09:40:00Z'))).toBe(
      [
        'Customers cannot pay at checkout (critical incident)',
        '',
        'What happened:',
        '- 2027-03-15 09:03 UTC: We noticed the problem. Payment failures rose above 20%.',
        '- 2027-03-15 09:12 UTC: An engineer took charge of the response. Ana is leading the response.',
        '',
        'Impact:',
        'Most card payments failed. About 12,500 customers were affected. Estimated lost revenue: 48,000.',
        'Services affected: checkout, payments.',
        '',
        'Current status:',
        'We have found the cause and are working on a fix.',
        '',
        'Next update:',
        'By 2027-03-15 10:10 UTC, or sooner if the situation changes.',
      ].join('\n'),
    );
  });

  it('leaves engineers’ notes out and closes with a final update once resolved', () => {
    const resolved = {
      ...incident,
      status: 'resolved' as const,
      timeline: [...incident.timeline, { at: '2027-03-15T10:30:00Z', kind: 'resolved' as const, text: 'Fix deployed' }],
    };
    const text = draftExecutiveUpdate(resolved, Date.parse('2027-03-15T10:31:00Z'));
    expect(text).not.toContain('pg pool');
    expect(text).toContain('- 2027-03-15 10:30 UTC: The problem was fixed. Fix deployed.');
    expect(text.endsWith('Next update:\nThis is the final update. A review of what happened will follow.')).toBe(true);
  });

  it('says so when the impact is not measured yet', () => {
    const { impact: _, ...rest } = incident;
    expect(draftExecutiveUpdate({ ...rest }, 0)).toContain('Impact:\nWe are still measuring the impact.');
  });
});
