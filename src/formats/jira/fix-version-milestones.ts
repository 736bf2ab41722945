import type { ExternalWork } from '../../domain/external-work.js';
import type { ItemId } from '../../domain/ids.js';
import { READABLE_ID } from '../../domain/ids.js';
import { calendarDay } from './jira-dates.js';
import type { JiraVersion } from './jira-issue-schema.js';
import { shortHash } from './jira-team.js';

/**
 * Fix versions as milestones: one milestone per version (deduplicated across the issues that name
 * it), id `<projectKey>-v-<slug>` (`NET-v-1.2`), title the version's name, target its release date,
 * done once released. Versions belong to a project, so the same name in two projects is two
 * milestones.
 */
export class FixVersionMilestones {
  readonly works: ExternalWork[] = [];
  private readonly byVersion = new Map<string, ItemId>();
  private readonly usedIds = new Set<string>();

  constructor(private readonly site: string) {}

  /** The milestone id of the version, created on first sight; undefined for a version without a name. */
  milestoneOf(projectKey: string, version: JiraVersion): { id: ItemId } | { problem: string } | undefined {
    const name = version.name?.trim();
    if (!name) return undefined;
    // Version names are unique within a project; ids may differ between copies of a payload.
    const versionKey = `${projectKey}\u0000${name}`;
    const known = this.byVersion.get(versionKey);
    if (known !== undefined) return { id: known };
    let target: string | undefined;
    if (version.releaseDate) {
      target = calendarDay(version.releaseDate);
      if (target === undefined) return { problem: `fix version "${name}" has release date "${version.releaseDate}", which is not a date` };
    }
    const id = this.freshId(projectKey, name);
    this.byVersion.set(versionKey, id);
    const fields: Record<string, unknown> = {
      title: name,
      kind: 'milestone',
      state: version.released ? 'done' : 'not-started',
      tags: [],
    };
    if (target !== undefined) fields.target = target;
    const description = version.description?.trim();
    if (description) fields.description = description;
    const work: { key: string; id: ItemId; url?: string; fields: ExternalWork['fields'] } = {
      key: `${projectKey} fixVersion ${name}`,
      id,
      fields: fields as ExternalWork['fields'],
    };
    if (version.id !== undefined && version.id !== null) work.url = `${this.site}/projects/${projectKey}/versions/${version.id}`;
    this.works.push(work);
    return { id };
  }

  private freshId(projectKey: string, name: string): ItemId {
    const slug =
      name
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9._]+/g, '-')
        .replace(/^[-._]+|[-._]+$/g, '') || shortHash(name);
    let id = `${projectKey}-v-${slug}`;
    // Too long, or taken by another version whose name slugs the same ("1.2" and "1 2"): keep the
    // readable start and make it unique with a hash of the full name.
    if (id.length > 64 || this.usedIds.has(id) || !READABLE_ID.test(id)) {
      const hash = shortHash(`${projectKey}\u0000${name}`);
      id = `${id.slice(0, 63 - hash.length).replace(/[-._]+$/, '')}-${hash}`;
    }
    for (let n = 2; this.usedIds.has(id); n++) id = `${id.slice(0, 60).replace(/[-._]+$/, '')}-${n}`;
    this.usedIds.add(id);
    return id as ItemId;
  }
}
