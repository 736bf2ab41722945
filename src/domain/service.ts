import { z } from 'zod';
import { err, ok, type Result } from './result.js';

/**
 * The service catalog Throughline keeps: services, the APIs and resources they provide and consume,
 * the systems and domains that group them, and the teams (groups) and people that own them.
 *
 * Every entity is keyed Backstage-style by kind + namespace + name, written `kind:namespace/name`
 * in lower case (`component:default/artist-web`). Backstage compares refs case-insensitively, so
 * the canonical key is lower-cased; the display name keeps the author's spelling.
 */

export const entityKinds = ['component', 'api', 'resource', 'system', 'domain', 'group', 'user', 'location'] as const;
export type EntityKind = (typeof entityKinds)[number];

/** Canonical ref `kind:namespace/name`, lower case. */
export const EntityRefSchema = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]*:[a-z0-9][a-z0-9._-]*\/[a-z0-9][a-z0-9._-]*$/,
    'an entity ref is kind:namespace/name, for example component:default/artist-web',
  );
export type EntityRef = z.infer<typeof EntityRefSchema>;

export const DEFAULT_NAMESPACE = 'default';

export interface ParsedRef {
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
}

/** The canonical key of an entity. */
export function entityRef(kind: string, namespace: string, name: string): EntityRef {
  return `${kind.toLowerCase()}:${namespace.toLowerCase()}/${name.toLowerCase()}`;
}

export function splitEntityRef(ref: EntityRef): ParsedRef {
  const colon = ref.indexOf(':');
  const slash = ref.indexOf('/', colon);
  return { kind: ref.slice(0, colon), namespace: ref.slice(colon + 1, slash), name: ref.slice(slash + 1) };
}

/**
 * Parses a ref as a person writes it, `[kind:][namespace/]name`, with Backstage's rules: a missing
 * kind takes `defaultKind` (a relation without a default kind, like dependsOn, must write it), a
 * missing namespace takes the referring entity's namespace.
 */
export function parseEntityRef(text: string, defaults: { kind?: string; namespace: string }): Result<EntityRef, string> {
  const trimmed = text.trim();
  if (trimmed === '') return err('the ref is empty');
  const colon = trimmed.indexOf(':');
  const kind = colon >= 0 ? trimmed.slice(0, colon) : defaults.kind;
  const rest = colon >= 0 ? trimmed.slice(colon + 1) : trimmed;
  if (kind === undefined || kind === '')
    return err(
      `"${text}" has no kind and this relation has no default kind; write it as kind:name, e.g. resource:${rest} or component:${rest}`,
    );
  const slash = rest.indexOf('/');
  const namespace = slash >= 0 ? rest.slice(0, slash) : defaults.namespace;
  const name = slash >= 0 ? rest.slice(slash + 1) : rest;
  if (namespace === '' || name === '') return err(`"${text}" has an empty namespace or name`);
  const ref = entityRef(kind, namespace, name);
  const checked = EntityRefSchema.safeParse(ref);
  return checked.success ? ok(ref) : err(`"${text}" is not a valid entity ref (kind:namespace/name, letters, digits, '-', '.', '_')`);
}

/** Tier 1 is the most critical; a service with no tier sorts after every tiered one. */
export const TierSchema = z.number().int().min(1).max(5);

const common = {
  ref: EntityRefSchema,
  /** As written in the source (metadata.name). */
  name: z.string().min(1),
  title: z.string().optional(),
  description: z.string().optional(),
};

/** A Backstage Component: a service, website or library. */
export const ServiceSchema = z.object({
  ...common,
  /** service, website, library… (free-form in Backstage). */
  type: z.string().min(1),
  /** Group (team) or user that owns it. */
  owner: EntityRefSchema,
  tier: TierSchema.optional(),
  /** experimental, production, deprecated… (free-form in Backstage). */
  lifecycle: z.string().min(1),
  system: EntityRefSchema.optional(),
  /** The component this one is part of: a change to this one is a change to that one. */
  subcomponentOf: EntityRefSchema.optional(),
  providesApis: z.array(EntityRefSchema),
  consumesApis: z.array(EntityRefSchema),
  /** Components or resources this one needs to run. */
  dependsOn: z.array(EntityRefSchema),
});
export type Service = z.infer<typeof ServiceSchema>;

export const ApiDefinitionSchema = z.discriminatedUnion('source', [
  z.object({ source: z.literal('inline') }),
  /** A file next to the catalog file (`$text: ./x.yaml`), path relative to the catalog root. */
  z.object({ source: z.literal('file'), path: z.string() }),
  /** A remote URL, recorded and never fetched. */
  z.object({ source: z.literal('url'), url: z.string() }),
]);

export const ApiSchema = z.object({
  ...common,
  /** openapi, asyncapi, graphql, grpc, trpc… */
  type: z.string().min(1),
  owner: EntityRefSchema,
  lifecycle: z.string().min(1),
  system: EntityRefSchema.optional(),
  definition: ApiDefinitionSchema.optional(),
});
export type Api = z.infer<typeof ApiSchema>;

export const ResourceSchema = z.object({
  ...common,
  /** database, s3-bucket, cluster… */
  type: z.string().min(1),
  owner: EntityRefSchema,
  tier: TierSchema.optional(),
  system: EntityRefSchema.optional(),
  dependsOn: z.array(EntityRefSchema),
});
export type Resource = z.infer<typeof ResourceSchema>;

export const SystemSchema = z.object({ ...common, owner: EntityRefSchema, domain: EntityRefSchema.optional() });
export type System = z.infer<typeof SystemSchema>;

export const DomainSchema = z.object({ ...common, owner: EntityRefSchema, subdomainOf: EntityRefSchema.optional() });
export type Domain = z.infer<typeof DomainSchema>;

/** A team, department or organization. */
export const GroupSchema = z.object({
  ...common,
  type: z.string().min(1),
  parent: EntityRefSchema.optional(),
  children: z.array(EntityRefSchema),
  email: z.string().optional(),
});
export type Group = z.infer<typeof GroupSchema>;

export const UserSchema = z.object({ ...common, memberOf: z.array(EntityRefSchema), email: z.string().optional() });
export type User = z.infer<typeof UserSchema>;

export const ServiceCatalogSchema = z.object({
  services: z.array(ServiceSchema),
  apis: z.array(ApiSchema),
  resources: z.array(ResourceSchema),
  systems: z.array(SystemSchema),
  domains: z.array(DomainSchema),
  groups: z.array(GroupSchema),
  users: z.array(UserSchema),
});
export type ServiceCatalog = z.infer<typeof ServiceCatalogSchema>;
