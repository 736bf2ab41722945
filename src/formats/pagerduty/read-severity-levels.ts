import { DEFAULT_SEVERITY_DEFINITIONS, SEVERITIES, type Severity, type SeverityDefinition } from '../../domain/incident.js';
import { err, ok, type Result } from '../../domain/result.js';
import type { SourceProblem } from '../source-problem.js';

/** One row of PagerDuty's severity table (docs/before/severity_levels.md). */
export interface PagerDutySeverity {
  /** 1 for SEV-1: lower is more urgent. */
  readonly level: number;
  readonly label: string;
  /** The one-line definition (`<p class="intent">`). */
  readonly intent: string;
  /** Situations that fall under it. */
  readonly examples: readonly string[];
  /** The typical response's headline (`<p class="response">`) and its steps. */
  readonly response: string;
  readonly responseSteps: readonly string[];
  /** 1-based line of the row's severity cell. */
  readonly line: number;
}

const ROW = /<td class="sev-(\d+)">\s*SEV-(\d+)\s*<\/td>/;
const INTENT = /<p class="intent">(.*?)<\/p>/;
const RESPONSE = /<p class="response">(.*?)<\/p>/;
const ITEM = /<li>(.*?)<\/li>/;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };
/** Inline markup (`<code>`, `<a>`) dropped, entities decoded, spaces collapsed. */
const plain = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => ENTITIES[e] ?? '')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Reads the HTML severity table PagerDuty's Markdown page embeds. Line-based: each row starts at
 * its `sev-N` cell; the intent and its list come before the response and its list.
 */
export function readPagerDutySeverityLevels(text: string, file: string): Result<PagerDutySeverity[], SourceProblem[]> {
  const lines = text.split(/\r?\n/);
  const rows: PagerDutySeverity[] = [];
  const problems: SourceProblem[] = [];
  type Draft = { level: number; label: string; line: number; intent?: string; response?: string; examples: string[]; steps: string[] };
  let row: Draft | undefined;
  const close = () => {
    if (row === undefined) return;
    if (row.intent === undefined || row.response === undefined) {
      problems.push({
        code: 'schema',
        message: `${row.label} has no ${row.intent === undefined ? 'definition (<p class="intent">)' : 'typical response (<p class="response">)'}`,
        hint: 'each severity row has a description cell with <p class="intent"> and a response cell with <p class="response">',
        file,
        line: row.line,
        column: 1,
        excerpt: lines[row.line - 1] ?? '',
      });
    } else {
      rows.push({
        level: row.level,
        label: row.label,
        intent: row.intent,
        examples: row.examples,
        response: row.response,
        responseSteps: row.steps,
        line: row.line,
      });
    }
    row = undefined;
  };
  for (const [i, source] of lines.entries()) {
    const start = ROW.exec(source);
    if (start) {
      close();
      row = { level: Number(start[2]), label: `SEV-${start[2]}`, line: i + 1, examples: [], steps: [] };
      continue;
    }
    if (row === undefined) continue;
    if (/<\/tr>/.test(source)) {
      close();
      continue;
    }
    const intent = INTENT.exec(source);
    const response = RESPONSE.exec(source);
    const item = ITEM.exec(source);
    if (intent?.[1] !== undefined) row.intent = plain(intent[1]);
    else if (response?.[1] !== undefined) row.response = plain(response[1]);
    else if (item?.[1] !== undefined) (row.response === undefined ? row.examples : row.steps).push(plain(item[1]));
  }
  close();
  for (const [i, r] of rows.entries()) {
    if (r.level !== i + 1) {
      problems.push({
        code: 'schema',
        message: `expected SEV-${i + 1} here, found ${r.label}`,
        hint: 'list the severities once each, from SEV-1 (most urgent) down',
        file,
        line: r.line,
        column: 1,
        excerpt: lines[r.line - 1] ?? '',
      });
    }
  }
  if (rows.length === 0 && problems.length === 0) {
    problems.push({
      code: 'schema',
      message: 'no severity table found',
      hint: 'the page holds an HTML table whose rows start with <td class="sev-1">SEV-1</td>',
      file,
      line: 1,
      column: 1,
    });
  }
  return problems.length > 0 ? err(problems) : ok(rows);
}

/**
 * PagerDuty's levels as ours: SEV-N becomes SEVN, written as its definition and examples, with our
 * default update cadence. Levels past SEV4 have no counterpart and are returned as `unmapped`.
 */
export function toSeverityDefinitions(levels: readonly PagerDutySeverity[]): {
  definitions: SeverityDefinition[];
  unmapped: string[];
} {
  const definitions: SeverityDefinition[] = [];
  const unmapped: string[] = [];
  for (const l of levels) {
    const severity = `SEV${l.level}` as Severity;
    if (!SEVERITIES.includes(severity)) {
      unmapped.push(l.label);
      continue;
    }
    const examples = l.examples.length > 0 ? ` For example: ${l.examples.join(' ')}` : '';
    definitions.push({
      severity,
      description: `${l.intent}${examples}`,
      updateCadenceMinutes: DEFAULT_SEVERITY_DEFINITIONS[severity].updateCadenceMinutes,
    });
  }
  return { definitions, unmapped };
}
