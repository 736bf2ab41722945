import type { Incident, IncidentStatus, ProgramInfo, Severity, SeverityDefinition } from '../../api/types';

/**
 * The severity definitions a program falls back on when it writes none: the server's defaults
 * (PagerDuty's scale, src/domain/incident.ts), repeated here because the web app reads only the API.
 */
const DEFAULT_DEFINITIONS: Record<Severity, SeverityDefinition> = {
  SEV1: {
    severity: 'SEV1',
    description:
      'Critical: the system is down or severely impaired for a large number of customers, or customer data is exposed. Public notification and executive liaison.',
    updateCadenceMinutes: 30,
  },
  SEV2: {
    severity: 'SEV2',
    description: "Major: a critical system issue actively impacting many customers' ability to use the product.",
    updateCadenceMinutes: 60,
  },
  SEV3: {
    severity: 'SEV3',
    description: 'Minor: partial loss of functionality not affecting most customers, or a risk of becoming SEV2 if nothing is done.',
    updateCadenceMinutes: 240,
  },
  SEV4: {
    severity: 'SEV4',
    description: 'Low: a cosmetic issue or a bug with little customer impact; handled in normal working hours.',
    updateCadenceMinutes: null,
  },
};

/** The program's own definitions laid over the defaults, severity by severity. */
export function severityDefinitions(program: ProgramInfo | undefined): Record<Severity, SeverityDefinition> {
  const out = { ...DEFAULT_DEFINITIONS };
  for (const d of program?.severities ?? []) out[d.severity] = d;
  return out;
}

export function SeverityBadge({ severity }: { severity: Severity }) {
  return <span className={`inc-sev inc-${severity.toLowerCase()}`}>{severity}</span>;
}

const STATUS_TONE: Record<IncidentStatus, string> = {
  investigating: 'red',
  identified: 'amber',
  monitoring: 'accent',
  resolved: 'green',
};

export function StatusBadge({ status }: { status: IncidentStatus }) {
  return <span className={`badge ${STATUS_TONE[status]}`}>{status}</span>;
}

export const isOpen = (i: Incident) => i.status !== 'resolved';

/** `2026-11-10 14:05` in UTC, for columns headed "(UTC)". */
export function utcStamp(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const s = d.toISOString();
  return `${s.slice(0, 10)} ${s.slice(11, 16)}`;
}

/** `2026-11-10 14:05 UTC`: incidents are read across zones, so one zone for everyone (as the executive update does). */
export const utcTime = (iso: string): string => `${utcStamp(iso)} UTC`;

/** `14:05` (UTC) for entries on the day already shown. */
export const utcClock = (iso: string) => new Date(iso).toISOString().slice(11, 16);

/** `47 min`, `3 h 12 min`, `2 d 4 h` from milliseconds. */
export function durationWords(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days} d` : `${days} d ${hours % 24} h`;
}

export const ROLE_LABELS = {
  incidentCommander: 'Incident commander',
  communicationsLead: 'Communications lead',
  opsLead: 'Ops lead',
  scribe: 'Scribe',
} as const;
