import { z } from 'zod';

/**
 * The GraphQL nodes the GitHub source asks for (src/app/integrations/github/github-queries.ts), as
 * GitHub answers them: https://docs.github.com/en/graphql/reference/objects#issue,
 * #projectv2item, #milestone and the ProjectV2ItemField*Value objects. Unknown fields are ignored;
 * GitHub answers `null` for an absent value.
 */

const nodes = <T extends z.ZodType>(node: T) => z.object({ nodes: z.array(node.nullable()).default([]) });

export const repositoryRefSchema = z.object({ nameWithOwner: z.string().regex(/^[^/\s]+\/[^/\s]+$/) });

/** An issue named from another (parent, blockedBy, blocking): enough to find its item id. */
export const issueRefSchema = z.object({ number: z.number().int().positive(), repository: repositoryRefSchema });
export type GithubIssueRef = z.infer<typeof issueRefSchema>;

export const milestoneSchema = z.object({
  number: z.number().int().positive(),
  title: z.string(),
  /** DateTime, e.g. 2027-03-31T07:00:00Z (GitHub keeps a due day as a time in the owner's zone). */
  dueOn: z.string().nullish(),
  state: z.enum(['OPEN', 'CLOSED']),
  url: z.string().nullish(),
  updatedAt: z.string().nullish(),
});
export type GithubMilestone = z.infer<typeof milestoneSchema>;

/**
 * One event of an issue's timeline (ClosedEvent, ReopenedEvent, RenamedTitleEvent, Labeled/
 * UnlabeledEvent, Assigned/UnassignedEvent, Milestoned/DemilestonedEvent), told apart by `__typename`.
 */
export const timelineEventSchema = z.object({
  __typename: z.string().optional(),
  id: z.string().optional(),
  createdAt: z.string().optional(),
  /** null for a deleted account ("ghost"). */
  actor: z.object({ login: z.string() }).nullish(),
  stateReason: z.string().nullish(),
  previousTitle: z.string().nullish(),
  currentTitle: z.string().nullish(),
  label: z.object({ name: z.string() }).nullish(),
  assignee: z.object({ login: z.string().optional() }).nullish(),
  milestoneTitle: z.string().nullish(),
});
export type GithubTimelineEvent = z.infer<typeof timelineEventSchema>;

export const issueSchema = z.object({
  number: z.number().int().positive(),
  title: z.string(),
  body: z.string().nullish(),
  url: z.string().nullish(),
  state: z.enum(['OPEN', 'CLOSED']),
  /** COMPLETED, NOT_PLANNED, DUPLICATE (asked with enableDuplicate: true), REOPENED, or null. */
  stateReason: z.string().nullish(),
  updatedAt: z.string().nullish(),
  repository: repositoryRefSchema,
  assignees: nodes(z.object({ login: z.string() })).nullish(),
  labels: nodes(z.object({ name: z.string() })).nullish(),
  milestone: milestoneSchema.nullish(),
  parent: issueRefSchema.nullish(),
  subIssuesSummary: z.object({ total: z.number().int().nonnegative() }).nullish(),
  blockedBy: nodes(issueRefSchema).nullish(),
  blocking: nodes(issueRefSchema).nullish(),
  timelineItems: nodes(timelineEventSchema).nullish(),
});
export type GithubIssue = z.infer<typeof issueSchema>;

/** The project field a value belongs to (`field { ... on ProjectV2FieldCommon { name } }`). */
const fieldRefSchema = z.object({ name: z.string().optional() }).nullish();

/**
 * One of the ProjectV2ItemField*Value objects, told apart by `__typename`: SingleSelectValue
 * (name, optionId), TextValue (text), NumberValue (number), DateValue (date), IterationValue
 * (title, startDate, duration in days); Label/User/Milestone/Repository values are read from the
 * issue itself.
 */
export const fieldValueSchema = z.object({
  __typename: z.string().optional(),
  name: z.string().nullish(),
  text: z.string().nullish(),
  number: z.number().nullish(),
  date: z.string().nullish(),
  title: z.string().nullish(),
  startDate: z.string().nullish(),
  duration: z.number().nullish(),
  field: fieldRefSchema,
});
export type GithubFieldValue = z.infer<typeof fieldValueSchema>;

export const draftIssueSchema = z.object({
  __typename: z.literal('DraftIssue'),
  title: z.string(),
  body: z.string().nullish(),
  updatedAt: z.string().nullish(),
  assignees: nodes(z.object({ login: z.string() })).nullish(),
});

export const projectItemSchema = z.object({
  id: z.string(),
  databaseId: z.number().int().nullish(),
  /** ISSUE, DRAFT_ISSUE, PULL_REQUEST or REDACTED (an item the token may not see). */
  type: z.string(),
  isArchived: z.boolean().nullish(),
  updatedAt: z.string().nullish(),
  /** An Issue, a DraftIssue, a PullRequest, or null when redacted. */
  content: z.unknown(),
  fieldValues: nodes(fieldValueSchema).nullish(),
});
export type GithubProjectItem = z.infer<typeof projectItemSchema>;

/** A repository milestone with the numbers of its issues, so a sync can own all of its links. */
export const repositoryMilestoneSchema = milestoneSchema.extend({
  issues: z
    .object({ totalCount: z.number().int().optional(), nodes: z.array(z.object({ number: z.number().int() }).nullable()) })
    .nullish(),
});
export type GithubRepositoryMilestone = z.infer<typeof repositoryMilestoneSchema>;
