import type { ExternalActivity } from '../../domain/external-work.js';
import { fieldChanges } from '../../domain/program-diff.js';
import type { ChangeSetRecord } from '../../store/program-store.js';
import type { Style } from './style.js';

const MAX_VALUE = 60;

/** Newest first: each change set, then `+ created`, `- deleted`, `~ updated` with field before → after. */
export function renderHistory(sets: readonly ChangeSetRecord[], s: Style): string {
  if (sets.length === 0) return s.dim('no changes recorded');
  return sets
    .map((set) => {
      const head = `${s.bold(set.at.toISOString().replace('T', ' ').slice(0, 19))}Z  ${set.actor}  ${s.dim(set.source)}  ${s.dim(`v${set.version}`)}`;
      const lines = set.changes.map((c) => {
        const name = `${c.entity} ${c.id}`;
        if (c.op === 'create') return `  ${s.green('+')} ${name}`;
        if (c.op === 'delete') return `  ${s.red('-')} ${name}`;
        const fields = fieldChanges(c.before, c.after).map((f) => `      ${f.path}: ${show(f.before)} → ${show(f.after)}`);
        return [`  ${s.yellow('~')} ${name}`, ...fields].join('\n');
      });
      return [head, ...lines].join('\n');
    })
    .join('\n\n');
}

/** The tracker's own history of a synced item (Jira's changelog), newest first. */
export function renderActivity(activity: readonly ExternalActivity[], s: Style): string {
  const lines = activity.map((a) => `  ${a.at.replace('T', ' ').slice(0, 16)}  ${a.actor}  ${a.field}: ${show(a.from)} → ${show(a.to)}`);
  return [s.bold('In the tracker'), ...lines].join('\n');
}

function show(value: unknown): string {
  if (value === undefined) return '(none)';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}
