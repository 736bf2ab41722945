import type { Incident, IncidentStatus, Severity, SeverityDefinition } from '../../api/types';

/**
 * The program's severity definitions (its own laid over the defaults), from the API; until they
 * arrive, each severity shows only its name.
 */
export function severityDefinitions(list: readonly SeverityDefinition[] | undefined): Record<Severity, SeverityDefinition> {
  const out = Object.fromEntries(
    (['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const).map((s) => [s, { severity: s, description: '', updateCadenceMinutes: null }]),
  ) as Record<Severity, SeverityDefinition>;
  for (const d of list ?? []) out[d.severity] = d;
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
