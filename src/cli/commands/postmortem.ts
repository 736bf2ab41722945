import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import jsyaml from 'js-yaml';
import { createPostmortem, setActionItemState } from '../../app/reliability/postmortem-changes.js';
import { draftPostmortem } from '../../app/reliability/postmortem-draft.js';
import { postmortemList, postmortemView } from '../../app/reliability/postmortem-view.js';
import { ACTION_ITEM_STATES, type ActionItemState, type Postmortem } from '../../domain/incident.js';
import type { ProgramModel } from '../../domain/program-model.js';
import type { CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';
import { renderPostmortemList, renderPostmortemView } from '../render/postmortem.js';
import { cliMeta, instantOption, reportFailure, usage, withStoredProgram } from './incident.js';
import { withProgramTarget } from './program-target.js';

const noPostmortem = (io: CliIo, model: ProgramModel, id: string) => {
  const known = model.postmortems.map((p) => p.id);
  io.err(
    `${io.errStyle.red('error')}: no post-mortem "${id}" in ${model.program.id}. ${known.length > 0 ? `Post-mortems: ${known.join(', ')}.` : 'It has none yet.'}`,
  );
  return EXIT.notFound;
};

const TEMPLATE_HELP = `# Blameless post-mortem: name systems and conditions, not people.
# Fill in the lists, then save it: throughline postmortem new PROGRAM --file THIS_FILE
# Each action item becomes a tracked work item (level 1 Stability or 2 Reliability), e.g.
#   actionItems:
#     - { id: dns-ttl, title: Honour DNS TTL in the pool, ownerTeam: identity, due: 2026-11-24, level: 1 }
`;

export async function postmortemDraftCommand(io: CliIo, target: string, incident: string, o: { json?: boolean }): Promise<number> {
  return withProgramTarget(io, target, `throughline postmortem draft ${target}`, async ({ model }) => {
    const inc = model.incidents.find((i) => i.id === incident);
    if (!inc) return reportFailure(io, { kind: 'not-found', entity: 'incident', key: incident }, model.program.id, model);
    const draft = draftPostmortem(model, inc);
    io.out(o.json ? JSON.stringify(draft, null, 2) : `${TEMPLATE_HELP}${jsyaml.dump(draft, { lineWidth: 120, noRefs: true }).trimEnd()}`);
    return EXIT.ok;
  });
}

export interface NewOptions {
  file?: string;
  id?: string;
  summary?: string;
  factor: string[];
  wentWell: string[];
  wentPoorly: string[];
  lucky: string[];
  action: string[];
  json?: boolean;
}

/** `id|title|owner team|due|level`, e.g. `dns-ttl|Honour DNS TTL|identity|2026-11-24|1`. */
function parseAction(text: string): Record<string, unknown> | string {
  const parts = text.split('|').map((p) => p.trim());
  if (parts.length !== 5) return `--action "${text}" needs five parts: id|title|owner team|due (YYYY-MM-DD)|level (1 or 2)`;
  const [id, title, ownerTeam, due, level] = parts;
  return { id, title, ownerTeam, due, level: Number(level) };
}

export async function postmortemNewCommand(io: CliIo, target: string, incident: string | undefined, o: NewOptions): Promise<number> {
  let written: Record<string, unknown> = {};
  if (o.file !== undefined) {
    try {
      // CORE_SCHEMA: dates such as `due: 2026-11-24` stay text, as the schema expects, not Date objects.
      const parsed = jsyaml.load(await readFile(resolve(io.cwd, o.file), 'utf8'), { schema: jsyaml.CORE_SCHEMA });
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
        return usage(io, `${o.file} holds no post-mortem: write a map with summary, contributingFactors, actionItems…`);
      written = parsed as Record<string, unknown>;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      return usage(io, `cannot read ${o.file}: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
    }
  }
  const actions: unknown[] = [];
  for (const a of o.action) {
    const parsed = parseAction(a);
    if (typeof parsed === 'string') return usage(io, parsed);
    actions.push(parsed);
  }
  const incidentId = incident ?? (typeof written.incident === 'string' ? written.incident : undefined);
  if (incidentId === undefined) return usage(io, 'name the incident: throughline postmortem new PROGRAM INCIDENT [--file pm.yaml]');
  return withStoredProgram(io, target, `throughline postmortem new ${target}`, async (store, model, id) => {
    const inc = model.incidents.find((i) => i.id === incidentId);
    if (!inc) return reportFailure(io, { kind: 'not-found', entity: 'incident', key: incidentId }, id, model);
    const draft = draftPostmortem(model, inc);
    const extend = (key: keyof Postmortem, more: readonly unknown[]) =>
      more.length > 0 ? { [key]: [...((written[key] as unknown[] | undefined) ?? []), ...more] } : {};
    const value = {
      ...draft,
      ...written,
      incident: incidentId,
      ...(o.id === undefined ? {} : { id: o.id }),
      ...(o.summary === undefined ? {} : { summary: o.summary }),
      ...extend('contributingFactors', o.factor),
      ...extend('wentWell', o.wentWell),
      ...extend('wentPoorly', o.wentPoorly),
      ...extend('gotLucky', o.lucky),
      ...extend('actionItems', actions),
    };
    const done = await createPostmortem(store, id, value, cliMeta(io, 'postmortem new'));
    if (!done.ok) return reportFailure(io, done.error, id, model);
    const pm = done.value.value;
    if (o.json) io.out(JSON.stringify({ etag: done.value.etag, value: pm, version: done.value.saved.version }, null, 2));
    else {
      io.out(`${io.style.green('✓')} post-mortem ${pm.id} of ${pm.incident} saved`);
      for (const a of pm.actionItems)
        io.out(`  action ${a.id} → work item ${pm.id}-${a.id} (level ${a.level}, ${a.ownerTeam}, due ${a.due})`);
    }
    return EXIT.ok;
  });
}

export async function postmortemShowCommand(
  io: CliIo,
  target: string,
  id: string,
  o: { at?: string; markdown?: boolean; json?: boolean },
): Promise<number> {
  const now = instantOption(io, o.at);
  if ('error' in now) return usage(io, now.error);
  return withProgramTarget(io, target, `throughline postmortem show ${target}`, async ({ model }) => {
    const view = postmortemView(model, id, now);
    if (!view) return noPostmortem(io, model, id);
    io.out(o.json ? JSON.stringify(view, null, 2) : o.markdown ? view.markdown.trimEnd() : renderPostmortemView(view, io.style));
    return EXIT.ok;
  });
}

export async function postmortemListCommand(io: CliIo, target: string, o: { at?: string; json?: boolean }): Promise<number> {
  const now = instantOption(io, o.at);
  if ('error' in now) return usage(io, now.error);
  return withProgramTarget(io, target, `throughline postmortem list ${target}`, async ({ model }) => {
    const rows = postmortemList(model, now);
    io.out(o.json ? JSON.stringify({ at: now.toISOString(), postmortems: rows }, null, 2) : renderPostmortemList(rows, io.style));
    return EXIT.ok;
  });
}

export async function postmortemActionCommand(
  io: CliIo,
  target: string,
  pm: string,
  action: string,
  state: string,
  o: { json?: boolean },
): Promise<number> {
  if (!(ACTION_ITEM_STATES as readonly string[]).includes(state))
    return usage(io, `"${state}" is no state; use one of ${ACTION_ITEM_STATES.join(', ')}`);
  return withStoredProgram(io, target, `throughline postmortem action ${target}`, async (store, model, id) => {
    if (!model.postmortems.some((p) => p.id === pm)) return noPostmortem(io, model, pm);
    const done = await setActionItemState(store, id, pm, action, state as ActionItemState, cliMeta(io, 'postmortem action'));
    if (!done.ok) return reportFailure(io, done.error, id, model);
    const open = done.value.value.actionItems.filter((a) => a.state === 'open' || a.state === 'in-progress').length;
    if (o.json) io.out(JSON.stringify({ etag: done.value.etag, value: done.value.value, version: done.value.saved.version }, null, 2));
    else
      io.out(
        `${io.style.green('✓')} ${pm}: action ${action} is ${state} (work item ${pm}-${action}); ${open} action item${open === 1 ? '' : 's'} still open`,
      );
    return EXIT.ok;
  });
}
