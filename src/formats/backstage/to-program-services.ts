import type { TeamId } from '../../domain/ids.js';
import { type ProgramService, programServiceSchema } from '../../domain/program-service.js';
import { type EntityRef, type ServiceCatalog, splitEntityRef } from '../../domain/service.js';
import type { Team } from '../../domain/team.js';

/**
 * A Backstage catalog as a program's services. Components become services and Resources
 * resources, keyed by their name; providesApis/consumesApis become API names; dependsOn becomes
 * ids; a subcomponent becomes a dependency of the component it is part of (a change to the part
 * reaches the whole, as in the blast-radius engine); the owner Group becomes the owner team;
 * Systems are kept by name. APIs live in a program only through the service that provides them.
 */

export interface ConversionNote {
  readonly code: 'user-owner' | 'api-without-provider' | 'consumed-api-without-provider';
  readonly message: string;
  readonly ref?: string;
}

export interface ConversionProblem {
  readonly code: 'duplicate-id' | 'invalid-service';
  readonly message: string;
  readonly hint?: string;
  readonly ref: string;
}

export interface ProgramServicesFromCatalog {
  readonly services: readonly ProgramService[];
  /** Teams the catalog's owners need that the program does not have: made from the Group (capacity 1). */
  readonly teamsCreated: readonly Team[];
  /** Backstage group (or user) ref → program team id, for every owner met. */
  readonly teamOf: ReadonlyMap<EntityRef, string>;
  readonly notes: readonly ConversionNote[];
  readonly problems: readonly ConversionProblem[];
}

export interface ConversionOptions {
  /** The program's teams: a group whose name is a team id is that team. */
  readonly teams: readonly Pick<Team, 'id'>[];
  /** Explicit group name → team id, for groups named differently from the program's teams. */
  readonly teamFor?: Readonly<Record<string, string>>;
}

const nameOf = (ref: EntityRef) => splitEntityRef(ref).name;

export function toProgramServices(catalog: ServiceCatalog, options: ConversionOptions): ProgramServicesFromCatalog {
  const notes: ConversionNote[] = [];
  const problems: ConversionProblem[] = [];
  const existing = new Set(options.teams.map((t) => t.id as string));
  const groups = new Map(catalog.groups.map((g) => [g.ref, g]));
  const users = new Map(catalog.users.map((u) => [u.ref, u]));
  const teamOf = new Map<EntityRef, string>();
  const created = new Map<string, Team>();

  const teamOfOwner = (owner: EntityRef): { id: string; group: EntityRef | undefined } => {
    // A program's work is owned by teams: a person's service goes to their (first) team.
    const group = splitEntityRef(owner).kind === 'user' ? users.get(owner)?.memberOf[0] : owner;
    const groupName = nameOf(group ?? owner);
    const id = teamOf.get(owner) ?? options.teamFor?.[groupName] ?? groupName;
    if (!existing.has(id) && !created.has(id)) {
      const entity = group === undefined ? undefined : groups.get(group);
      created.set(id, { id: id as TeamId, name: entity?.title ?? groupName, capacity: 1, exceptions: [] });
    }
    teamOf.set(owner, id);
    return { id, group };
  };
  const teamFor = (owner: EntityRef, of: EntityRef): string => {
    const { id, group } = teamOfOwner(owner);
    const { kind, name } = splitEntityRef(owner);
    if (kind === 'user')
      notes.push({
        code: 'user-owner',
        message:
          group !== undefined
            ? `${of} is owned by user ${name}; it goes to team ${id}${nameOf(group) !== id ? ` (their group ${nameOf(group)})` : ', their group'}`
            : `${of} is owned by user ${name}, who is in no group; a team "${id}" stands for them`,
        ref: of,
      });
    return id;
  };

  const parents = new Map<string, string[]>();
  for (const s of catalog.services)
    if (s.subcomponentOf !== undefined) parents.set(nameOf(s.subcomponentOf), [...(parents.get(nameOf(s.subcomponentOf)) ?? []), s.name]);

  const seen = new Map<string, EntityRef>();
  const services: ProgramService[] = [];
  const add = (ref: EntityRef, written: Record<string, unknown>) => {
    const id = written.id as string;
    const first = seen.get(id);
    if (first !== undefined) {
      problems.push({
        code: 'duplicate-id',
        message: `${ref} and ${first} would both be service "${id}"`,
        hint: 'a program keys services by name alone: rename one of them in the catalog, or import them into separate programs',
        ref,
      });
      return;
    }
    seen.set(id, ref);
    const parsed = programServiceSchema.safeParse(written);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push({ code: 'invalid-service', message: `${ref}: ${issue.path.join('.') || 'entity'}: ${issue.message}`, ref });
      return;
    }
    services.push(parsed.data);
  };
  const common = (e: { ref: EntityRef; name: string; title?: string | undefined; description?: string | undefined; owner: EntityRef }) => ({
    id: e.name,
    ...(e.title !== undefined ? { name: e.title } : {}),
    ...(e.description !== undefined ? { description: e.description } : {}),
    team: teamFor(e.owner, e.ref),
  });

  for (const s of catalog.services) {
    add(s.ref, {
      ...common(s),
      kind: 'service',
      ...(s.tier !== undefined ? { tier: s.tier } : {}),
      lifecycle: s.lifecycle,
      type: s.type,
      ...(s.system !== undefined ? { system: nameOf(s.system) } : {}),
      provides: s.providesApis.map(nameOf),
      consumes: s.consumesApis.map(nameOf),
      dependsOn: [...s.dependsOn.map(nameOf), ...(parents.get(s.name) ?? [])],
    });
  }
  for (const r of catalog.resources) {
    add(r.ref, {
      ...common(r),
      kind: 'resource',
      ...(r.tier !== undefined ? { tier: r.tier } : {}),
      type: r.type,
      ...(r.system !== undefined ? { system: nameOf(r.system) } : {}),
      dependsOn: [...r.dependsOn.map(nameOf), ...(parents.get(r.name) ?? [])],
    });
  }

  const provided = new Set(catalog.services.flatMap((s) => s.providesApis));
  const orphans = catalog.apis.filter((a) => !provided.has(a.ref)).map((a) => a.name);
  if (orphans.length > 0)
    notes.push({
      code: 'api-without-provider',
      message: `${orphans.length} API${orphans.length === 1 ? '' : 's'} no component provides ${orphans.length === 1 ? 'is' : 'are'} not imported (a program knows an API through its provider): ${orphans.join(', ')}`,
    });
  return { services, teamsCreated: [...created.values()], teamOf, notes, problems };
}
