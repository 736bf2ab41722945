import type { Rag } from './status-report.js';

/**
 * A part of the status report owned by one feature (capacity, cost, migrations, tech debt): a RAG
 * and a one-sentence headline an executive reads first, then the detail as short paragraphs,
 * bullets and tables, and optionally one bar chart. Every renderer (Markdown, HTML, Confluence,
 * Slack) draws any section the same way, so a feature only says what, never how.
 */
export interface ReportSection {
  /** Stable, URL-safe: the HTML anchor and the order key. */
  readonly id: string;
  readonly title: string;
  readonly rag: Rag;
  readonly headline: string;
  readonly paragraphs?: readonly string[];
  readonly bullets?: readonly string[];
  readonly tables?: readonly ReportTable[];
  readonly bars?: ReportBars;
}

export interface ReportTable {
  readonly caption?: string;
  readonly columns: readonly { readonly title: string; readonly numeric?: boolean }[];
  /** Cells as text, one per column. */
  readonly rows: readonly (readonly string[])[];
  /** A RAG per row, shown as a mark in the first cell; absent = none. */
  readonly rowRag?: readonly (Rag | null)[];
}

/** Horizontal bars, one per label, with an optional reference mark each (a budget, a capacity). */
export interface ReportBars {
  readonly title: string;
  /** Shown after values, e.g. "USD" or "cores". */
  readonly unit: string;
  readonly bars: readonly { readonly label: string; readonly value: number; readonly reference?: number; readonly rag?: Rag }[];
  /** What the reference mark means, e.g. "budget". */
  readonly referenceLabel?: string;
}

/** Slack shows a section as one block of at most this many bullets; the rest are counted. */
export const SLACK_SECTION_BULLETS = 5;
