import type { ProgramModel } from '../../domain/program-model.js';
import type { ServiceKind } from '../../domain/program-service.js';

/**
 * The program's service catalog as a TPM reads it: each service with its owner, tier, what it
 * provides, consumes and needs, how many services use it directly, the program work that touches
 * it, its SLOs and its open incidents; and each API with its provider and consumers.
 */

export interface CatalogRow {
  readonly id: string;
  readonly name: string;
  readonly kind: ServiceKind;
  readonly team: string;
  readonly teamName: string;
  readonly tier: number | null;
  readonly lifecycle: string;
  readonly type: string | null;
  readonly system: string | null;
  readonly provides: readonly string[];
  readonly consumes: readonly string[];
  readonly dependsOn: readonly string[];
  /** Services that depend on this one or consume an API it provides, each counted once. */
  readonly consumers: number;
  readonly items: readonly { readonly id: string; readonly title: string; readonly state: string; readonly priority: number | null }[];
  readonly slos: readonly string[];
  /** Incidents naming this service that are not resolved. */
  readonly openIncidents: number;
}

export interface ApiRow {
  readonly name: string;
  readonly provider: string;
  /** Services consuming it, in program order. */
  readonly consumers: readonly string[];
}

export interface CatalogView {
  readonly services: readonly CatalogRow[];
  readonly apis: readonly ApiRow[];
}

export function programCatalogView(model: ProgramModel): CatalogView {
  const teamName = new Map(model.teams.map((t) => [t.id as string, t.name]));
  const apiConsumers = new Map<string, string[]>();
  for (const s of model.services) for (const api of s.consumes) apiConsumers.set(api, [...(apiConsumers.get(api) ?? []), s.id]);
  const dependants = new Map<string, Set<string>>();
  for (const s of model.services) for (const d of s.dependsOn) dependants.set(d, (dependants.get(d) ?? new Set()).add(s.id));

  const services: CatalogRow[] = model.services.map((s) => {
    const consumers = new Set(dependants.get(s.id) ?? []);
    for (const api of s.provides) for (const c of apiConsumers.get(api) ?? []) if (c !== s.id) consumers.add(c);
    return {
      id: s.id,
      name: s.name ?? s.id,
      kind: s.kind,
      team: s.team,
      teamName: teamName.get(s.team) ?? s.team,
      tier: s.tier ?? null,
      lifecycle: s.lifecycle,
      type: s.type ?? null,
      system: s.system ?? null,
      provides: s.provides,
      consumes: s.consumes,
      dependsOn: s.dependsOn,
      consumers: consumers.size,
      items: model.items
        .filter((i) => i.services?.includes(s.id))
        .map((i) => ({ id: i.id, title: i.title, state: i.state, priority: i.priority ?? null })),
      slos: model.slos.filter((o) => o.service === s.id).map((o) => o.id),
      openIncidents: model.incidents.filter((i) => i.status !== 'resolved' && i.services.includes(s.id)).length,
    };
  });
  const apis: ApiRow[] = model.services.flatMap((s) =>
    s.provides.map((name) => ({ name, provider: s.id, consumers: apiConsumers.get(name) ?? [] })),
  );
  return { services, apis };
}
