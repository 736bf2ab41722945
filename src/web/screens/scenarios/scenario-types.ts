/** The shapes of /scenarios (see the server's scenario routes and src/domain/scenario.ts). */
export type ScenarioChange =
  | { estimate: { item: string; days: number } | { item: string; optimistic: number; likely: number; pessimistic: number } }
  | { capacity: { team: string; people: number; from?: string; to?: string } }
  | { 'add-item': { id: string; title: string; team?: string; estimate?: number; dependsOn: string[] } }
  | { 'remove-item': string }
  | { 'add-dependency': { from: string; to: string; type: 'FS' | 'SS' | 'FF' | 'SF'; lag: number } }
  | { 'remove-dependency': { from: string; to: string } }
  | { sequence: { first: string; next: string } };

export interface ScenarioBody {
  scenario: string;
  description?: string;
  changes: ScenarioChange[];
}

export interface StoredScenario {
  name: string;
  description?: string;
  createdAt: string;
  actor: string;
  baseVersion: number;
  changes: ScenarioChange[];
}

export interface TeamPeak {
  week: string | null;
  load: number;
  capacity: number;
  weeksOver: number;
}

export interface Comparison {
  version: number;
  program: string;
  scenario: string;
  asOf: string | null;
  finish: {
    live: string;
    scenario: string;
    liveP50: string | null;
    scenarioP50: string | null;
    liveP80: string | null;
    scenarioP80: string | null;
  };
  milestones: {
    id: string;
    title: string;
    target: string | null;
    live: string | null;
    scenario: string | null;
    liveP50: string | null;
    scenarioP50: string | null;
    liveP80: string | null;
    scenarioP80: string | null;
  }[];
  criticalPath: { joins: string[]; leaves: string[]; live: string[]; scenario: string[] };
  teamLoad: { team: string; name: string; live: TeamPeak; scenario: TeamPeak }[];
  forecast: { trials: number; seed: number } | null;
}

/** One sentence per change, as a TPM would say it. */
export function describeChange(c: ScenarioChange, titles: ReadonlyMap<string, string>): string {
  const item = (id: string) => (titles.get(id) ? `${id} (${titles.get(id)})` : id);
  if ('estimate' in c) {
    const e = c.estimate;
    return `Re-estimate ${item(e.item)}: ${'days' in e ? `${e.days} days` : `${e.optimistic}/${e.likely}/${e.pessimistic} days`}`;
  }
  if ('capacity' in c) {
    const k = c.capacity;
    return `Team ${k.team}: ${k.people} people${k.from ? ` from ${k.from} to ${k.to ?? k.from}` : ''}`;
  }
  if ('add-item' in c) {
    const a = c['add-item'];
    return `Add "${a.title}" (${a.id})${a.team ? ` for ${a.team}` : ''}${a.estimate !== undefined ? `, ${a.estimate} days` : ''}${a.dependsOn.length ? `, after ${a.dependsOn.join(', ')}` : ''}`;
  }
  if ('remove-item' in c) return `Drop ${item(c['remove-item'])}`;
  if ('add-dependency' in c) {
    const d = c['add-dependency'];
    return `${item(d.to)} waits on ${item(d.from)} (${d.type}${d.lag ? `, lag ${d.lag} d` : ''})`;
  }
  if ('remove-dependency' in c) return `${c['remove-dependency'].to} no longer waits on ${c['remove-dependency'].from}`;
  return `${item(c.sequence.next)} starts after ${item(c.sequence.first)}`;
}
