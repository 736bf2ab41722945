import jsyaml from 'js-yaml';
import { crossesTeams, type Dependency } from '../../domain/dependency.js';
import type { ProgramModel } from '../../domain/program-model.js';
import type { WorkItem } from '../../domain/work-item.js';
import { FORMAT_VERSION } from './document-schema.js';

/**
 * A model as a program file: dependencies back on their successors (`dependsOn`), milestones in
 * their own section, and fields left out where they hold the reader's default, so reading the
 * result gives the same model. `json` writes the same document as JSON (also valid YAML), which
 * large generated programs read several times faster.
 */
export function writeProgram(model: ProgramModel, format: 'yaml' | 'json' = 'yaml'): string {
  const team = new Map(model.items.map((i) => [i.id as string, i.team]));
  const incoming = new Map<string, Dependency[]>();
  for (const d of model.dependencies) incoming.set(d.to, [...(incoming.get(d.to) ?? []), d]);
  const entry = (item: WorkItem) => {
    const { kind, effort, state, tags, links, stakeholders, ...rest } = item;
    const deps = (incoming.get(item.id) ?? []).map((d) => {
      const defaultState = crossesTeams(team.get(d.from), item.team) ? 'requested' : 'accepted';
      const plain = d.type === 'FS' && d.lag === 0 && d.state === defaultState && d.note === undefined;
      return plain
        ? d.from
        : {
            item: d.from,
            ...(d.type !== 'FS' ? { type: d.type } : {}),
            ...(d.lag !== 0 ? { lag: d.lag } : {}),
            ...(d.state !== defaultState ? { state: d.state } : {}),
            ...(d.note !== undefined ? { note: d.note } : {}),
          };
    });
    return {
      ...rest,
      ...(kind !== 'task' && kind !== 'milestone' ? { kind } : {}),
      ...(effort !== 1 ? { effort } : {}),
      ...(state !== 'not-started' ? { state } : {}),
      ...(tags.length > 0 ? { tags } : {}),
      ...(links.length > 0 ? { links } : {}),
      ...(stakeholders.length > 0 ? { stakeholders } : {}),
      ...(deps.length > 0 ? { dependsOn: deps } : {}),
    };
  };
  const document = {
    throughline: FORMAT_VERSION,
    program: model.program,
    teams: model.teams.map(({ exceptions, ...t }) => (exceptions.length > 0 ? { ...t, exceptions } : t)),
    workstreams: model.workstreams,
    items: model.items.filter((i) => i.kind !== 'milestone').map(entry),
    milestones: model.items.filter((i) => i.kind === 'milestone').map(entry),
    risks: model.risks,
    decisions: model.decisions,
    // Reliability sections only when used, so a plain program's file stays as it was.
    ...(model.services.length > 0 ? { services: model.services } : {}),
    ...(model.slos.length > 0 ? { slos: model.slos } : {}),
    ...(model.incidents.length > 0 ? { incidents: model.incidents } : {}),
    ...(model.postmortems.length > 0 ? { postmortems: model.postmortems } : {}),
    ...(model.capacity.length > 0 ? { capacity: model.capacity } : {}),
    ...(model.migrations.length > 0 ? { migrations: model.migrations } : {}),
  };
  if (format === 'json') return `${JSON.stringify(document)}\n`;
  // Deeper than an item's own fields, write flow style: one line per estimate and dependency list.
  return jsyaml.dump(document, { flowLevel: 3, lineWidth: 160, noRefs: true, schema: jsyaml.CORE_SCHEMA });
}
