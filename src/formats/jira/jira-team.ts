import type { TeamId } from '../../domain/ids.js';
import { READABLE_ID } from '../../domain/ids.js';
import type { JiraMapping } from '../../domain/integration.js';
import type { JiraFields } from './jira-issue-schema.js';
import { teamFieldSchema } from './jira-issue-schema.js';
import { own } from './own-key.js';

/** Jira Cloud's Team field (Atlassian teams), read when `team.from: field` names no field. */
export const DEFAULT_TEAM_FIELD = 'customfield_10001';

/** `Team Payments` → `team-payments`; accents dropped; empty when nothing readable is left. */
export function kebab(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}

/** A short stable hash (FNV-1a, base 36), for ids of names with no readable characters. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/** The tracker value that names the team, per `team.from`. */
export function teamValue(fields: JiraFields, raw: Record<string, unknown>, team: NonNullable<JiraMapping['team']>): string | undefined {
  switch (team.from) {
    case 'field': {
      const parsed = teamFieldSchema.safeParse(raw[team.field ?? DEFAULT_TEAM_FIELD]);
      if (!parsed.success || parsed.data == null) return undefined;
      const first = Array.isArray(parsed.data) ? parsed.data[0] : parsed.data;
      if (first === undefined) return undefined;
      const text =
        typeof first === 'string'
          ? first
          : 'value' in first
            ? first.value
            : 'name' in first
              ? first.name
              : 'title' in first
                ? first.title
                : first.displayName;
      return text.trim() || undefined;
    }
    case 'component':
      return fields.components?.find((c) => c.name)?.name?.trim() || undefined;
    case 'project':
      return fields.project?.key?.trim() || undefined;
    case 'label': {
      const prefix = team.prefix ?? '';
      const label = fields.labels?.find((l) => l.startsWith(prefix) && l.length > prefix.length);
      return label?.slice(prefix.length);
    }
  }
}

/** The team id of a tracker value: the mapping's, else the value in kebab case. */
export function teamIdOf(value: string, team: NonNullable<JiraMapping['team']>): TeamId {
  const mapped = own(team.values, value);
  if (mapped !== undefined) return mapped;
  const id = kebab(value);
  return (READABLE_ID.test(id) ? id : `team-${shortHash(value)}`) as TeamId;
}
