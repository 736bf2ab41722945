/** The shape of GET /debt (src/server/routes/debt.ts). */
export interface DebtRow {
  rank: number | null;
  id: string;
  title: string;
  cause: 'no-time' | 'no-budget' | 'no-owner' | 'no-knowledge';
  state: string;
  team: string | null;
  priority: number | null;
  services: string[];
  toilHoursPerMonth: number;
  incidentHoursPerMonth: number;
  interestPerMonth: number;
  incidents: { id: string; known: boolean; title?: string; severity?: string; inWindow: boolean; hours: number }[];
  since: string | null;
  ageDays: number | null;
  planned: boolean;
  deadline: string | null;
}

export interface DebtGroup {
  key: string;
  items: number;
  interestPerMonth: number;
  toilHoursPerMonth: number;
}

export interface DebtRegister {
  at: string;
  windowDays: number;
  incidentCost: string;
  open: DebtRow[];
  closed: DebtRow[];
  byCause: DebtGroup[];
  byService: DebtGroup[];
  totals: { items: number; interestPerMonth: number; toilHoursPerMonth: number; incidentHoursPerMonth: number; unplanned: number };
}
