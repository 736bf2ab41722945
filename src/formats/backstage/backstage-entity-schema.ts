import { z } from 'zod';

/**
 * The parts of Backstage's entity envelope and kind specs that Throughline reads
 * (https://backstage.io/docs/features/software-catalog/descriptor-format). Loose objects: Backstage
 * itself accepts extra fields, so they are reported as warnings by the reader, not refused here.
 */

const refList = z.array(z.string());

export const EnvelopeSchema = z.looseObject({
  apiVersion: z.string().min(1),
  kind: z.string().min(1),
  metadata: z.looseObject({
    name: z.string().min(1),
    namespace: z.string().min(1).optional(),
    title: z.string().optional(),
    description: z.string().optional(),
    labels: z.record(z.string(), z.unknown()).optional(),
    annotations: z.record(z.string(), z.unknown()).optional(),
  }),
  spec: z.unknown().optional(),
});
export type Envelope = z.infer<typeof EnvelopeSchema>;

export const ComponentSpecSchema = z.looseObject({
  type: z.string().min(1),
  lifecycle: z.string().min(1),
  owner: z.string().min(1),
  system: z.string().optional(),
  subcomponentOf: z.string().optional(),
  providesApis: refList.optional(),
  consumesApis: refList.optional(),
  dependsOn: refList.optional(),
  dependencyOf: refList.optional(),
});

const placeholder = z.looseObject({ $text: z.string().optional(), $json: z.string().optional(), $yaml: z.string().optional() });

export const ApiSpecSchema = z.looseObject({
  type: z.string().min(1),
  lifecycle: z.string().min(1),
  owner: z.string().min(1),
  system: z.string().optional(),
  // Optional here: an MCP server API (backstage-mcp-server) gives `remotes` instead.
  definition: z.union([z.string(), placeholder]).optional(),
  remotes: z.array(z.unknown()).optional(),
});

export const ResourceSpecSchema = z.looseObject({
  type: z.string().min(1),
  owner: z.string().min(1),
  system: z.string().optional(),
  dependsOn: refList.optional(),
  dependencyOf: refList.optional(),
});

export const SystemSpecSchema = z.looseObject({ owner: z.string().min(1), domain: z.string().optional(), type: z.string().optional() });
export const DomainSpecSchema = z.looseObject({
  owner: z.string().min(1),
  subdomainOf: z.string().optional(),
  type: z.string().optional(),
});

export const GroupSpecSchema = z.looseObject({
  type: z.string().min(1),
  profile: z.looseObject({ displayName: z.string().optional(), email: z.string().optional() }).optional(),
  parent: z.string().optional(),
  children: refList,
  members: refList.optional(),
});

export const UserSpecSchema = z.looseObject({
  profile: z.looseObject({ displayName: z.string().optional(), email: z.string().optional() }).optional(),
  memberOf: refList.optional(),
});

export const LocationSpecSchema = z
  .looseObject({
    type: z.string().optional(),
    target: z.string().optional(),
    targets: z.array(z.string()).optional(),
    presence: z.string().optional(),
  })
  .refine((s) => s.target !== undefined || s.targets !== undefined, { message: 'a Location needs spec.target or spec.targets' });

/** Spec fields each core kind defines; anything else is reported as non-standard. */
export const knownSpecFields: Readonly<Record<string, readonly string[]>> = {
  component: ['type', 'lifecycle', 'owner', 'system', 'subcomponentOf', 'providesApis', 'consumesApis', 'dependsOn', 'dependencyOf'],
  api: ['type', 'lifecycle', 'owner', 'system', 'definition', 'remotes'],
  resource: ['type', 'owner', 'system', 'dependsOn', 'dependencyOf'],
  system: ['owner', 'domain', 'type'],
  domain: ['owner', 'subdomainOf', 'type'],
  group: ['type', 'profile', 'parent', 'children', 'members'],
  user: ['profile', 'memberOf'],
  location: ['type', 'target', 'targets', 'presence'],
};

export const specSchemas = {
  component: ComponentSpecSchema,
  api: ApiSpecSchema,
  resource: ResourceSpecSchema,
  system: SystemSpecSchema,
  domain: DomainSpecSchema,
  group: GroupSpecSchema,
  user: UserSpecSchema,
  location: LocationSpecSchema,
} as const;
export type CoreKind = keyof typeof specSchemas;
