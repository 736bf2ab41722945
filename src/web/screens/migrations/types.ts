/** The shapes of GET /migration-views and /migrations/{id}/view (src/server/routes/migrations-view.ts). */
export type Rag = 'green' | 'amber' | 'red';

export interface MigrationSummary {
  id: string;
  title: string;
  target: string | null;
  share: number;
  stepsDone: number;
  steps: number;
  servicesDone: number;
  services: number;
  p50: string | null;
  p80: string | null;
  probabilityByTarget: number | null;
  rag: Rag | null;
  laggards: string[];
}

export interface MigrationList {
  version: number;
  asOf: string;
  migrations: MigrationSummary[];
}

export interface MigrationForecast {
  trials: number;
  remaining: number;
  history: number[];
  historyFrom: string;
  meanThroughput: number;
  p50: string | null;
  p80: string | null;
  p95: string | null;
  probabilityByTarget: number | null;
  curve: [string, number][];
}

export interface TeamOutlook {
  team: string;
  share: number;
  remaining: number;
  p50: string | null;
  p80: string | null;
  probabilityByTarget: number | null;
  reasons: ('behind' | 'late' | 'stalled')[];
  services: number;
  servicesDone: number;
  stepsDone: number;
  steps: number;
}

export interface MigrationView {
  version: number;
  id: string;
  title: string;
  description?: string;
  steps: string[];
  start: string | null;
  target: string | null;
  asOf: string;
  progress: {
    overall: { services: number; servicesDone: number; steps: number; stepsDone: number; share: number };
    columns: { step: string; done: number; services: number }[];
  };
  grid: {
    service: string;
    name: string;
    team: string;
    next: string | null;
    note?: string;
    cells: { step: string; done: string | null; item: { id: string; state: string } | null }[];
  }[];
  burnDown: { on: string; remaining: number; finished: number }[];
  forecast: MigrationForecast | null;
  forecastProblem: { message: string; hint: string } | null;
  historyWeeks: number;
  trials: number;
  seed: number;
  rag: Rag | null;
  teams: TeamOutlook[];
  laggards: string[];
  nextSteps: { team: string; steps: { service: string; step: string; item: string | null }[] }[];
  generatedItems: number;
}

export interface GenerateResult {
  migration: string;
  added: string[];
  links: number;
  existing: string[];
  version: number;
}
