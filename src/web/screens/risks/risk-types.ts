/** GET /findings: what the detection rules found (with people's verdicts) and the register, by exposure. */
export interface Review {
  verdict: 'acknowledged' | 'dismissed';
  reason: string;
  actor: string;
  at: string;
}

export interface Finding {
  rule: string;
  key: string;
  severity: 'high' | 'medium' | 'low';
  title: string;
  explanation: string;
  action: string;
  items: string[];
  teams: string[];
  review?: Review;
}

export interface Findings {
  version: number;
  asOf: string;
  findings: Finding[];
  dismissed: Finding[];
  notRun: { rule: string; needs: string }[];
  forecast: { trials: number; seed: number } | null;
}

export const SEVERITIES = ['high', 'medium', 'low'] as const;
