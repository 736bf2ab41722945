import { isTimeZone } from '../../domain/calendar.js';
import { type FieldError, fieldErrors } from '../../domain/field-errors.js';
import type { ProgramId } from '../../domain/ids.js';
import { INTEGRATION_KINDS, type IntegrationKind, type PublishSchedule, type WEEKDAYS } from '../../domain/integration.js';
import { err, ok, type Result } from '../../domain/result.js';
import { nextRunAfter } from '../../engine/schedule/next-run.js';
import {
  INTEGRATION_SCHEMAS,
  type IntegrationConfig,
  type IntegrationConfigs,
  type IntegrationMeta,
  type IntegrationResult,
  type StoredIntegration,
} from '../../store/integration-store.js';
import type { ProgramStore } from '../../store/program-store.js';

/**
 * The integrations of a program as the server shows and edits them (issue 8): one view per kind,
 * configured or not, with where its secret comes from (never the secret), its schedule in words
 * and its run log. Validation is the `integrations.yaml` schema's, so the CLI and the screen
 * accept exactly the same configurations.
 */

export interface ScheduleView extends PublishSchedule {
  /** The zone the schedule runs in: its own, else the program's. */
  readonly timeZone: string;
  /** "Every Friday at 15:00, Europe/London". */
  readonly text: string;
  /** The next run after now, ISO 8601. */
  readonly next: string;
}

/** Where a run takes its secret from: the one stored on the server, else the named environment variable. */
export type SecretSource = 'stored' | 'env' | 'none';

export interface IntegrationView {
  readonly kind: IntegrationKind;
  readonly config: IntegrationConfig | null;
  readonly hasSecret: boolean;
  /** The environment variable the config names for its secret. */
  readonly secretEnv: string | null;
  readonly secretSource: SecretSource;
  /** The site and selection in words: "acme.atlassian.net · JQL project = NET". */
  readonly describe: string | null;
  readonly schedule: ScheduleView | null;
  readonly updatedAt: string | null;
  readonly updatedBy: string | null;
  /** Newest first. */
  readonly results: readonly ResultView[];
}

export interface ResultView {
  readonly at: string;
  readonly kind: IntegrationResult['kind'];
  readonly ok: boolean;
  readonly summary: unknown;
  readonly error: string | null;
  readonly actor: string;
}

export type SettingsError =
  | { readonly kind: 'no-program'; readonly message: string }
  | { readonly kind: 'invalid'; readonly message: string; readonly errors: readonly FieldError[] }
  | { readonly kind: 'not-configured'; readonly message: string };

/** Environment variables as the server process has them; read only at the edge and passed in. */
export type Env = Readonly<Record<string, string | undefined>>;

/** The environment variable a kind's config names for its secret. */
export function secretEnvOf(kind: IntegrationKind, config: IntegrationConfig | undefined): string | undefined {
  if (!config) return undefined;
  if (kind === 'slack') return (config as IntegrationConfigs['slack']).webhookEnv;
  if (kind === 'jira') return (config as IntegrationConfigs['jira']).auth.tokenEnv;
  return (config as IntegrationConfigs['github'] | IntegrationConfigs['confluence']).tokenEnv;
}

/** The secret a run uses: the stored one, else the config's environment variable. */
export async function secretFor(
  store: ProgramStore,
  programId: ProgramId,
  kind: IntegrationKind,
  config: IntegrationConfig,
  env: Env,
): Promise<string | undefined> {
  const stored = await store.integrations.secret(programId, kind);
  if (stored) return stored;
  const name = secretEnvOf(kind, config);
  const fromEnv = name ? env[name] : undefined;
  return fromEnv && fromEnv.length > 0 ? fromEnv : undefined;
}

const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

/** The site and selection in words, for cards and messages. */
export function describeIntegration(kind: IntegrationKind, config: IntegrationConfig): string {
  switch (kind) {
    case 'jira': {
      const c = config as IntegrationConfigs['jira'];
      const s = c.select;
      const what =
        'epics' in s ? `epics ${s.epics.join(', ')}` : 'board' in s ? `board ${s.board}${s.jql ? ` where ${s.jql}` : ''}` : `JQL ${s.jql}`;
      return `${hostOf(c.site)} · ${what}`;
    }
    case 'github': {
      const c = config as IntegrationConfigs['github'];
      const where = 'repos' in c.select ? c.select.repos.join(', ') : `project ${c.select.project.owner} #${c.select.project.number}`;
      return c.api === 'https://api.github.com' ? where : `${hostOf(c.api)} · ${where}`;
    }
    case 'confluence': {
      const c = config as IntegrationConfigs['confluence'];
      return `${hostOf(c.site)} · space ${c.space} · “${c.title}”`;
    }
    case 'slack':
      return 'the channel of its incoming webhook';
  }
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "Every Friday at 15:00, Europe/London"; "Every weekday (Monday to Friday) at 09:00, UTC". */
export function scheduleText(schedule: PublishSchedule, programZone: string, now: Date): ScheduleView {
  const timeZone = schedule.timeZone ?? programZone;
  const when =
    schedule.every === 'day'
      ? 'Every day'
      : schedule.every === 'weekdays'
        ? 'Every weekday (Monday to Friday)'
        : `Every ${capital(schedule.every satisfies (typeof WEEKDAYS)[number])}`;
  return {
    ...schedule,
    timeZone,
    text: `${when} at ${schedule.at}, ${timeZone}`,
    next: nextRunAfter(schedule, now, timeZone).toISOString(),
  };
}

const resultView = (r: IntegrationResult): ResultView => ({
  at: r.at.toISOString(),
  kind: r.kind,
  ok: r.ok,
  summary: r.summary ?? null,
  error: r.error ?? null,
  actor: r.actor,
});

export function integrationView(
  kind: IntegrationKind,
  stored: StoredIntegration | undefined,
  programZone: string,
  env: Env,
  now: Date,
): IntegrationView {
  const config = stored?.config;
  const secretEnv = secretEnvOf(kind, config) ?? null;
  const hasSecret = stored?.hasSecret ?? false;
  const schedule = config && (kind === 'confluence' || kind === 'slack') ? (config as IntegrationConfigs['slack']).schedule : undefined;
  return {
    kind,
    config: config ?? null,
    hasSecret,
    secretEnv,
    secretSource: hasSecret ? 'stored' : secretEnv && env[secretEnv] ? 'env' : 'none',
    describe: config ? describeIntegration(kind, config) : null,
    schedule: schedule ? scheduleText(schedule, programZone, now) : null,
    updatedAt: stored ? stored.updatedAt.toISOString() : null,
    updatedBy: stored?.actor ?? null,
    results: (stored?.results ?? []).map(resultView),
  };
}

/** Every kind, configured or not, in a fixed order. */
export async function integrationViews(
  store: ProgramStore,
  programId: ProgramId,
  env: Env,
  now: Date,
): Promise<Result<IntegrationView[], SettingsError>> {
  const model = await store.readProgram(programId);
  if (!model) return err(noProgram(programId));
  const stored = await store.integrations.list(programId);
  const zone = model.program.calendar.timezone;
  return ok(
    INTEGRATION_KINDS.map((kind) =>
      integrationView(
        kind,
        stored.find((s) => s.kind === kind),
        zone,
        env,
        now,
      ),
    ),
  );
}

export async function oneIntegrationView(
  store: ProgramStore,
  programId: ProgramId,
  kind: IntegrationKind,
  env: Env,
  now: Date,
): Promise<Result<IntegrationView, SettingsError>> {
  const model = await store.readProgram(programId);
  if (!model) return err(noProgram(programId));
  return ok(integrationView(kind, await store.integrations.get(programId, kind), model.program.calendar.timezone, env, now));
}

const noProgram = (programId: string): SettingsError => ({ kind: 'no-program', message: `there is no program "${programId}"` });

/** Checks `body` against the kind's schema (the one `integrations.yaml` uses) and stores it. */
export async function saveIntegrationConfig(
  store: ProgramStore,
  programId: ProgramId,
  kind: IntegrationKind,
  body: unknown,
  meta: IntegrationMeta,
  env: Env,
): Promise<Result<IntegrationView, SettingsError>> {
  const parsed = INTEGRATION_SCHEMAS[kind].safeParse(body);
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error.issues);
    return err({
      kind: 'invalid',
      // The fields, not their messages: each message is in `errors`, shown at its field.
      message: `the ${kind} settings need fixing at ${[...new Set(errors.map((e) => e.field))].join(', ')}`,
      errors,
    });
  }
  const config = parsed.data as IntegrationConfig;
  if (kind === 'confluence' || kind === 'slack') {
    const zone = (config as IntegrationConfigs['slack']).schedule?.timeZone;
    if (zone !== undefined && !isTimeZone(zone)) {
      const message = `"${zone}" is not an IANA time zone; use a name such as "Europe/London", or leave it out for the program's zone`;
      return err({ kind: 'invalid', message, errors: [{ field: 'schedule.timeZone', message }] });
    }
  }
  if (!(await store.integrations.saveConfig(programId, kind, config as never, meta))) return err(noProgram(programId));
  return oneIntegrationView(store, programId, kind, env, meta.at);
}

export async function setIntegrationSecret(
  store: ProgramStore,
  programId: ProgramId,
  kind: IntegrationKind,
  secret: string | null,
  meta: IntegrationMeta,
): Promise<Result<true, SettingsError>> {
  return (await store.integrations.setSecret(programId, kind, secret, meta)) ? ok(true) : err(noProgram(programId));
}

export async function removeIntegration(
  store: ProgramStore,
  programId: ProgramId,
  kind: IntegrationKind,
): Promise<Result<true, SettingsError>> {
  if (await store.integrations.remove(programId, kind)) return ok(true);
  return err({ kind: 'not-configured', message: `${kind} is not configured for "${programId}"` });
}
