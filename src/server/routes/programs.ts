import { z } from 'zod';
import { readMspdiProgram } from '../../app/import-mspdi.js';
import { saveReadProgram } from '../../app/load-program.js';
import { summarizeProgram } from '../../app/program-summary.js';
import { type ProgramId, READABLE_ID } from '../../domain/ids.js';
import { readProgramYaml } from '../../formats/program-yaml/read-program.js';
import { importProblemSchema, programIdParam, programListingSchema, roleSchema, saveResultSchema } from '../api-schemas.js';
import { problem } from '../problem.js';
import { route } from '../route.js';

export const programRoutes = [
  route({
    method: 'get',
    path: '/api/programs',
    tag: 'Programs',
    summary: 'Programs I can see',
    description: 'Every program the caller holds a role on (all of them for a site administrator), with its size and version.',
    access: 'signed-in',
    response: z.object({ programs: z.array(programListingSchema) }),
    async handle({ principal, deps }) {
      const p = principal as NonNullable<typeof principal>;
      const roles = await deps.store.accounts.rolesOf(p.login);
      const all = await deps.store.listPrograms();
      const programs = all.flatMap((l) => {
        const role = p.isAdmin ? 'admin' : roles.get(l.id);
        return role ? [{ ...l, updatedAt: l.updatedAt.toISOString(), role }] : [];
      });
      return { body: { programs } };
    },
  }),
  route<{ programId: string }>({
    method: 'get',
    path: '/api/programs/{programId}',
    tag: 'Programs',
    summary: 'A program and its summary',
    description:
      "The program, the caller's role and its summary: counts, teams, workstreams, milestones, open risks and decisions, and the first 100 open cross-team dependencies, most urgent first (`counts.openDependencies` counts them all).",
    access: 'viewer',
    params: programIdParam,
    response: z.object({
      version: z.number(),
      role: roleSchema,
      program: z.record(z.string(), z.unknown()),
      summary: z.record(z.string(), z.unknown()),
    }),
    async handle({ programId, role, deps }) {
      const current = await deps.cache.current(programId as ProgramId);
      if (!current) return problem(404, 'no-program', 'No such program', `there is no program "${programId}"`);
      // Every screen of a program reads this first: summarized once per version, and kept small on
      // big programs (a 10k-item program has thousands of open dependencies).
      const summary = await deps.cache.derive(programId as ProgramId, current.version, 'summary', async () => {
        const s = summarizeProgram(current.model);
        return {
          ...s,
          counts: { ...s.counts, openDependencies: s.openDependencies.length },
          openDependencies: s.openDependencies.slice(0, 100),
        };
      });
      return { body: { version: current.version, role, program: current.model.program, summary } };
    },
  }),
  route<Record<string, never>, { file: string; programId?: string | undefined }, string>({
    method: 'post',
    path: '/api/programs/import',
    tag: 'Programs',
    summary: 'Import a program file or an MS Project plan',
    description:
      "The body is a program file (YAML or JSON, as `throughline validate` reads), or, when `file` ends in `.xml`, an MS Project XML (MSPDI) plan: tasks become items (id `t` + UID), summary tasks epics (top-level ones also workstreams), milestones milestones, resources teams, predecessor links dependencies; what cannot be carried over exactly is listed in `caveats`. The program id is the file's (`program.id`; for MS Project, the file name) unless `programId` is given. A new program makes the caller its admin; replacing an existing one needs editor on it. Atomic: a file with any problem changes nothing (422, each problem with its line and column, or the task it is about).",
    access: 'signed-in',
    query: z.strictObject({
      file: z.string().min(1).default('upload.yaml'),
      programId: z
        .string()
        .regex(READABLE_ID, { message: 'a program id uses letters, digits, ".", "_" or "-", e.g. checkout-2027' })
        .optional(),
    }),
    rawBody: { contentTypes: ['application/yaml', 'application/json', 'application/xml', 'text/xml', 'text/plain'] },
    response: saveResultSchema,
    problems: [422],
    async handle({ body, query, principal, deps }) {
      const p = principal as NonNullable<typeof principal>;
      const now = deps.now();
      // Read first to learn the program id, then check the caller may write it.
      const mspdi = /\.xml$/i.test(query.file);
      const read = mspdi ? readMspdiProgram(body, query.file, query.programId) : readProgramYaml(body, query.file);
      if (!read.ok) {
        const problems = read.error as readonly {
          code: string;
          message: string;
          hint?: string;
          line?: number;
          column?: number;
          subject?: string;
        }[];
        return problem(
          422,
          'invalid-program',
          'The file has problems',
          `${problems.length} problem(s) in ${query.file}; nothing was changed`,
          {
            problems: problems.map((e) =>
              importProblemSchema.parse({
                code: e.code,
                message: e.message,
                hint: e.hint,
                line: e.line,
                column: e.column,
                subject: e.subject,
              }),
            ),
          },
        );
      }
      const model = 'model' in read.value ? read.value.model : read.value;
      const caveats = 'model' in read.value ? read.value.caveats.map((c) => c.message) : [];
      const named =
        query.programId !== undefined && !mspdi ? { ...model, program: { ...model.program, id: query.programId as ProgramId } } : model;
      const id = named.program.id;
      const exists = (await deps.store.versionOf(id)) !== undefined;
      if (exists && !p.isAdmin) {
        const role = await deps.store.accounts.roleOn(id, p.login);
        if (role !== 'editor' && role !== 'admin') {
          return role
            ? problem(403, 'forbidden', 'Not allowed', `you are a viewer on "${id}"; replacing it needs editor`)
            : problem(
                409,
                'program-exists',
                'Program id taken',
                `a program "${id}" exists; ${mspdi ? 'import under another id with ?programId=NAME' : 'change program.id in the file'}`,
              );
        }
      }
      const saved = await saveReadProgram(deps.store, named, { file: query.file, actor: p.login, at: now });
      if (saved.created) await deps.store.accounts.setRole(saved.programId, p.login, 'admin');
      if (saved.changes.length > 0) {
        deps.events.publish({
          programId: saved.programId,
          version: saved.version,
          actor: p.login,
          source: `import ${query.file}`,
          changes: saved.changes.map((c) => ({ entity: c.entity, id: c.id, op: c.op })),
        });
      }
      return {
        status: saved.created ? 201 : 200,
        body: {
          programId: saved.programId,
          created: saved.created,
          version: saved.version,
          changes: saved.changes.length,
          ...(mspdi ? { caveats } : {}),
        },
      };
    },
  }),
  route<{ programId: string }>({
    method: 'get',
    path: '/api/programs/{programId}/members',
    tag: 'Programs',
    summary: 'Who has which role',
    access: 'viewer',
    params: programIdParam,
    response: z.object({ members: z.array(z.object({ login: z.string(), name: z.string(), role: roleSchema })) }),
    async handle({ programId, deps }) {
      return { body: { members: await deps.store.accounts.members(programId as ProgramId) } };
    },
  }),
  route<{ programId: string; login: string }, Record<string, never>, { role: 'viewer' | 'editor' | 'admin' | null }>({
    method: 'put',
    path: '/api/programs/{programId}/members/{login}',
    tag: 'Programs',
    summary: 'Give or take a role',
    description: 'role null takes the role away.',
    access: 'admin',
    params: z.strictObject({ programId: z.string(), login: z.string() }),
    body: z.strictObject({ role: roleSchema.nullable() }),
    problems: [404],
    async handle({ programId, params, body, deps }) {
      if (!(await deps.store.accounts.findUser(params.login)))
        return problem(404, 'no-user', 'No such user', `there is no user "${params.login}"`);
      await deps.store.accounts.setRole(programId as ProgramId, params.login, body.role ?? undefined);
      return { status: 204 };
    },
  }),
];
