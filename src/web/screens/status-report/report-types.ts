/** The status report as GET /report?format=json answers it (formats/report/status-report.ts on the server). */
export type Rag = 'green' | 'amber' | 'red';

export const RAG_LABEL: Record<Rag, string> = { green: 'On track', amber: 'At risk', red: 'Off track' };

export interface StatusReport {
  version: number;
  program: { id: string; name: string; tpm: string | null; target: string };
  asOf: string;
  comparedWith: { kind: 'report' | 'baseline'; label: string; date: string } | null;
  summary: string[];
  rag: { overall: Rag; why: string; workstreams: { id: string; name: string; rag: Rag; why: string }[] };
  finish: { planned: string; p50: string; p80: string; previousP80: string | null; trials: number };
  milestones: {
    id: string;
    title: string;
    target: string | null;
    planned: string;
    p50: string;
    p80: string;
    rag: Rag | null;
    previousP80: string | null;
    trendDays: number | null;
  }[];
  changes: {
    known: boolean;
    since: string | null;
    finished: { id: string; title: string }[];
    slipped: { id: string; title: string; days: number }[];
    newRisks: { id: string; title: string }[];
    closedRisks: { id: string; title: string }[];
    decisionsMade: { id: string; title: string; outcome: string | null }[];
  };
  topRisks: { severity: 'high' | 'medium' | 'low'; title: string; action: string }[];
  decisionsNeeded: { id: string; title: string; blocksOn: string | null; why: string }[];
  asks: string[];
  criticalPath: { sentence: string; items: string[] };
}

/** GET/PUT /report/summary: what a person wrote over the computed summary. */
export interface WrittenSummary {
  written: { text: string; actor: string; updatedAt: string } | null;
}

/** `2027-03-14T17:00` → `Mar 14, 2027` (dates are the program's local days). */
export function dayLabel(dateOrDateTime: string | null | undefined): string {
  if (!dateOrDateTime) return '—';
  const [y, m, d] = dateOrDateTime.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return dateOrDateTime;
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
}
