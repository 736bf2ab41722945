import fc from 'fast-check';
import type { ReliabilitySection } from '../src/formats/report/reliability-section.js';
import type { ReportSection } from '../src/formats/report/report-section.js';
import type { StatusReport } from '../src/formats/report/status-report.js';

/**
 * Generated status reports, from empty to far bigger than any message Slack takes: many milestones,
 * risks, asks and sections, long titles, and text that needs escaping in XML and mrkdwn.
 */
const rag = fc.constantFrom('green' as const, 'amber' as const, 'red' as const);
const nasty = fc.constantFrom('&', '<', '>', '"', "'", ']]>', '|', '*', '_', '`', 'é', '🚀', '\u00a0', '&amp;');
const notXmlChar = (code: number) => (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0xfffe || code === 0xffff;
/** Text with the characters that break XML or mrkdwn when unescaped, up to `max` long. */
const text = (max: number) =>
  fc
    .array(fc.oneof({ weight: 4, arbitrary: fc.string({ minLength: 1, maxLength: 12 }) }, { weight: 1, arbitrary: nasty }), {
      maxLength: Math.ceil(max / 6),
    })
    .map((parts) => {
      // Characters XML 1.0 cannot hold at all (C0 controls but tab and newlines, U+FFFE/FFFF) are not what people type.
      const s = [...parts.join(' ')].map((c) => (notXmlChar(c.codePointAt(0) ?? 0) ? '?' : c)).join('');
      return s.trim() === '' ? 'x' : s.slice(0, max);
    });
/** Lone surrogates are not characters (XML refuses them); whole emoji stay. */
const clean = (s: string) => s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '?');
const title = (max: number) => fc.oneof(text(40), text(max)).map(clean);
const date = fc.integer({ min: 0, max: 2000 }).map((d) => new Date(Date.UTC(2027, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));

const section: fc.Arbitrary<ReportSection> = fc.record({
  id: fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/),
  title: title(300),
  rag,
  headline: title(4000),
  bullets: fc.array(title(600), { maxLength: 30 }),
  paragraphs: fc.array(title(600), { maxLength: 3 }),
});

/** Many open incidents, troubled SLOs and overdue fixes: the reliability texts Slack must split. */
const reliability: fc.Arbitrary<ReliabilitySection> = fc
  .record({
    incidents: fc.array(
      fc.record({ title: title(300), commander: fc.option(title(60), { nil: null }), overdue: fc.option(fc.nat(600), { nil: null }) }),
      { maxLength: 120 },
    ),
    slos: fc.array(
      fc.record({
        name: title(200),
        state: fc.constantFrom('exhausted' as const, 'page' as const, 'ticket' as const, 'ok' as const, 'no-data' as const),
      }),
      { maxLength: 150 },
    ),
    reasons: fc.array(title(300), { maxLength: 8 }),
    stop: fc.array(fc.record({ title: title(200), team: fc.option(title(40), { nil: null }) }), { maxLength: 60 }),
    late: fc.array(fc.record({ title: title(300), team: title(40), overdueDays: fc.integer({ min: 1, max: 90 }) }), { maxLength: 120 }),
    headline: title(2000),
  })
  .map(
    (g): ReliabilitySection => ({
      headline: g.headline,
      onFire: g.incidents.length > 0,
      at: '2027-06-04T12:00:00.000Z',
      openIncidents: g.incidents.map((i, n) => ({
        id: `inc-${n}`,
        title: i.title,
        severity: 'SEV2',
        status: 'mitigating',
        startedAt: '2027-06-04T08:00:00.000Z',
        openForMinutes: 240,
        commander: i.commander,
        updateOverdueMinutes: i.overdue,
      })),
      slos: g.slos.map((x, n) => ({
        id: `slo-${n}`,
        name: x.name,
        service: 'api',
        objective: 99.9,
        window: '28d',
        state: x.state,
        budgetLeft: x.state === 'no-data' ? null : 0.2,
        exhaustsInMinutes: null,
        notComputed: null,
      })),
      funnel: {
        level1Broken: g.reasons.length > 0,
        reasons: g.reasons,
        stop: g.stop.map((x, n) => ({ id: `s${n}`, ...x })),
        inProgress: [],
      },
      postmortems: [
        {
          id: 'pm-1',
          incident: 'inc-0',
          title: 'Checkout outage',
          open: g.late.map((a, n) => ({
            id: `a${n}`,
            title: a.title,
            team: a.team,
            due: '2027-05-01',
            level: 1 as const,
            overdueDays: a.overdueDays,
          })),
        },
      ],
      period: {
        since: '2027-05-28',
        incidents: g.incidents.length,
        bySeverity: [{ severity: 'SEV2', count: g.incidents.length }],
        mttrMinutes: null,
      },
    }),
  );

export const bigReport: fc.Arbitrary<StatusReport> = fc
  .record({
    name: title(400),
    why: title(5000),
    summary: fc.array(title(4000), { maxLength: 5 }),
    milestones: fc.array(
      fc.record({
        title: title(500),
        target: fc.option(date, { nil: null }),
        rag: fc.option(rag, { nil: null }),
        trend: fc.option(fc.integer({ min: -40, max: 40 }), { nil: null }),
      }),
      { maxLength: 400 },
    ),
    risks: fc.array(fc.record({ severity: fc.constantFrom('high' as const, 'medium' as const, 'low' as const), title: title(800) }), {
      maxLength: 300,
    }),
    asks: fc.array(title(1500), { maxLength: 200 }),
    sections: fc.array(section, { maxLength: 80 }),
    workstreams: fc.array(fc.record({ name: title(200), rag, why: title(300) }), { maxLength: 30 }),
    sentence: title(5000),
    reliability: fc.option(reliability, { nil: undefined }),
  })
  .map(
    (g): StatusReport => ({
      program: { id: 'p', name: g.name, tpm: null, target: '2028-01-01' },
      asOf: '2027-06-04',
      comparedWith: null,
      summary: g.summary,
      rag: { overall: 'amber', why: g.why, workstreams: g.workstreams.map((w, i) => ({ id: `w${i}`, ...w })) },
      finish: { planned: '2027-12-01', p50: '2027-12-03T17:00', p80: '2027-12-20T17:00', previousP80: null, trials: 100 },
      milestones: g.milestones.map((m, i) => ({
        id: `m${i}`,
        title: m.title,
        target: m.target,
        planned: '2027-10-01',
        p50: '2027-10-02T17:00',
        p80: '2027-10-09T17:00',
        rag: m.rag,
        previousP80: null,
        trendDays: m.trend,
        curve: [],
      })),
      changes: { known: false, since: null, finished: [], slipped: [], newRisks: [], closedRisks: [], decisionsMade: [] },
      topRisks: g.risks.map((x) => ({ ...x, action: 'Act.' })),
      decisionsNeeded: [],
      asks: g.asks,
      criticalPath: { sentence: g.sentence, items: [] },
      gantt: { start: '2027-01-01', end: '2028-01-01', rows: [], milestones: [] },
      burnUp: { total: 0, weeks: [] },
      sections: g.sections,
      ...(g.reliability ? { reliability: g.reliability } : {}),
    }),
  );
