import type { CapacityResource } from '../../domain/capacity.js';
import { placeDebt } from '../../domain/debt.js';
import type { Decision } from '../../domain/decision.js';
import { crossesTeams, type Dependency } from '../../domain/dependency.js';
import type { ItemId, TeamId } from '../../domain/ids.js';
import type { Incident, Postmortem } from '../../domain/incident.js';
import type { Migration } from '../../domain/migration.js';
import type { ModelProblem } from '../../domain/problem.js';
import { type Program, programSchema } from '../../domain/program.js';
import type { Locator, ProgramModel } from '../../domain/program-model.js';
import type { ProgramService } from '../../domain/program-service.js';
import type { ProgramSlo } from '../../domain/program-slo.js';
import type { Risk } from '../../domain/risk.js';
import { closest } from '../../domain/suggest.js';
import type { Team } from '../../domain/team.js';
import type { WorkItem } from '../../domain/work-item.js';
import type { Workstream } from '../../domain/workstream.js';
import { syncActionItems } from '../../engine/incidents/action-item-sync.js';
import { validateModel } from '../../engine/validate-model.js';
import { compileEntryCheck, type EntryCheck } from './compiled-entry-check.js';
import {
  type DependencyRef,
  FORMAT_VERSION,
  type itemEntrySchema,
  type milestoneEntrySchema,
  SECTIONS,
  type Section,
  sectionSchemas,
} from './document-schema.js';
import { allowedKeys } from './schema-keys.js';
import { type DescribedIssue, describeIssues } from './zod-issues.js';

type Path = readonly PropertyKey[];

/**
 * The sections checked by the compiled accelerator first: the big ones, whose schemas have no
 * refinement JSON Schema cannot carry (see compiled-entry-check.test.ts). Below this many entries
 * compiling it (a few ms) costs more than it saves.
 */
const ACCELERATED: ReadonlySet<Section> = new Set(['items', 'milestones']);
const COMPILED_CHECK_FROM = 500;
const compiledChecks = new Map<Section, EntryCheck>();
function compiledCheck(section: Section): EntryCheck {
  let check = compiledChecks.get(section);
  if (!check) {
    check = compileEntryCheck(sectionSchemas[section]);
    compiledChecks.set(section, check);
  }
  return check;
}

/**
 * Turns the plain data of a program file into a model, collecting every problem with the path
 * (into the file's data) where it is. Positions are found later, and only when there are problems.
 * One bad entry is dropped and reported; the rest are still checked.
 */
export function interpretProgram(
  raw: unknown,
): { model: ProgramModel; issues: DescribedIssue[] } | { model?: undefined; issues: DescribedIssue[] } {
  const issues: DescribedIssue[] = [];
  const report = (found: readonly DescribedIssue[]) => {
    issues.push(...found);
  };

  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      issues: [
        {
          code: 'schema',
          path: [],
          message:
            raw === null || raw === undefined
              ? 'the file is empty'
              : 'a program file is a mapping with throughline, program, teams, items…',
          hint: 'run "throughline init" for a starter file',
        },
      ],
    };
  }
  const top = raw as Record<string, unknown>;
  const topKeys = ['throughline', 'program', ...SECTIONS];
  for (const key of Object.keys(top)) {
    if (topKeys.includes(key)) continue;
    const near = closest(key, topKeys);
    report([
      {
        code: 'unknown-field',
        path: [key],
        atKey: true,
        message: `unknown section "${key}"`,
        hint: near ? `did you mean "${near}"?` : `sections are: ${topKeys.join(', ')}`,
      },
    ]);
  }
  if (top.throughline !== FORMAT_VERSION) {
    report([
      {
        code: 'unsupported-version',
        path: ['throughline'],
        message:
          top.throughline === undefined
            ? 'the file does not say its format version'
            : `format version ${JSON.stringify(top.throughline)} is not supported`,
        hint: `put "throughline: ${FORMAT_VERSION}" on the first line`,
      },
    ]);
  }

  const programParsed = programSchema.safeParse(top.program);
  if (!programParsed.success) {
    // Parsed again only on failure: reporting the offending values costs time on every entry.
    const detailed = programSchema.safeParse(top.program, { reportInput: true });
    report(
      describeIssues(prefixed(detailed.error?.issues ?? programParsed.error.issues, ['program']), (p) =>
        allowedKeys(programSchema, p.slice(1)),
      ),
    );
  }

  const entries = (section: Section) => {
    const list = top[section];
    const valid: { value: unknown; index: number }[] = [];
    const invalidIds = new Set<string>();
    if (list === undefined || list === null) return { valid, invalidIds };
    if (!Array.isArray(list)) {
      report([{ code: 'schema', path: [section], message: `${section} should be a list of entries, each starting with "- "` }]);
      return { valid, invalidIds };
    }
    const schema = sectionSchemas[section];
    const accepts = ACCELERATED.has(section) && list.length >= COMPILED_CHECK_FROM ? compiledCheck(section) : undefined;
    list.forEach((entry, index) => {
      if (accepts?.(entry)) {
        valid.push({ value: entry, index });
        return;
      }
      const parsed = schema.safeParse(entry);
      if (parsed.success) valid.push({ value: parsed.data, index });
      else {
        const id = (entry as { id?: unknown } | null)?.id;
        if (typeof id === 'string') invalidIds.add(id);
        const issues = schema.safeParse(entry, { reportInput: true }).error?.issues ?? parsed.error.issues;
        report(describeIssues(prefixed(issues, [section, index]), (p) => allowedKeys(schema, p.slice(2))));
      }
    });
    return { valid, invalidIds };
  };

  const teams = entries('teams');
  const workstreams = entries('workstreams');
  const items = entries('items');
  const milestones = entries('milestones');
  const risks = entries('risks');
  const decisions = entries('decisions');
  const services = entries('services');
  const slos = entries('slos');
  const incidents = entries('incidents');
  const postmortems = entries('postmortems');
  const capacity = entries('capacity');
  const migrations = entries('migrations');

  type ItemEntry = ReturnType<typeof itemEntrySchema.parse>;
  type MilestoneEntry = ReturnType<typeof milestoneEntrySchema.parse>;
  // Where item v was written: items[v] for the first items.valid.length, milestones[...] after.
  const itemPlace = new Int32Array(items.valid.length + milestones.valid.length);
  const itemPath = (v: number): Path => {
    const inItems = v < items.valid.length;
    return v < itemPlace.length ? [inItems ? 'items' : 'milestones', itemPlace[v] as number] : [];
  };
  const itemEntries: { item: WorkItem; dependsOn: readonly DependencyRef[] }[] = [];
  for (const { value, index } of items.valid) {
    const { dependsOn, ...item } = value as ItemEntry;
    itemPlace[itemEntries.length] = index;
    itemEntries.push({ item, dependsOn });
  }
  for (const { value, index } of milestones.valid) {
    const { dependsOn, ...rest } = value as MilestoneEntry;
    itemPlace[itemEntries.length] = index;
    itemEntries.push({ item: { ...rest, kind: 'milestone' }, dependsOn });
  }
  const teamOf = new Map<string, TeamId | undefined>(itemEntries.map((e) => [e.item.id, e.item.team]));

  const dependencies: Dependency[] = [];
  // Where each dependency was written: its item (see itemPath) and its place in dependsOn.
  const dependencyItem: number[] = [];
  const dependencyPlace: number[] = [];
  const dependencyObjectForm: boolean[] = [];
  itemEntries.forEach(({ item, dependsOn }, i) => {
    dependsOn.forEach((ref, k) => {
      const from = (typeof ref === 'string' ? ref : ref.item) as ItemId;
      // An unstated cross-team dependency has not been agreed yet; within a team there is nothing to agree.
      const unstated = crossesTeams(teamOf.get(from), item.team) ? 'requested' : 'accepted';
      if (typeof ref === 'string') dependencies.push({ from, to: item.id, type: 'FS', lag: 0, state: unstated });
      else {
        const { type = 'FS', lag = 0, state = unstated, note } = ref;
        dependencies.push(note === undefined ? { from, to: item.id, type, lag, state } : { from, to: item.id, type, lag, state, note });
      }
      dependencyItem.push(i);
      dependencyPlace.push(k);
      dependencyObjectForm.push(typeof ref !== 'string');
    });
  });

  const model: ProgramModel = {
    program: programParsed.success ? programParsed.data : PLACEHOLDER_PROGRAM,
    teams: teams.valid.map((e) => e.value as Team),
    workstreams: workstreams.valid.map((e) => e.value as Workstream),
    items: placeDebt(itemEntries.map((e) => e.item)),
    dependencies,
    risks: risks.valid.map((e) => e.value as Risk),
    decisions: decisions.valid.map((e) => e.value as Decision),
    services: services.valid.map((e) => e.value as ProgramService),
    slos: slos.valid.map((e) => e.value as ProgramSlo),
    incidents: incidents.valid.map((e) => e.value as Incident),
    postmortems: postmortems.valid.map((e) => e.value as Postmortem),
    capacity: capacity.valid.map((e) => e.value as CapacityResource),
    migrations: migrations.valid.map((e) => e.value as Migration),
  };

  // References to entries that failed their own checks are already explained by those failures.
  const alreadyReported = new Set([
    ...teams.invalidIds,
    ...workstreams.invalidIds,
    ...items.invalidIds,
    ...milestones.invalidIds,
    ...services.invalidIds,
    ...incidents.invalidIds,
  ]);
  const pathOf = (loc: Locator): Path => {
    const field = loc.field ?? [];
    switch (loc.entity) {
      case 'program':
        return ['program', ...field];
      case 'item':
        return [...itemPath(loc.index), ...field];
      case 'dependency': {
        const item = dependencyItem[loc.index];
        if (item === undefined) return [];
        const path = [...itemPath(item), 'dependsOn', dependencyPlace[loc.index] as number];
        const [head] = field;
        if (!dependencyObjectForm[loc.index]) return path;
        return [...path, head === 'from' ? 'item' : (head ?? 'item')];
      }
      default: {
        const lists = {
          team: teams,
          workstream: workstreams,
          risk: risks,
          decision: decisions,
          service: services,
          slo: slos,
          incident: incidents,
          postmortem: postmortems,
          capacity,
          migration: migrations,
        } as const;
        const original = lists[loc.entity].valid[loc.index]?.index ?? 0;
        return [loc.entity === 'capacity' ? 'capacity' : `${loc.entity}s`, original, ...field];
      }
    }
  };
  for (const problem of validateModel(model)) {
    if (isExplained(problem, alreadyReported, programParsed.success)) continue;
    report([{ code: problem.code, path: pathOf(problem.at), message: problem.message, ...(problem.hint ? { hint: problem.hint } : {}) }]);
  }
  // Action items become tracked work items once the post-mortems are known to be valid.
  return issues.length > 0 ? { issues } : { model: syncActionItems(model, 'items'), issues };
}

/** Stands in for an invalid program section so the other sections can still be checked; never returned. */
const PLACEHOLDER_PROGRAM = { id: 'invalid', name: 'invalid', start: '0000-01-01', target: '9999-12-31' } as unknown as Program;

function isExplained(problem: ModelProblem, reported: ReadonlySet<string>, programValid: boolean): boolean {
  if (!programValid && problem.at.entity === 'program') return true;
  return problem.ref !== undefined && reported.has(problem.ref);
}

function prefixed<T extends { path: PropertyKey[] }>(issues: readonly T[], prefix: PropertyKey[]): T[] {
  return issues.map((i) => ({ ...i, path: [...prefix, ...i.path] }));
}
