import type { CalendarDate } from '../../domain/calendar-date.js';
import { isCalendarDate } from '../../domain/calendar-date.js';
import type { ItemState } from '../../domain/work-item.js';
import type { GithubFieldValue } from './github-nodes.js';

/**
 * The field values of one Projects (v2) item, by field name (case-insensitive, as people retype
 * "Status" and "status" alike).
 */
export class ProjectFields {
  private readonly byName = new Map<string, GithubFieldValue>();

  constructor(values: readonly (GithubFieldValue | null)[]) {
    for (const value of values) {
      const name = value?.field?.name;
      if (value && name) this.byName.set(name.trim().toLowerCase(), value);
    }
  }

  get(name: string): GithubFieldValue | undefined {
    return this.byName.get(name.trim().toLowerCase());
  }

  /** A single-select option's name or a text field's text. */
  text(name: string): string | undefined {
    const value = this.get(name);
    const text = value?.name ?? value?.text ?? undefined;
    return text?.trim() ? text.trim() : undefined;
  }

  number(name: string): number | undefined {
    const n = this.get(name)?.number;
    return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
  }

  /** The first date field among `names`, in that order. */
  date(names: readonly string[]): CalendarDate | undefined {
    for (const name of names) {
      const date = this.get(name)?.date?.slice(0, 10);
      if (date && isCalendarDate(date)) return date;
    }
    return undefined;
  }

  /** The start day of the item's iteration, from the first iteration value the item has. */
  iterationStart(): CalendarDate | undefined {
    for (const value of this.byName.values()) {
      if (value.__typename !== 'ProjectV2ItemFieldIterationValue') continue;
      const start = value.startDate?.slice(0, 10);
      if (start && isCalendarDate(start)) return start;
    }
    return undefined;
  }
}

/**
 * Date fields read as the item's deadline, in this order. "End date" is not among them: on a
 * roadmap it is the planned finish, not a promise.
 */
export const DEADLINE_FIELDS = ['Target date', 'Due date', 'Due', 'Deadline'] as const;

/**
 * Status options most boards use (GitHub's default Todo / In Progress / Done, and the common
 * Backlog / Ready / In Review / Blocked / Won't do), when the mapping does not name the option.
 */
const COMMON_STATUS: Readonly<Record<string, ItemState>> = {
  todo: 'not-started',
  'to do': 'not-started',
  backlog: 'not-started',
  ready: 'not-started',
  new: 'not-started',
  triage: 'not-started',
  'in progress': 'in-progress',
  doing: 'in-progress',
  'in review': 'in-progress',
  review: 'in-progress',
  'in development': 'in-progress',
  blocked: 'blocked',
  'on hold': 'blocked',
  done: 'done',
  complete: 'done',
  completed: 'done',
  shipped: 'done',
  closed: 'done',
  cancelled: 'cancelled',
  canceled: 'cancelled',
  "won't do": 'cancelled',
  'wont do': 'cancelled',
  'not planned': 'cancelled',
};

export function commonStatus(option: string): ItemState | undefined {
  return COMMON_STATUS[option.trim().toLowerCase().replace(/’/g, "'")];
}
