import { BLOCK_KIT_LIMITS } from './block-kit-limits.js';
import { reliabilitySlack } from './reliability-slack.js';
import { sectionSlack } from './section-slack.js';
import { RAG_LABEL, type Rag, type StatusReport } from './status-report.js';

/** Slack's documented Block Kit limits (api.slack.com/reference/block-kit/blocks); see block-kit-limits.ts. */
export const SLACK_LIMITS = {
  blocks: BLOCK_KIT_LIMITS.blocks,
  headerText: BLOCK_KIT_LIMITS.headerText,
  sectionText: BLOCK_KIT_LIMITS.sectionText,
  fields: BLOCK_KIT_LIMITS.fields,
  fieldText: BLOCK_KIT_LIMITS.fieldText,
  contextElements: BLOCK_KIT_LIMITS.contextElements,
} as const;

const day = (dateTime: string) => dateTime.slice(0, 10);
const EMOJI: Record<Rag, string> = { green: ':large_green_circle:', amber: ':large_orange_circle:', red: ':red_circle:' };
/** mrkdwn needs &, < and > escaped; everything else is literal. */
const mrkdwn = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** Clips to `max` UTF-16 units (Slack counts characters; never more than units), never inside an `&amp;`-style entity or a surrogate pair. */
const clip = (text: string, max: number) => {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  // Never half an emoji: a lone surrogate is not text.
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  const amp = cut.lastIndexOf('&');
  return `${amp >= 0 && amp > cut.length - 6 && !cut.slice(amp).includes(';') ? cut.slice(0, amp) : cut}…`;
};

type Block = Record<string, unknown>;
const section = (text: string): Block => ({ type: 'section', text: { type: 'mrkdwn', text: clip(text, SLACK_LIMITS.sectionText) } });

/**
 * Lines packed into as few section texts as fit Slack's 3000-character limit, the heading on the
 * first; one line longer than the limit is clipped (it is a single bullet; the full report has it).
 */
export function packLines(heading: string | null, lines: readonly string[], max: number = SLACK_LIMITS.sectionText): string[] {
  const texts: string[] = [];
  let chunk = heading ?? '';
  for (const raw of lines) {
    const line = clip(raw, max);
    if (chunk === '') chunk = line;
    else if (chunk.length + 1 + line.length > max) {
      texts.push(chunk);
      chunk = line;
    } else chunk = `${chunk}\n${line}`;
  }
  if (chunk !== '') texts.push(chunk);
  return texts;
}

/** A part of the message: its blocks, how many report entries they hold, and what to call them when counted as dropped. */
interface Part {
  readonly blocks: Block[];
  readonly entries: number[];
  readonly noun: string;
}

export interface SlackReportOptions {
  /** The full report (the Confluence page, the web app): linked when the message must leave things out. */
  readonly reportUrl?: string;
}

/**
 * An incoming-webhook payload: the report's headline, milestones, risks and asks as Block Kit, always
 * within Slack's limits (`checkBlockKit` finds nothing). Long lists are split across sections; when
 * the message would pass 50 blocks, the longest parts lose their last blocks (feature sections
 * first on a tie, milestones last) and one line counts what was left out, linking the full report.
 */
export function reportSlack(r: StatusReport, options: SlackReportOptions = {}): { text: string; blocks: Block[] } {
  const head: Block[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: clip(`${r.program.name}: status ${r.asOf}`, SLACK_LIMITS.headerText), emoji: true },
    },
    section(`${EMOJI[r.rag.overall]} *${RAG_LABEL[r.rag.overall]}.* ${mrkdwn(r.rag.why)}`),
    ...packLines(
      null,
      r.summary.map((s) => `• ${mrkdwn(s)}`),
    ).map(section),
    { type: 'divider' },
  ];
  const part = (noun: string, texts: readonly string[], entriesPerText: (text: string) => number): Part => ({
    blocks: texts.map(section),
    entries: texts.map(entriesPerText),
    noun,
  });
  const bulletCount = (text: string) => text.split('\n').filter((l) => l.startsWith('• ')).length;

  const milestoneLines = r.milestones
    .filter((m) => m.target !== null)
    .map(
      (m) =>
        `${m.rag ? EMOJI[m.rag] : '•'} *${mrkdwn(m.title)}*: due ${m.target}, 80 % sure by ${day(m.p80)}${m.trendDays ? ` (${m.trendDays > 0 ? '+' : ''}${m.trendDays} d)` : ''}`,
    );
  const milestones = part(
    'milestones',
    packLines('*Milestones*', milestoneLines),
    (t) => t.split('\n').filter((l) => l !== '*Milestones*').length,
  );
  const risks = part(
    'risks',
    r.topRisks.length === 0
      ? []
      : packLines(
          '*Top risks*',
          r.topRisks.map((x) => `• ${x.severity === 'high' ? ':warning: ' : ''}${mrkdwn(x.title)}`),
        ),
    bulletCount,
  );
  const asks = part(
    'asks',
    r.asks.length === 0
      ? []
      : packLines(
          '*Asks*',
          r.asks.map((a) => `• ${mrkdwn(a)}`),
        ),
    bulletCount,
  );
  const reliability = part(
    'reliability notes',
    r.reliability ? reliabilitySlack(r.reliability, mrkdwn).flatMap((t) => packLines(null, t.split('\n'))) : [],
    () => 1,
  );
  if (reliability.blocks.length > 0) {
    reliability.blocks.push({ type: 'divider' });
    reliability.entries.push(0);
  }
  const sections = part(
    'sections',
    (r.sections ?? []).map((s) => sectionSlack(s, mrkdwn)),
    () => 1,
  );
  if (sections.blocks.length > 0) {
    sections.blocks.unshift({ type: 'divider' });
    sections.entries.unshift(0);
  }
  const tail: Block[] = [
    {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: clip(mrkdwn(r.criticalPath.sentence) || 'No critical path.', SLACK_LIMITS.sectionText) }],
    },
  ];

  // Shown in this order. Past the limit, the part holding the most blocks gives up its last one
  // (on a tie the less important part), so a thousand milestones do not push out every risk and ask.
  const shown = [reliability, milestones, risks, asks, sections];
  const byImportance = [milestones, risks, asks, reliability, sections];
  const count = () => head.length + tail.length + shown.reduce((n, p) => n + p.blocks.length, 0);
  const content = (p: Part) => p.blocks.filter((b) => b.type !== 'divider').length;
  const dropped = new Map<string, number>();
  const trimmed = count() > SLACK_LIMITS.blocks;
  // One block is kept for the line that counts what was left out.
  while (trimmed && count() > SLACK_LIMITS.blocks - 1) {
    let victim: Part | undefined;
    for (const p of byImportance) if (content(p) > 0 && (victim === undefined || content(p) >= content(victim))) victim = p;
    if (victim === undefined) break;
    const last = victim.blocks.findLastIndex((b) => b.type !== 'divider');
    victim.blocks.splice(last, 1);
    const n = victim.entries.splice(last, 1)[0] ?? 0;
    if (n > 0) dropped.set(victim.noun, (dropped.get(victim.noun) ?? 0) + n);
    // A divider alone is noise.
    if (content(victim) === 0) victim.blocks.length = 0;
  }
  const blocks = [...head, ...shown.flatMap((p) => p.blocks)];
  if (trimmed) {
    const what =
      byImportance
        .filter((p) => dropped.has(p.noun))
        .map((p) => `${dropped.get(p.noun)} more ${p.noun}`)
        .join(', ') || 'more';
    const link = options.reportUrl
      ? `<${options.reportUrl.replace(/[<>|]/g, encodeURIComponent)}|see the full report>`
      : 'see the full report';
    blocks.push(section(`_… and ${what} — ${link}_`));
  }
  blocks.push(...tail);
  return {
    text: clip(`${r.program.name}: ${RAG_LABEL[r.rag.overall]} as of ${r.asOf}. ${r.summary[0] ?? ''}`, SLACK_LIMITS.sectionText),
    blocks,
  };
}
