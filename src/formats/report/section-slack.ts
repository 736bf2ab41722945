import { type ReportSection, SLACK_SECTION_BULLETS } from './report-section.js';
import type { Rag } from './status-report.js';

const EMOJI: Readonly<Record<Rag, string>> = { green: ':large_green_circle:', amber: ':large_orange_circle:', red: ':red_circle:' };

/**
 * A feature's section as one Slack mrkdwn text: title, RAG and headline, then its first bullets.
 * Tables and charts stay in the full report; Slack is the summary. The caller clips to Slack's limit.
 */
export function sectionSlack(s: ReportSection, mrkdwn: (text: string) => string): string {
  const bullets = s.bullets ?? [];
  const shown = bullets.slice(0, SLACK_SECTION_BULLETS).map((b) => `• ${mrkdwn(b)}`);
  if (bullets.length > SLACK_SECTION_BULLETS) shown.push(`_…and ${bullets.length - SLACK_SECTION_BULLETS} more in the full report_`);
  return [`${EMOJI[s.rag]} *${mrkdwn(s.title)}:* ${mrkdwn(s.headline)}`, ...shown].join('\n');
}
