import { z } from 'zod';
import { LINK_TYPES } from './dependency.js';
import { teamIdSchema } from './ids.js';
import { ITEM_STATES } from './work-item.js';

/**
 * How a program connects to Jira, GitHub, Confluence and Slack (issue 8): one document, written
 * once by the TPM (`integrations.yaml` for the CLI, the integrations screen for the server).
 *
 * Secrets are never in this document: it names the environment variable that holds each one
 * (`tokenEnv`), and the server may keep a secret beside it that it never gives back.
 */

const envName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { message: 'an environment variable name, e.g. JIRA_API_TOKEN' });
const positive = z.number().positive({ message: 'a number greater than 0' });
const itemState = z.enum(ITEM_STATES, { message: `a state is one of ${ITEM_STATES.join(', ')}` });

// ---- Jira ----------------------------------------------------------------------------------

export const jiraAuthSchema = z.discriminatedUnion(
  'kind',
  [
    /** Jira Cloud: account e-mail + API token (HTTP basic). */
    z.strictObject({ kind: z.literal('basic'), email: z.string().min(1), tokenEnv: envName.default('JIRA_API_TOKEN') }),
    /** Jira Data Center personal access token, or an OAuth bearer token. */
    z.strictObject({ kind: z.literal('bearer'), tokenEnv: envName.default('JIRA_PAT') }),
  ],
  { message: 'auth is { kind: basic, email, tokenEnv } (API token) or { kind: bearer, tokenEnv } (personal access token)' },
);
export type JiraAuth = z.infer<typeof jiraAuthSchema>;

export const jiraSelectionSchema = z.union(
  [
    z.strictObject({ jql: z.string().min(1) }),
    /** An Agile board's issues; `jql` narrows them. */
    z.strictObject({ board: z.number().int().positive(), jql: z.string().optional() }),
    /** These epics and every issue in them. */
    z.strictObject({ epics: z.array(z.string().regex(/^[A-Z][A-Z0-9_]+-\d+$/, { message: 'an epic key looks like NET-12' })).min(1) }),
  ],
  { message: 'select is { jql: "project = NET" }, { board: 84 } or { epics: [NET-1, NET-2] }' },
);
export type JiraSelection = z.infer<typeof jiraSelectionSchema>;

/** Where the team of an issue comes from. */
export const TEAM_SOURCES = ['field', 'component', 'project', 'label'] as const;

export const jiraMappingSchema = z.strictObject({
  /** Epics become workstreams (the epic's issues are in it) or parent items of kind epic. */
  epics: z.enum(['workstreams', 'parents'], { message: 'epics is workstreams or parents' }).default('workstreams'),
  /** The classic "Epic Link" custom field, for sites that still have it; the `parent` field is always read. */
  epicLinkField: z.string().optional(),
  /**
   * Issue link type name → dependency type, or `ignore`. The outward issue of a link ("A blocks B")
   * is the predecessor. Link types not named here are ignored.
   */
  links: z.record(z.string(), z.enum([...LINK_TYPES, 'ignore'])).default({ Blocks: 'FS' }),
  team: z
    .strictObject({
      from: z.enum(TEAM_SOURCES, { message: `team.from is one of ${TEAM_SOURCES.join(', ')}` }),
      /** With `from: field`: the field id, e.g. customfield_10001 (Atlassian team) or a select field. */
      field: z.string().optional(),
      /** With `from: label`: only labels with this prefix name a team (`team-payments` → payments). */
      prefix: z.string().optional(),
      /** Tracker value → team id; values not listed become a team whose id is the value in kebab case. */
      values: z.record(z.string(), teamIdSchema).default({}),
    })
    .optional(),
  estimate: z
    .strictObject({
      from: z.enum(['story-points', 'original-estimate', 'field'], {
        message: 'estimate.from is story-points, original-estimate or field',
      }),
      /** The story points field (Cloud: customfield_10016 "Story point estimate"), or any number field. */
      field: z.string().optional(),
      /** Working days per story point, by team id; `default` for the rest. */
      pointsToDays: z.record(z.string(), positive).default({ default: 1 }),
      /** For original estimates, which Jira keeps in seconds. */
      hoursPerDay: positive.default(8),
    })
    .optional(),
  states: z
    .strictObject({
      /** Status category key (new, indeterminate, done) → state. */
      categories: z.record(z.string(), itemState).default({ new: 'not-started', indeterminate: 'in-progress', done: 'done' }),
      /** Status name → state, over the category (e.g. "Blocked": blocked, "Won't Do": cancelled). */
      names: z.record(z.string(), itemState).default({}),
    })
    .prefault({}),
  /** The sprint field (Cloud: customfield_10020): work in an active or future sprint may not start before the sprint. */
  sprintField: z.string().default('customfield_10020'),
  /** Fix versions become milestones (target = release date) that their issues finish before. */
  fixVersions: z.enum(['milestones', 'ignore']).default('milestones'),
  /** Read each issue's changelog into the item's history. */
  changelog: z.boolean().default(true),
});
export type JiraMapping = z.infer<typeof jiraMappingSchema>;

export const jiraIntegrationSchema = z.strictObject({
  /** https://your-site.atlassian.net, or a Data Center base URL. */
  site: z.url({ message: 'site is the Jira base URL, e.g. https://acme.atlassian.net' }),
  /** cloud: REST v3, search by nextPageToken; data-center: REST v2, search by startAt. */
  api: z.enum(['cloud', 'data-center']).default('cloud'),
  auth: jiraAuthSchema,
  select: jiraSelectionSchema,
  mapping: jiraMappingSchema.prefault({}),
});
export type JiraIntegration = z.infer<typeof jiraIntegrationSchema>;

// ---- GitHub --------------------------------------------------------------------------------

const repoName = z.string().regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, { message: 'a repository is owner/name, e.g. octo/api' });

export const githubSelectionSchema = z.union(
  [
    z.strictObject({ repos: z.array(repoName).min(1) }),
    /** A Projects (v2) board of a user or an organization, by its number in the URL. */
    z.strictObject({ project: z.strictObject({ owner: z.string().min(1), number: z.number().int().positive() }) }),
  ],
  { message: 'select is { repos: [octo/api] } or { project: { owner: octo, number: 5 } }' },
);
export type GithubSelection = z.infer<typeof githubSelectionSchema>;

export const githubMappingSchema = z.strictObject({
  team: z
    .strictObject({
      /** label: a label with `prefix`; field: a Projects (v2) field by name; repo: the repository name. */
      from: z.enum(['label', 'field', 'repo'], { message: 'team.from is label, field or repo' }),
      prefix: z.string().default('team:'),
      field: z.string().optional(),
      values: z.record(z.string(), teamIdSchema).default({}),
    })
    .optional(),
  estimate: z
    .strictObject({
      /** field: a number field of the project (e.g. "Estimate"); label: `prefix` + number (estimate:3). */
      from: z.enum(['field', 'label'], { message: 'estimate.from is field or label' }),
      field: z.string().optional(),
      prefix: z.string().default('estimate:'),
      pointsToDays: z.record(z.string(), positive).default({ default: 1 }),
    })
    .optional(),
  /** GitHub milestones become milestone items (target = due date). */
  milestones: z.enum(['milestones', 'ignore']).default('milestones'),
  /** A project's single-select status field: option name → state; open/closed decide otherwise. */
  statusField: z.string().default('Status'),
  states: z.record(z.string(), itemState).default({}),
});
export type GithubMapping = z.infer<typeof githubMappingSchema>;

export const githubIntegrationSchema = z.strictObject({
  /** The GraphQL endpoint's base: https://api.github.com, or https://ghe.example.com/api. */
  api: z.url().default('https://api.github.com'),
  tokenEnv: envName.default('GITHUB_TOKEN'),
  select: githubSelectionSchema,
  mapping: githubMappingSchema.prefault({}),
});
export type GithubIntegration = z.infer<typeof githubIntegrationSchema>;

// ---- Publishing ----------------------------------------------------------------------------

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** When the server publishes by itself, in the program's time zone unless one is given. */
export const publishScheduleSchema = z.strictObject({
  /** A weekday, or `weekdays` for Monday to Friday, or `day` for every day. */
  every: z.enum([...WEEKDAYS, 'weekdays', 'day'], { message: `every is a weekday (${WEEKDAYS.join(', ')}), weekdays or day` }),
  at: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'at is a 24-hour time, e.g. 15:00' }),
  timeZone: z.string().optional(),
});
export type PublishSchedule = z.infer<typeof publishScheduleSchema>;

export const confluenceIntegrationSchema = z.strictObject({
  /** https://your-site.atlassian.net (Confluence Cloud lives under /wiki). */
  site: z.url({ message: 'site is the Atlassian base URL, e.g. https://acme.atlassian.net' }),
  email: z.string().min(1),
  tokenEnv: envName.default('CONFLUENCE_API_TOKEN'),
  /** The space key, e.g. PROG. */
  space: z.string().min(1),
  /** The page title; it is found by title in the space, and created when missing. */
  title: z.string().min(1),
  /** The parent page id for a new page. */
  parent: z.string().optional(),
  schedule: publishScheduleSchema.optional(),
});
export type ConfluenceIntegration = z.infer<typeof confluenceIntegrationSchema>;

export const slackIntegrationSchema = z.strictObject({
  /** The incoming webhook URL is a secret: it is read from this environment variable. */
  webhookEnv: envName.default('SLACK_WEBHOOK_URL'),
  schedule: publishScheduleSchema.optional(),
});
export type SlackIntegration = z.infer<typeof slackIntegrationSchema>;

export const INTEGRATION_KINDS = ['jira', 'github', 'confluence', 'slack'] as const;
export type IntegrationKind = (typeof INTEGRATION_KINDS)[number];

/** The whole `integrations.yaml`: any of the four. */
export const integrationsSchema = z.strictObject({
  jira: jiraIntegrationSchema.optional(),
  github: githubIntegrationSchema.optional(),
  confluence: confluenceIntegrationSchema.optional(),
  slack: slackIntegrationSchema.optional(),
});
export type Integrations = z.infer<typeof integrationsSchema>;
