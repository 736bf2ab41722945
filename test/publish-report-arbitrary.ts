import fc from 'fast-check';
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
    }),
  );
