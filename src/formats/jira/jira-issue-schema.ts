import { z } from 'zod';

/**
 * The parts of a Jira issue the mapping reads, as Jira Cloud (REST v3) and Data Center (REST v2)
 * send them: any field may be absent or null, unknown fields are ignored (stripped), and objects
 * keep only what is read, so one parse per issue stays cheap. Compiled once, at module load.
 *
 * Custom fields (team, story points, sprint, epic link) have site-specific ids; they are read from
 * the raw `fields` object with the small value schemas at the end of this file.
 */

const str = z.string().nullish();
const named = z.object({ name: str }).nullish();
const user = z.object({ displayName: str }).nullish();

const issueType = z
  .object({
    name: str,
    subtask: z.boolean().nullish(),
    /** Cloud: 1 epic, 0 standard, −1 sub-task. Absent on Data Center and older payloads. */
    hierarchyLevel: z.number().nullish(),
  })
  .nullish();

const status = z
  .object({
    name: str,
    /** Absent on some older or trimmed payloads (jira-cli's testdata): see `jira-state.ts`. */
    statusCategory: z.object({ key: str, name: str }).nullish(),
  })
  .nullish();

const linkedIssue = z.object({ key: str, fields: z.object({ issuetype: issueType, summary: str }).nullish() }).nullish();

const issueLink = z.object({
  type: z.object({ name: str, inward: str, outward: str }).nullish(),
  inwardIssue: linkedIssue,
  outwardIssue: linkedIssue,
});

const version = z.object({
  id: z.union([z.string(), z.number()]).nullish(),
  name: str,
  description: str,
  released: z.boolean().nullish(),
  /** YYYY-MM-DD. */
  releaseDate: str,
});
export type JiraVersion = z.infer<typeof version>;

const history = z.object({
  id: z.union([z.string(), z.number()]).nullish(),
  author: user,
  created: str,
  // `toString` cannot be a key of the shape: on an item without it, the inherited
  // Object.prototype.toString would be read and rejected. The loose object keeps it as sent, and
  // `changeTo` reads it as an own property.
  items: z
    .array(z.looseObject({ field: str, fieldId: str, fromString: str }))
    .nullish()
    .transform((v) => v ?? []),
});

export const jiraFieldsSchema = z.object({
  summary: str,
  description: z.unknown().optional(),
  issuetype: issueType,
  status: status,
  resolution: named,
  assignee: user,
  labels: z.array(z.string()).nullish(),
  components: z.array(z.object({ name: str })).nullish(),
  project: z.object({ key: str, name: str }).nullish(),
  parent: linkedIssue,
  /** Agile REST API issues carry their epic here. */
  epic: z.object({ key: str, name: str, summary: str }).nullish(),
  /** The Agile REST API's current sprint. */
  sprint: z.unknown().optional(),
  /** Cloud sends a date-time string; the v3 examples in Atlassian's spec send a number, which is ignored. */
  updated: z.unknown().optional(),
  duedate: str,
  fixVersions: z.array(version).nullish(),
  issuelinks: z.array(issueLink).nullish(),
  /** Seconds. */
  timeoriginalestimate: z.number().nullish(),
  timetracking: z.object({ originalEstimateSeconds: z.number().nullish() }).nullish(),
});
export type JiraFields = z.infer<typeof jiraFieldsSchema>;

export const jiraIssueSchema = z.object({
  key: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*-\d+$/, { message: 'an issue key looks like NET-123' }),
  fields: jiraFieldsSchema,
  changelog: z.object({ histories: z.array(history).nullish() }).nullish(),
});
export type JiraIssue = z.infer<typeof jiraIssueSchema>;

// ---- custom field values ---------------------------------------------------------------------

/** A select, user, group or Atlassian team value: the readable part of whichever shape it has. */
const optionValue = z.union([
  z.string(),
  z.object({ value: z.string() }),
  z.object({ name: z.string() }),
  z.object({ title: z.string() }),
  z.object({ displayName: z.string() }),
]);
export const teamFieldSchema = z.union([optionValue, z.array(optionValue)]).nullish();

/** A number field; Data Center sometimes sends story points as text ("3.0"). */
export const numberFieldSchema = z.union([z.number(), z.string()]).nullish();

/** Cloud: sprint objects. Data Center: `com.atlassian.greenhopper.service.sprint.Sprint@…[…]` strings. */
const sprintValue = z.union([
  z.string(),
  z.object({ id: z.unknown().optional(), name: str, state: str, startDate: str, endDate: str, completeDate: str }),
]);
export const sprintFieldSchema = z.union([sprintValue, z.array(sprintValue)]).nullish();
export type SprintValue = z.infer<typeof sprintValue>;

/** The classic Epic Link field holds the epic's key. */
export const epicLinkFieldSchema = z.union([z.string(), z.object({ key: z.string() })]).nullish();

/** The `toString` of a changelog item (the new value, as text), when Jira sent one. */
export function changeTo(item: object): string | undefined {
  const to = Object.hasOwn(item, 'toString') ? (item as Record<string, unknown>).toString : undefined;
  return typeof to === 'string' ? to : undefined;
}
