import type { JiraMapping } from '../../domain/integration.js';
import type { ItemState } from '../../domain/work-item.js';
import type { JiraFields } from './jira-issue-schema.js';
import { own } from './own-key.js';

/**
 * Status names of Jira's default workflows by category, for payloads without `statusCategory`
 * (older Server payloads, trimmed test data, CSV exports without the Status Category column).
 */
const CATEGORY_OF_NAME: Readonly<Record<string, 'new' | 'indeterminate' | 'done'>> = {
  open: 'new',
  'to do': 'new',
  todo: 'new',
  backlog: 'new',
  new: 'new',
  reopened: 'new',
  'selected for development': 'new',
  'in progress': 'indeterminate',
  'in review': 'indeterminate',
  'in development': 'indeterminate',
  'code review': 'indeterminate',
  testing: 'indeterminate',
  done: 'done',
  closed: 'done',
  resolved: 'done',
};

/**
 * The status category of an issue: Jira's own when sent; otherwise `done` when the issue has a
 * resolution (Jira sets one exactly when work ends), else the category of a default workflow
 * status of that name, else `new` (an unknown status is not evidence that work started).
 */
export function statusCategory(fields: Pick<JiraFields, 'status' | 'resolution'>): string {
  const key = fields.status?.statusCategory?.key;
  if (key) return key;
  if (fields.resolution) return 'done';
  const name = fields.status?.name?.trim().toLowerCase();
  return (name !== undefined ? own(CATEGORY_OF_NAME, name) : undefined) ?? 'new';
}

/** Status category names as the CSV export writes them → keys. */
export const CATEGORY_KEY_OF_NAME: Readonly<Record<string, string>> = {
  'to do': 'new',
  'in progress': 'indeterminate',
  done: 'done',
};

/** The item state: the status name's mapping wins over the category's; unmapped → not-started. */
export function itemState(fields: Pick<JiraFields, 'status' | 'resolution'>, states: JiraMapping['states']): ItemState {
  const name = fields.status?.name;
  const byName = name ? own(states.names, name) : undefined;
  if (byName) return byName;
  return own(states.categories, statusCategory(fields)) ?? 'not-started';
}
