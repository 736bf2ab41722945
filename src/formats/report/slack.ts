import { reliabilitySlack } from './reliability-slack.js';
import { sectionSlack } from './section-slack.js';
import { RAG_LABEL, type Rag, type StatusReport } from './status-report.js';

/** Slack's documented Block Kit limits (api.slack.com/reference/block-kit/blocks). */
export const SLACK_LIMITS = { blocks: 50, headerText: 150, sectionText: 3000, fields: 10, fieldText: 2000, contextElements: 10 } as const;

const day = (dateTime: string) => dateTime.slice(0, 10);
const EMOJI: Record<Rag, string> = { green: ':large_green_circle:', amber: ':large_orange_circle:', red: ':red_circle:' };
/** mrkdwn needs &, < and > escaped; everything else is literal. */
const mrkdwn = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

type Block = Record<string, unknown>;

/** An incoming-webhook payload: the report's headline, milestones, risks and asks as Block Kit, within Slack's limits. */
export function reportSlack(r: StatusReport): { text: string; blocks: Block[] } {
  const section = (text: string): Block => ({ type: 'section', text: { type: 'mrkdwn', text: clip(text, SLACK_LIMITS.sectionText) } });
  const blocks: Block[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: clip(`${r.program.name}: status ${r.asOf}`, SLACK_LIMITS.headerText), emoji: true },
    },
    section(`${EMOJI[r.rag.overall]} *${RAG_LABEL[r.rag.overall]}.* ${mrkdwn(r.rag.why)}`),
    section(r.summary.map((s) => `• ${mrkdwn(s)}`).join('\n')),
    { type: 'divider' },
  ];
  if (r.reliability) blocks.push(...reliabilitySlack(r.reliability, mrkdwn).map(section), { type: 'divider' });
  const milestones = r.milestones.filter((m) => m.target !== null);
  const lines = milestones.map(
    (m) =>
      `${m.rag ? EMOJI[m.rag] : '•'} *${mrkdwn(m.title)}*: due ${m.target}, 80 % sure by ${day(m.p80)}${m.trendDays ? ` (${m.trendDays > 0 ? '+' : ''}${m.trendDays} d)` : ''}`,
  );
  // Several sections rather than one clipped one, each within the text limit.
  let chunk = '*Milestones*';
  for (const line of lines) {
    if (chunk.length + 1 + line.length > SLACK_LIMITS.sectionText) {
      blocks.push(section(chunk));
      chunk = line;
    } else chunk = `${chunk}\n${line}`;
  }
  blocks.push(section(chunk));
  if (r.topRisks.length > 0)
    blocks.push(
      section(`*Top risks*\n${r.topRisks.map((x) => `• ${x.severity === 'high' ? ':warning: ' : ''}${mrkdwn(x.title)}`).join('\n')}`),
    );
  if (r.asks.length > 0) blocks.push(section(`*Asks*\n${r.asks.map((a) => `• ${mrkdwn(a)}`).join('\n')}`));
  if (r.sections && r.sections.length > 0) blocks.push({ type: 'divider' }, ...r.sections.map((s) => section(sectionSlack(s, mrkdwn))));
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: clip(mrkdwn(r.criticalPath.sentence), SLACK_LIMITS.fieldText) }] });
  return {
    text: clip(`${r.program.name}: ${RAG_LABEL[r.rag.overall]} as of ${r.asOf}. ${r.summary[0] ?? ''}`, SLACK_LIMITS.sectionText),
    blocks: blocks.slice(0, SLACK_LIMITS.blocks),
  };
}
