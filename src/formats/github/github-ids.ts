import type { ItemId } from '../../domain/ids.js';

/** Longest readable id (src/domain/ids.ts READABLE_ID). */
const MAX_ID = 64;

/**
 * Item ids of GitHub issues: `<repo>-<number>` (`api-12`), or `<owner>.<repo>-<number>` when two
 * selected repositories of different owners share a name (`octo.api-12`, `acme.api-7`). The set of
 * selected repositories decides, so the id of an issue is the same on every sync of the selection.
 */
export class GithubIds {
  private readonly ambiguous: ReadonlySet<string>;

  /** `repos`: every repository of the selection, as owner/name. */
  constructor(repos: Iterable<string>) {
    const owners = new Map<string, Set<string>>();
    for (const full of repos) {
      const [owner, name] = split(full);
      const key = name.toLowerCase();
      const set = owners.get(key) ?? new Set<string>();
      set.add(owner.toLowerCase());
      owners.set(key, set);
    }
    this.ambiguous = new Set([...owners].filter(([, set]) => set.size > 1).map(([name]) => name));
  }

  issue(nameWithOwner: string, number: number): ItemId {
    const [owner, name] = split(nameWithOwner);
    const repo = this.ambiguous.has(name.toLowerCase()) ? `${owner}.${name}` : name;
    return withSuffix(repo, `-${number}`);
  }

  /** The milestone `number` of a repository: `<repo>-m-<number>`. */
  milestone(nameWithOwner: string, number: number): ItemId {
    const [owner, name] = split(nameWithOwner);
    const repo = this.ambiguous.has(name.toLowerCase()) ? `${owner}.${name}` : name;
    return withSuffix(repo, `-m-${number}`);
  }
}

/** The `owner/repo#12` key people use in GitHub itself. */
export function issueKey(nameWithOwner: string, number: number): string {
  return `${nameWithOwner}#${number}`;
}

/** A Projects draft issue: `draft-<database id>`, stable for the life of the project item. */
export function draftId(databaseId: number | null | undefined, nodeId: string): ItemId {
  return `draft-${databaseId ?? stableNumber(nodeId)}` as ItemId;
}

function split(nameWithOwner: string): [string, string] {
  const at = nameWithOwner.indexOf('/');
  return at < 0 ? ['', nameWithOwner] : [nameWithOwner.slice(0, at), nameWithOwner.slice(at + 1)];
}

/**
 * Repository names may start with `.` or `_` (`.github`), which an id may not: those leading
 * characters are dropped. A long name is cut so the number always fits in 64 characters.
 */
function withSuffix(repo: string, suffix: string): ItemId {
  const clean = repo.replace(/^[^A-Za-z0-9]+/, '').replace(/[^A-Za-z0-9._-]/g, '-') || 'repo';
  return `${clean.slice(0, MAX_ID - suffix.length)}${suffix}` as ItemId;
}

/** FNV-1a of a node id, for the rare project item without a database id. */
function stableNumber(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
