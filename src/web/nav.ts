/** The program's screens, in sidebar order, with the key that opens each after "g". */
export const PROGRAM_SCREENS = [
  { path: '', label: 'Overview', key: 'o' },
  { path: 'roadmap', label: 'Roadmap', key: 'r' },
  { path: 'map', label: 'Dependency map', key: 'm' },
  { path: 'forecast', label: 'Forecast', key: 'f' },
  { path: 'risks', label: 'Risks', key: 'k' },
  { path: 'scenarios', label: 'Scenarios', key: 's' },
  { path: 'decisions', label: 'Decisions', key: 'd' },
  { path: 'teams', label: 'Teams', key: 't' },
  { path: 'services', label: 'Services', key: 'v' },
  { path: 'slos', label: 'SLOs', key: 'b' },
  { path: 'incidents', label: 'Incidents', key: 'i' },
  { path: 'funnel', label: 'Funnel', key: 'n' },
  { path: 'capacity', label: 'Capacity', key: 'c' },
  { path: 'cost', label: 'Cloud cost', key: 'x' },
  { path: 'migrations', label: 'Migrations', key: 'w' },
  { path: 'debt', label: 'Tech debt', key: 'u' },
  { path: 'integrations', label: 'Integrations', key: 'e' },
  { path: 'report', label: 'Status report', key: 'p' },
] as const;

export const programHref = (programId: string, path = '') => `/p/${encodeURIComponent(programId)}${path ? `/${path}` : ''}`;
export const itemHref = (programId: string, itemId: string) => `${programHref(programId)}/items/${encodeURIComponent(itemId)}`;
