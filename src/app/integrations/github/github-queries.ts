/**
 * The GraphQL operations the GitHub source sends (https://docs.github.com/en/graphql). Each is
 * named: GitHub logs the operation name, and the test replay server answers by it. Pages are of
 * 100, GitHub's largest; nested lists are capped at what a planning item needs.
 */

/**
 * The changes of an issue a TPM follows, from its timeline (the last 50 per fetch: an incremental
 * sync sees every issue again after it changes). https://docs.github.com/en/graphql/reference/enums#issuetimelineitemsitemtype
 */
const TIMELINE_TYPES = [
  'CLOSED_EVENT',
  'REOPENED_EVENT',
  'RENAMED_TITLE_EVENT',
  'LABELED_EVENT',
  'UNLABELED_EVENT',
  'ASSIGNED_EVENT',
  'UNASSIGNED_EVENT',
  'MILESTONED_EVENT',
  'DEMILESTONED_EVENT',
].join(', ');

const ISSUE_FIELDS = `
fragment IssueFields on Issue {
  number
  title
  body
  url
  state
  stateReason(enableDuplicate: true)
  updatedAt
  repository { nameWithOwner }
  assignees(first: 10) { nodes { login } }
  labels(first: 50) { nodes { name } }
  milestone { number title dueOn state url updatedAt }
  parent { number repository { nameWithOwner } }
  subIssuesSummary { total }
  blockedBy(first: 50) { nodes { number repository { nameWithOwner } } }
  blocking(first: 50) { nodes { number repository { nameWithOwner } } }
  timelineItems(last: 50, itemTypes: [${TIMELINE_TYPES}]) {
    nodes {
      __typename
      ... on ClosedEvent { id createdAt actor { login } stateReason }
      ... on ReopenedEvent { id createdAt actor { login } }
      ... on RenamedTitleEvent { id createdAt actor { login } previousTitle currentTitle }
      ... on LabeledEvent { id createdAt actor { login } label { name } }
      ... on UnlabeledEvent { id createdAt actor { login } label { name } }
      ... on AssignedEvent { id createdAt actor { login } assignee { ... on User { login } ... on Bot { login } } }
      ... on UnassignedEvent { id createdAt actor { login } assignee { ... on User { login } ... on Bot { login } } }
      ... on MilestonedEvent { id createdAt actor { login } milestoneTitle }
      ... on DemilestonedEvent { id createdAt actor { login } milestoneTitle }
    }
  }
}`;

/**
 * Issue fields newer than some GitHub Enterprise Server versions (sub-issues, issue dependencies).
 * A server that lacks one answers "Field 'blockedBy' doesn't exist on type 'Issue'"; the source then
 * asks again without it, and the import goes on without those links.
 */
export const OPTIONAL_ISSUE_FIELDS = ['parent', 'subIssuesSummary', 'blockedBy', 'blocking'] as const;

/** `query` without the IssueFields lines of `omit` (each is one line of the fragment). */
export function withoutIssueFields(query: string, omit: ReadonlySet<string>): string {
  if (omit.size === 0) return query;
  return query
    .split('\n')
    .filter((line) => {
      const field = /^ {2}([A-Za-z]+)[ (]/.exec(line)?.[1];
      return field === undefined || !omit.has(field);
    })
    .join('\n');
}

const FIELD_NAME = 'field { ... on ProjectV2FieldCommon { name } }';

const ITEM_FIELDS = `
fragment ItemFields on ProjectV2Item {
  id
  databaseId
  type
  isArchived
  updatedAt
  content {
    __typename
    ... on Issue { ...IssueFields }
    ... on DraftIssue { title body updatedAt assignees(first: 10) { nodes { login } } }
  }
  fieldValues(first: 20) {
    nodes {
      __typename
      ... on ProjectV2ItemFieldSingleSelectValue { name optionId ${FIELD_NAME} }
      ... on ProjectV2ItemFieldTextValue { text ${FIELD_NAME} }
      ... on ProjectV2ItemFieldNumberValue { number ${FIELD_NAME} }
      ... on ProjectV2ItemFieldDateValue { date ${FIELD_NAME} }
      ... on ProjectV2ItemFieldIterationValue { title startDate duration iterationId ${FIELD_NAME} }
      ... on ProjectV2ItemFieldLabelValue { labels(first: 20) { nodes { name } } ${FIELD_NAME} }
      ... on ProjectV2ItemFieldMilestoneValue { milestone { title } ${FIELD_NAME} }
      ... on ProjectV2ItemFieldRepositoryValue { repository { nameWithOwner } ${FIELD_NAME} }
      ... on ProjectV2ItemFieldUserValue { users(first: 10) { nodes { login } } ${FIELD_NAME} }
    }
  }
}`;

const RATE = 'rateLimit { limit cost remaining resetAt }';

export const VIEWER = `query GithubViewer {
  viewer { login }
  ${RATE}
}`;

/** How many issues a repository has (updated since `since`), and its exact owner/name. */
export const REPO_COUNT = `query GithubRepoCount($owner: String!, $name: String!, $since: DateTime) {
  repository(owner: $owner, name: $name) {
    nameWithOwner
    issues(filterBy: { since: $since, states: [OPEN, CLOSED] }) { totalCount }
  }
  ${RATE}
}`;

export const REPO_ISSUES = `query GithubRepoIssues($owner: String!, $name: String!, $since: DateTime, $after: String) {
  repository(owner: $owner, name: $name) {
    issues(first: 100, after: $after, filterBy: { since: $since, states: [OPEN, CLOSED] }, orderBy: { field: UPDATED_AT, direction: ASC }) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { ...IssueFields }
    }
  }
  ${RATE}
}
${ISSUE_FIELDS}`;

/** One issue: the parent of a fetched sub-issue that did not change itself, so it is an epic in the batch. */
export const ISSUE = `query GithubIssue($owner: String!, $name: String!, $number: Int!) {
  repository(owner: $owner, name: $name) {
    issue(number: $number) { ...IssueFields }
  }
  ${RATE}
}
${ISSUE_FIELDS}`;

/** Issue numbers only: the light listing that finds the issues gone from a repository. */
export const REPO_ISSUE_KEYS = `query GithubRepoIssueKeys($owner: String!, $name: String!, $after: String) {
  repository(owner: $owner, name: $name) {
    nameWithOwner
    issues(first: 100, after: $after, states: [OPEN, CLOSED]) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { number }
    }
  }
  ${RATE}
}`;

export const REPO_MILESTONES = `query GithubRepoMilestones($owner: String!, $name: String!, $after: String) {
  repository(owner: $owner, name: $name) {
    milestones(first: 100, after: $after, states: [OPEN, CLOSED]) {
      pageInfo { hasNextPage endCursor }
      nodes {
        number title dueOn state url updatedAt
        issues(first: 100, states: [OPEN, CLOSED]) { totalCount nodes { number } }
      }
    }
  }
  ${RATE}
}`;

/** The rest of a milestone's issues, past the first 100 REPO_MILESTONES brings. */
export const MILESTONE_ISSUES = `query GithubMilestoneIssues($owner: String!, $name: String!, $number: Int!, $after: String) {
  repository(owner: $owner, name: $name) {
    milestone(number: $number) {
      issues(first: 100, after: $after, states: [OPEN, CLOSED]) {
        pageInfo { hasNextPage endCursor }
        nodes { number }
      }
    }
  }
  ${RATE}
}`;

/** A board's items; `owner` is an organization or a user, tried in that order. */
export function projectItemsQuery(owner: 'organization' | 'user'): { operationName: string; query: string } {
  const operationName = owner === 'organization' ? 'GithubOrgProjectItems' : 'GithubUserProjectItems';
  return {
    operationName,
    query: `query ${operationName}($login: String!, $number: Int!, $after: String) {
  ${owner}(login: $login) {
    projectV2(number: $number) {
      title
      url
      items(first: 100, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes { ...ItemFields }
      }
    }
  }
  ${RATE}
}
${ITEM_FIELDS}
${ISSUE_FIELDS}`,
  };
}
