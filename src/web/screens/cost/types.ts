/** The shapes of GET /api/programs/{id}/cost (src/app/cost/cost-view.ts). */
export interface MonthCost {
  month: string;
  cost: number;
  budget?: number;
}
export interface TeamCost {
  team: string;
  monthToDate: number;
  quarterToDate: number;
  dailyRate: number;
  forecastMonth: number;
  forecastQuarter: number;
  budgetMonth?: number;
  budgetQuarter?: number;
  varianceMonth?: number;
  trend: MonthCost[];
}
export interface CostAnomaly {
  key: string;
  day: string;
  actual: number;
  expected: number;
  impact: number;
  z: number | null;
  direction: 'spike' | 'drop';
}
export interface WasteShare {
  kind: string;
  resources: number;
  spend: number;
  category: string;
  categorySpend: number;
  share: number;
  sentence: string;
}
export interface WasteFinding {
  kind: string;
  id: string;
  type: string;
  reason: string;
  spend: number;
  rows: number;
}
export interface CostViewBody {
  currency: string;
  metric: string;
  rows: number;
  firstDay: string;
  lastDay: string;
  summary: {
    asOf: string;
    month: string;
    quarter: string;
    daysElapsed: number;
    daysInMonth: number;
    method: string;
    months: string[];
    teams: TeamCost[];
    unallocated: TeamCost;
    total: TeamCost;
  };
  unknownTagValues: { tag: string; value: string; rows: number; cost: number }[];
  unusedRules: number[];
  anomalies: { method: string; items: CostAnomaly[] };
  waste?: {
    windowStart: string;
    windowEnd: string;
    resources: number;
    unmatched: number;
    spend: number;
    shares: WasteShare[];
    findings: WasteFinding[];
  };
  daily: { firstDay: string; keys: string[]; values: number[][] };
  currencies: string[];
}
export interface CostResponse {
  version: number;
  view: CostViewBody | null;
}
