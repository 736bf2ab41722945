/**
 * A status report as data: what every output format (Markdown, HTML, Confluence, Slack) renders.
 * Dates are YYYY-MM-DD unless named `…At` (ISO local date-time). Built by app/status-report.ts.
 */
import type { ReliabilitySection } from './reliability-section.js';
import type { ReportSection } from './report-section.js';

export type Rag = 'green' | 'amber' | 'red';

export interface StatusReport {
  readonly program: { readonly id: string; readonly name: string; readonly tpm: string | null; readonly target: string };
  readonly asOf: string;
  /** What "since" means: the previous report's status date, a baseline, or nothing to compare with. */
  readonly comparedWith: { readonly kind: 'report' | 'baseline'; readonly label: string; readonly date: string } | null;
  /** At most five plain sentences, no jargon. */
  readonly summary: readonly string[];
  readonly rag: {
    readonly overall: Rag;
    readonly why: string;
    readonly workstreams: readonly { id: string; name: string; rag: Rag; why: string }[];
  };
  readonly finish: {
    readonly planned: string;
    readonly p50: string;
    readonly p80: string;
    readonly previousP80: string | null;
    readonly trials: number;
  };
  readonly milestones: readonly {
    id: string;
    title: string;
    target: string | null;
    planned: string;
    p50: string;
    p80: string;
    rag: Rag | null;
    /** The P80 in the previous report, and the move since, in working days (positive: later). */
    previousP80: string | null;
    trendDays: number | null;
    /** The S-curve: by `at`, p % of forecast trials had the milestone done. */
    curve: readonly { p: number; at: string }[];
  }[];
  readonly changes: {
    /** False for a program file: no history to read. */
    readonly known: boolean;
    readonly since: string | null;
    readonly finished: readonly { id: string; title: string }[];
    readonly slipped: readonly { id: string; title: string; days: number }[];
    readonly newRisks: readonly { id: string; title: string }[];
    readonly closedRisks: readonly { id: string; title: string }[];
    readonly decisionsMade: readonly { id: string; title: string; outcome: string | null }[];
  };
  readonly topRisks: readonly { severity: 'high' | 'medium' | 'low'; title: string; action: string }[];
  readonly decisionsNeeded: readonly { id: string; title: string; blocksOn: string | null; why: string }[];
  readonly asks: readonly string[];
  readonly criticalPath: { readonly sentence: string; readonly items: readonly string[] };
  /** For the Gantt snapshot: each workstream's span, and milestones. */
  readonly gantt: {
    readonly start: string;
    readonly end: string;
    readonly rows: readonly { name: string; start: string; finish: string; baselineFinish: string | null; critical: boolean }[];
    readonly milestones: readonly { id: string; at: string; target: string | null }[];
  };
  /** For the burn-up: items done (actual, as far as known) and planned to be done, by week. */
  readonly burnUp: { readonly total: number; readonly weeks: readonly { week: string; planned: number; actual: number | null }[] };
  /** Services, SLOs, incidents and post-mortems; absent for a program that has none. */
  readonly reliability?: ReliabilitySection;
  /** Features' own sections (capacity, cost, migrations, tech debt), in this order, after reliability. */
  readonly sections?: readonly ReportSection[];
}

export const RAG_LABEL: Record<Rag, string> = { green: 'On track', amber: 'At risk', red: 'Off track' };
