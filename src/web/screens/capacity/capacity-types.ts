/** Shapes of /api/programs/{id}/capacity/status and /capacity/{resource}/plan (src/app/capacity/capacity-view.ts). */
export type Rag = 'red' | 'amber' | 'green';

export interface CapacityPlanFigures {
  installed: number;
  usable: number;
  binding: 'utilisation' | 'redundancy' | 'none';
  current: { date: string; value: number };
  utilisation: number;
  usableShare: number;
  model: 'compound' | 'linear-fit' | 'exponential-fit';
  growth?: { percent: number; per: string };
  runOut: string | null;
  orderBy: string | null;
  daysUntilOrderBy: number | null;
  workingDaysUntilOrderBy: number | null;
  daysUntilRunOut: number | null;
  late: boolean;
  exhausted: boolean;
  leadDays: number;
  marginDays: number;
  order: {
    quantity: number;
    orderOn: string;
    arrival: string;
    coverUntil: string;
    peakDemand: number;
    installedAfter: number;
    usableAfter: number;
    runsOutAgain: string | null;
  };
}

export interface FitView {
  kind: 'linear' | 'exponential';
  r2: number;
  rmse: number;
  samples: number;
  perMonth: number;
  values?: number[];
}

export interface WhatIfView {
  label: string;
  runOut: string | null;
  orderBy: string | null;
  late: boolean;
  quantity: number;
  orderByShift: number | null;
  problem?: string;
}

export interface CapacityResourceView {
  id: string;
  name: string;
  unit: string;
  team: string | null;
  vendor: string | null;
  services: string[];
  history: { samples: number; from: string | null; to: string | null };
  rag: Rag;
  headline: string;
  plan: CapacityPlanFigures | null;
  problem: string | null;
  fits: { linear: FitView | null; exponential: FitView | null };
  whatIfs: WhatIfView[];
  orderItem: { id: string; title: string; state: string; orderedOn: string | null; deadline: string | null } | null;
}

export interface CapacityStatus {
  version: number;
  today: string;
  months: number;
  resources: CapacityResourceView[];
  counts: Record<Rag, number>;
}

export interface Series {
  start: string;
  values: number[];
}

export interface CapacityDetail extends CapacityResourceView {
  today: string;
  months: number;
  usage: { t: number[]; v: number[] };
  projection: Series | null;
  whatIfProjections: (Series | null)[];
}

/** 1,234 from 100 up, one decimal below. */
export const amount = (n: number) => (Math.abs(n) >= 100 ? Math.round(n).toLocaleString('en-US') : String(Math.round(n * 10) / 10));
export const share = (x: number) => `${Math.round(x * 1000) / 10}%`;
