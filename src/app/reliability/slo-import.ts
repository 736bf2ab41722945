/**
 * OpenSLO v1 into a stored program: each SLO objective becomes a program SLO (`programSloSchema`),
 * each OpenSLO Service — and each service an SLO names — that the program lacks becomes a program
 * service owned by the team the caller gives. Everything is saved as one change set, or nothing is.
 *
 * Mapping: the SLO's `metadata.name` is the SLO id (a second, third… objective adds `-2`, `-3`…),
 * the target becomes a percentage, `timeSliceTarget`/`timeSliceWindow` the time slice, each metric
 * source's query (`spec.query`, else its one text field) the indicator's query, and a
 * `metricSourceRef` to a Prometheus DataSource with a URL the SLO's Prometheus `source`.
 * SLOs of the same id already in the program are replaced; the rest of the program is kept.
 */
import type { ProgramId, TeamId } from '../../domain/ids.js';
import type { ProgramModel } from '../../domain/program-model.js';
import { type ProgramService, programServiceSchema } from '../../domain/program-service.js';
import { type ProgramSlo, programSloSchema } from '../../domain/program-slo.js';
import { err, ok, type Result } from '../../domain/result.js';
import type { DataSource, MetricSource, Objective, Slo } from '../../domain/slo.js';
import { suggestion } from '../../domain/suggest.js';
import { syncActionItems } from '../../engine/incidents/action-item-sync.js';
import { validateModel } from '../../engine/validate-model.js';
import { type OpenSloSource, readOpenSlo } from '../../formats/openslo/read-openslo.js';
import type { ChangeMeta, ProgramStore, SaveResult } from '../../store/program-store.js';
import { type FileProblem, fileProblem } from '../slo-report.js';
import { durationText } from './slo-budget.js';

export interface SloImportRequest {
  readonly files: readonly OpenSloSource[];
  /** Owner of the services the import creates; required when it creates any. */
  readonly team?: string;
  readonly lenient?: boolean;
}

export interface SloImportWarning {
  readonly message: string;
  /** The OpenSLO object it is about. */
  readonly slo?: string;
}

export interface SloImportResult {
  readonly saved: SaveResult;
  /** Program SLOs written (created or replaced). */
  readonly slos: number;
  readonly sloIds: readonly string[];
  /** Services created. */
  readonly services: number;
  readonly serviceIds: readonly string[];
  readonly warnings: readonly (SloImportWarning | FileProblem)[];
}

export type SloImportError =
  | { readonly kind: 'no-program'; readonly message: string }
  /** The files do not read as OpenSLO: each problem at file:line:column. */
  | { readonly kind: 'openslo'; readonly problems: readonly FileProblem[] }
  | { readonly kind: 'needs-team'; readonly services: readonly string[]; readonly message: string }
  | { readonly kind: 'unknown-team'; readonly team: string; readonly message: string }
  /** Nothing in the files converts into a program SLO. */
  | { readonly kind: 'nothing'; readonly message: string; readonly warnings: readonly (SloImportWarning | FileProblem)[] }
  /** The program with the import breaks a rule. */
  | { readonly kind: 'invalid'; readonly errors: readonly { readonly field: string; readonly message: string }[] };

/** The text of a metric source's query: `spec.query`, else its only text field. */
function queryOf(m: MetricSource | undefined): string | undefined {
  if (m === undefined) return undefined;
  if (typeof m.spec.query === 'string' && m.spec.query !== '') return m.spec.query;
  const texts = Object.values(m.spec).filter((v): v is string => typeof v === 'string' && v !== '');
  return texts.length === 1 ? texts[0] : undefined;
}

/** The URL of a Prometheus DataSource: `connectionDetails.url`, or a `url` in its list form. */
function prometheusUrl(ds: DataSource | undefined): string | undefined {
  if (ds === undefined || ds.type.toLowerCase() !== 'prometheus') return undefined;
  const details = Array.isArray(ds.connectionDetails) ? ds.connectionDetails : [ds.connectionDetails];
  for (const d of details) {
    if (d && typeof d === 'object' && typeof (d as { url?: unknown }).url === 'string') return (d as { url: string }).url;
  }
  return undefined;
}

const percent = (fraction: number): number => Number((fraction * 100).toPrecision(12));

interface Converted {
  readonly slos: ProgramSlo[];
  readonly warnings: SloImportWarning[];
}

/** The program SLOs of one OpenSLO SLO (one per objective); what cannot be converted is a warning. */
export function convertOpenSlo(slo: Slo, dataSources: readonly DataSource[]): Converted {
  const warnings: SloImportWarning[] = [];
  const warn = (message: string) => warnings.push({ slo: slo.name, message: `SLO ${slo.name}: ${message}` });
  let indicator: ProgramSlo['indicator'] | undefined;
  const sources: (MetricSource | undefined)[] = [];
  if (slo.sli.kind === 'ratio') {
    const { good, bad, total } = slo.sli;
    sources.push(good ?? bad, total);
    const goodQ = queryOf(good);
    const badQ = queryOf(bad);
    const totalQ = queryOf(total);
    if (slo.sli.raw !== undefined)
      warn('a raw ratio metric (one pre-computed ratio) is not imported; write good or bad, and total, queries');
    else if (totalQ === undefined || (goodQ ?? badQ) === undefined)
      warn('its ratio metric needs a query text in each metric source (spec.query)');
    else indicator = { ratio: { ...(goodQ !== undefined ? { good: goodQ } : { bad: badQ as string }), total: totalQ } };
  } else {
    sources.push(slo.sli.metric);
    const q = queryOf(slo.sli.metric);
    if (q === undefined) warn('its threshold metric needs a query text in its metric source (spec.query)');
    else indicator = { threshold: { query: q, op: 'lt', value: 0 } };
  }
  if (indicator === undefined) return { slos: [], warnings };
  const refs = new Set(sources.map((s) => s?.ref).filter((r): r is string => r !== undefined));
  const urls = new Set([...refs].map((r) => prometheusUrl(dataSources.find((d) => d.name === r))).filter((u) => u !== undefined));
  const [url] = urls;
  if (urls.size > 1) warn('its metric sources name different Prometheus servers; no source is kept');
  const slos: ProgramSlo[] = [];
  slo.objectives.forEach((o: Objective, i) => {
    const id = i === 0 ? slo.name : `${slo.name}-${i + 1}`;
    const name = [slo.displayName, slo.objectives.length > 1 ? (o.displayName ?? `objective ${i + 1}`) : undefined]
      .filter((x) => x !== undefined)
      .join(' — ');
    let objectiveIndicator = indicator;
    if ('threshold' in indicator) {
      if (o.op === undefined || o.value === undefined) {
        warn(`objective ${i + 1} of a threshold metric needs op and value`);
        return;
      }
      objectiveIndicator = { threshold: { ...indicator.threshold, op: o.op, value: o.value } };
    }
    const candidate = {
      id,
      service: slo.service,
      ...(name !== '' ? { name } : {}),
      ...(slo.description !== undefined ? { description: slo.description } : {}),
      objective: percent(o.target),
      budgeting: slo.budgetingMethod,
      window: durationText(slo.timeWindow.duration),
      ...(slo.timeWindow.kind === 'calendar' ? { calendar: { start: slo.timeWindow.startTime, timeZone: slo.timeWindow.timeZone } } : {}),
      indicator: objectiveIndicator,
      ...(o.timeSliceWindow !== undefined
        ? {
            timeSlice: {
              window: durationText(o.timeSliceWindow),
              ...(o.timeSliceTarget !== undefined ? { target: percent(o.timeSliceTarget) } : {}),
            },
          }
        : {}),
      ...(urls.size === 1 && url !== undefined ? { source: { prometheus: url } } : {}),
    };
    const parsed = programSloSchema.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) warn(`${issue.path.join('.') || 'objective'}: ${issue.message}`);
      return;
    }
    slos.push(parsed.data);
  });
  return { slos, warnings };
}

/** Reads the files and saves their SLOs (and missing services) into the stored program, as one change set. */
export async function importOpenSlo(
  store: ProgramStore,
  programId: ProgramId,
  request: SloImportRequest,
  meta: ChangeMeta,
): Promise<Result<SloImportResult, SloImportError>> {
  const read = readOpenSlo(request.files, { lenient: request.lenient === true });
  if (!read.ok) return err({ kind: 'openslo', problems: read.error.map(fileProblem) });
  const warnings: (SloImportWarning | FileProblem)[] = read.value.warnings.map(fileProblem);
  const imported: ProgramSlo[] = [];
  for (const slo of read.value.slos) {
    const c = convertOpenSlo(slo, read.value.dataSources);
    warnings.push(...c.warnings);
    for (const s of c.slos) {
      if (imported.some((x) => x.id === s.id)) warnings.push({ slo: s.id, message: `SLO ${s.id} appears twice; the first is kept` });
      else imported.push(s);
    }
  }
  // Alerting follows the SRE Workbook's multi-window policy for every SLO; written policies are not kept.
  const policies = new Set([
    ...read.value.alertPolicies.map((p) => p.name),
    ...read.value.slos.flatMap((s) => s.alertPolicies.map((p) => p.name)),
  ]);
  if (policies.size > 0)
    warnings.push({
      message: `alert polic${policies.size === 1 ? 'y' : 'ies'} ${[...policies].join(', ')} not imported: Throughline alerts with the SRE Workbook's multi-window burn rates (page 14.4× 1 h/5 m, 6× 6 h/30 m; ticket 1× 3 d/6 h)`,
    });
  const described = new Map(read.value.services.map((s) => [s.name, s]));
  let serviceIds: string[] = [];
  const result = await store.editProgram<SloImportError>(
    programId,
    (model) => {
      const have = new Set(model.services.map((s) => s.id as string));
      const wanted = [...new Set([...read.value.services.map((s) => s.name), ...imported.map((s) => s.service as string)])];
      const missing = wanted.filter((id) => !have.has(id));
      if (imported.length === 0 && missing.length === 0)
        return {
          error: { kind: 'nothing', message: 'the files hold no SLO or Service that can be imported', warnings },
        };
      let team: TeamId | undefined;
      if (missing.length > 0) {
        if (request.team === undefined)
          return {
            error: {
              kind: 'needs-team',
              services: missing,
              message: `the program has no service ${missing.join(', ')}; give the team that owns ${missing.length === 1 ? 'it' : 'them'} (--team, or team=) to create ${missing.length === 1 ? 'it' : 'them'}`,
            },
          };
        const known = model.teams.map((t) => t.id as string);
        if (!known.includes(request.team))
          return {
            error: {
              kind: 'unknown-team',
              team: request.team,
              message: `program ${programId} has no team "${request.team}"; ${suggestion(request.team, known, 'teams')}`,
            },
          };
        team = request.team as TeamId;
      }
      const created: ProgramService[] = [];
      for (const id of missing) {
        const about = described.get(id);
        const parsed = programServiceSchema.safeParse({
          id,
          team,
          ...(about?.displayName !== undefined ? { name: about.displayName } : {}),
          ...(about?.description !== undefined ? { description: about.description } : {}),
        });
        if (!parsed.success)
          return {
            error: { kind: 'invalid', errors: parsed.error.issues.map((i) => ({ field: `services.${id}`, message: i.message })) },
          };
        created.push(parsed.data);
      }
      const byId = new Map(imported.map((s) => [s.id as string, s]));
      const slos = [...model.slos.map((s) => byId.get(s.id) ?? s), ...imported.filter((s) => !model.slos.some((x) => x.id === s.id))];
      const next: ProgramModel = syncActionItems({ ...model, services: [...model.services, ...created], slos }, 'items');
      const problems = validateModel(next);
      if (problems.length > 0)
        return {
          error: {
            kind: 'invalid',
            errors: problems.map((p) => ({
              field: (p.at.field ?? []).join('.') || p.at.entity,
              message: p.hint ? `${p.message}; ${p.hint}` : p.message,
            })),
          },
        };
      serviceIds = created.map((s) => s.id);
      return { model: next };
    },
    meta,
  );
  if ('missing' in result) return err({ kind: 'no-program', message: `there is no program "${programId}"` });
  if ('error' in result) return err(result.error);
  return ok({
    saved: result.saved,
    slos: imported.length,
    sloIds: imported.map((s) => s.id),
    services: serviceIds.length,
    serviceIds,
    warnings,
  });
}
