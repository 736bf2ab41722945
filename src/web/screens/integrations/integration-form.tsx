import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { type ApiProblem, api, programPath } from '../../api/client';
import { ProblemBanner } from '../../components/feedback';
import { errorFor, Field } from '../../components/field';
import { type Integration, type IntegrationKind, KIND_NAMES } from './integration-types';

type Draft = Record<string, unknown>;

/** The value at a dotted path of the draft. */
function at(draft: Draft, path: string): unknown {
  let v: unknown = draft;
  for (const key of path.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
  return v;
}

/** A copy of the draft with the path set; undefined removes the key (the server fills defaults). */
function put(draft: Draft, path: string, value: unknown): Draft {
  const [head, ...rest] = path.split('.') as [string, ...string[]];
  const copy: Draft = { ...draft };
  if (rest.length === 0) {
    if (value === undefined) delete copy[head];
    else copy[head] = value;
    return copy;
  }
  const child = copy[head] && typeof copy[head] === 'object' ? (copy[head] as Draft) : {};
  copy[head] = put(child, rest.join('.'), value);
  return copy;
}

/** A number when the text is one; else the text, so the server names the field that is wrong. */
const numberOrText = (text: string): unknown => (text.trim() === '' ? undefined : Number.isFinite(Number(text)) ? Number(text) : text);
const text = (v: unknown) => (v === undefined || v === null ? '' : String(v));
const list = (s: string) =>
  s
    .split(/[\n,]/)
    .map((x) => x.trim())
    .filter(Boolean);

const TEMPLATES: Record<IntegrationKind, Draft> = {
  jira: { site: '', api: 'cloud', auth: { kind: 'basic', email: '', tokenEnv: 'JIRA_API_TOKEN' }, select: { jql: '' }, mapping: {} },
  github: { api: 'https://api.github.com', tokenEnv: 'GITHUB_TOKEN', select: { repos: [] }, mapping: {} },
  confluence: { site: '', email: '', tokenEnv: 'CONFLUENCE_API_TOKEN', space: '', title: '' },
  slack: { webhookEnv: 'SLACK_WEBHOOK_URL' },
};

const SECRET_LABEL: Record<IntegrationKind, string> = {
  jira: 'API token or personal access token',
  github: 'Personal access token',
  confluence: 'API token',
  slack: 'Incoming webhook URL',
};

const WEEK = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/**
 * The settings of one integration as a form over its integrations.yaml section: the common fields
 * structured, everything else kept as it was. The secret is write-only: empty keeps the stored one.
 */
export function IntegrationForm({
  programId,
  integration,
  programZone,
  onSaved,
  onCancel,
}: {
  programId: string;
  integration: Integration;
  programZone: string;
  onSaved: (message: string) => void;
  onCancel: () => void;
}) {
  const kind = integration.kind;
  const [draft, setDraft] = useState<Draft>(() => structuredClone(integration.config ?? TEMPLATES[kind]));
  const [secret, setSecret] = useState('');
  const [problem, setProblem] = useState<ApiProblem>();
  const [saving, setSaving] = useState(false);
  const top = useRef<HTMLDivElement>(null);
  // The form scrolls inside the dialog: bring the server's answer into view.
  useEffect(() => {
    if (problem) top.current?.scrollIntoView({ block: 'start' });
  }, [problem]);
  const set = (path: string, value: unknown) => setDraft((d) => put(d, path, value));
  const err = (path: string) => errorFor(problem, path);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaving(true);
    setProblem(undefined);
    const saved = await api.put<Integration>(programPath(programId, 'integrations', kind), draft);
    if (!saved.ok) {
      setSaving(false);
      setProblem(saved.problem);
      return;
    }
    if (secret.trim()) {
      const stored = await api.put<void>(programPath(programId, 'integrations', kind, 'secret'), { secret: secret.trim() });
      if (!stored.ok) {
        setSaving(false);
        setProblem(stored.problem);
        return;
      }
    }
    setSaving(false);
    onSaved(`${KIND_NAMES[kind]} settings saved${secret.trim() ? ', secret stored' : ''}`);
  }

  const input = (label: string, path: string, props: { placeholder?: string; hint?: string; type?: string; full?: boolean } = {}) => (
    <Field label={label} error={err(path)} {...(props.hint ? { hint: props.hint } : {})} {...(props.full ? { full: true } : {})}>
      <input
        type={props.type ?? 'text'}
        value={text(at(draft, path))}
        placeholder={props.placeholder}
        onChange={(e) => set(path, props.type === 'number' ? numberOrText(e.target.value) : e.target.value || undefined)}
      />
    </Field>
  );
  const choice = (label: string, path: string, options: [string, string][], fallback: string) => (
    <Field label={label} error={err(path)}>
      <select value={text(at(draft, path)) || fallback} onChange={(e) => set(path, e.target.value)}>
        {options.map(([value, name]) => (
          <option key={value} value={value}>
            {name}
          </option>
        ))}
      </select>
    </Field>
  );

  return (
    <form className="intg-form" onSubmit={submit} aria-label={`${KIND_NAMES[kind]} settings`}>
      <div ref={top}>{problem ? <ProblemBanner problem={problem} /> : null}</div>
      {kind === 'jira' ? <JiraFields draft={draft} set={set} input={input} choice={choice} err={err} /> : null}
      {kind === 'github' ? <GithubFields draft={draft} set={set} input={input} choice={choice} err={err} /> : null}
      {kind === 'confluence' ? (
        <Section title="Page">
          <div className="form-grid">
            {input('Site', 'site', { placeholder: 'https://acme.atlassian.net' })}
            {input('Account e-mail', 'email', { placeholder: 'you@acme.com' })}
            {input('Space key', 'space', { placeholder: 'PROG', hint: 'In the space URL: /wiki/spaces/KEY' })}
            {input('Page title', 'title', { placeholder: 'Checkout program status' })}
            {input('Parent page id', 'parent', { hint: 'Optional: where a new page goes' })}
            {input('Token variable on the server', 'tokenEnv', { hint: 'Used when no token is stored here' })}
          </div>
        </Section>
      ) : null}
      {kind === 'slack' ? (
        <Section title="Webhook">
          <div className="form-grid">
            {input('Webhook variable on the server', 'webhookEnv', { hint: 'Used when no webhook URL is stored here' })}
          </div>
        </Section>
      ) : null}
      {kind === 'confluence' || kind === 'slack' ? <ScheduleFields draft={draft} set={set} err={err} programZone={programZone} /> : null}
      <Section title="Secret">
        <Field
          label={SECRET_LABEL[kind]}
          error={err('secret')}
          hint={
            integration.hasSecret
              ? 'One is stored. Leave empty to keep it; it is never shown again.'
              : `Kept on the server, never shown again. Without one, runs use ${text(at(draft, kind === 'jira' ? 'auth.tokenEnv' : kind === 'slack' ? 'webhookEnv' : 'tokenEnv')) || 'the variable above'}.`
          }
        >
          <input
            type="password"
            autoComplete="off"
            value={secret}
            placeholder={integration.hasSecret ? '••••••••  (stored)' : ''}
            onChange={(e) => setSecret(e.target.value)}
          />
        </Field>
      </Section>
      <div className="row intg-form-foot">
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="btn primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save settings'}
        </button>
      </div>
    </form>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="intg-section">
      <legend>{title}</legend>
      {children}
    </fieldset>
  );
}

interface FieldsProps {
  draft: Draft;
  set: (path: string, value: unknown) => void;
  input: (label: string, path: string, props?: { placeholder?: string; hint?: string; type?: string; full?: boolean }) => ReactNode;
  choice: (label: string, path: string, options: [string, string][], fallback: string) => ReactNode;
  err: (path: string) => string | undefined;
}

/** One segmented control: which of a union's shapes the draft is in. */
function Seg({
  label,
  options,
  value,
  onChange,
}: {
  label: string;
  options: [string, string][];
  value: string;
  onChange: (v: string) => void;
}) {
  return (
    <fieldset className="seg intg-seg" aria-label={label}>
      {options.map(([v, name]) => (
        <button key={v} type="button" aria-pressed={value === v} onClick={() => onChange(v)}>
          {name}
        </button>
      ))}
    </fieldset>
  );
}

function linksText(links: unknown): string {
  if (!links || typeof links !== 'object') return 'Blocks: FS';
  return Object.entries(links as Record<string, string>)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
}
function linksValue(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of s.split('\n')) {
    const i = line.lastIndexOf(':');
    if (i > 0) out[line.slice(0, i).trim()] = line.slice(i + 1).trim();
  }
  return out;
}

function JiraFields({ draft, set, input, choice, err }: FieldsProps) {
  const select = (at(draft, 'select') ?? {}) as Draft;
  const mode = 'epics' in select ? 'epics' : 'board' in select ? 'board' : 'jql';
  const auth = text(at(draft, 'auth.kind')) || 'basic';
  const team = text(at(draft, 'mapping.team.from'));
  const estimate = text(at(draft, 'mapping.estimate.from'));
  const [links, setLinks] = useState(() => linksText(at(draft, 'mapping.links')));
  return (
    <>
      <Section title="Site and sign-in">
        <div className="form-grid">
          {input('Site', 'site', { placeholder: 'https://acme.atlassian.net' })}
          {choice(
            'Jira',
            'api',
            [
              ['cloud', 'Cloud (REST v3)'],
              ['data-center', 'Data Center (REST v2)'],
            ],
            'cloud',
          )}
          {choice(
            'Sign in with',
            'auth.kind',
            [
              ['basic', 'E-mail and API token'],
              ['bearer', 'Personal access token'],
            ],
            'basic',
          )}
          {auth === 'basic' ? input('Account e-mail', 'auth.email', { placeholder: 'you@acme.com' }) : <span />}
          {input('Token variable on the server', 'auth.tokenEnv', { hint: 'Used when no token is stored here' })}
        </div>
      </Section>
      <Section title="What to bring in">
        <div className="stack">
          <Seg
            label="Selection"
            value={mode}
            options={[
              ['jql', 'JQL query'],
              ['board', 'Board'],
              ['epics', 'Epics'],
            ]}
            onChange={(m) => set('select', m === 'jql' ? { jql: '' } : m === 'board' ? { board: undefined } : { epics: [] })}
          />
          {mode === 'jql' ? (
            <Field label="JQL" error={err('select')}>
              <textarea
                rows={2}
                value={text(select.jql)}
                placeholder="project = NET AND fixVersion = 2027.1"
                onChange={(e) => set('select', { jql: e.target.value })}
              />
            </Field>
          ) : null}
          {mode === 'board' ? (
            <div className="form-grid">
              {input('Board id', 'select.board', { type: 'number', placeholder: '84', hint: 'In the board URL: /boards/84' })}
              {input('Narrow with JQL', 'select.jql', { hint: 'Optional' })}
            </div>
          ) : null}
          {mode === 'epics' ? (
            <Field label="Epic keys" error={err('select')} hint="Comma-separated, e.g. NET-1, NET-7">
              <input
                value={((select.epics as string[]) ?? []).join(', ')}
                onChange={(e) => set('select', { epics: list(e.target.value) })}
              />
            </Field>
          ) : null}
        </div>
      </Section>
      <Section title="Mapping">
        <div className="form-grid">
          {choice(
            'Epics become',
            'mapping.epics',
            [
              ['workstreams', 'Workstreams'],
              ['parents', 'Parent items'],
            ],
            'workstreams',
          )}
          {choice(
            'Fix versions become',
            'mapping.fixVersions',
            [
              ['milestones', 'Milestones'],
              ['ignore', 'Nothing'],
            ],
            'milestones',
          )}
          <Field label="Team from" error={err('mapping.team')}>
            <select value={team} onChange={(e) => set('mapping.team', e.target.value ? { from: e.target.value } : undefined)}>
              <option value="">No team</option>
              <option value="component">Component</option>
              <option value="project">Project</option>
              <option value="label">Label</option>
              <option value="field">A field</option>
            </select>
          </Field>
          {team === 'field' ? (
            input('Team field id', 'mapping.team.field', { placeholder: 'customfield_10001' })
          ) : team === 'label' ? (
            input('Team label prefix', 'mapping.team.prefix', { placeholder: 'team-' })
          ) : (
            <span />
          )}
          <Field label="Estimate from" error={err('mapping.estimate')}>
            <select value={estimate} onChange={(e) => set('mapping.estimate', e.target.value ? { from: e.target.value } : undefined)}>
              <option value="">No estimate</option>
              <option value="story-points">Story points</option>
              <option value="original-estimate">Original estimate</option>
              <option value="field">A number field</option>
            </select>
          </Field>
          {estimate === 'original-estimate' ? (
            input('Hours per working day', 'mapping.estimate.hoursPerDay', { type: 'number', placeholder: '8' })
          ) : estimate ? (
            input('Days per point (default)', 'mapping.estimate.pointsToDays.default', { type: 'number', placeholder: '1' })
          ) : (
            <span />
          )}
          {estimate === 'story-points' || estimate === 'field'
            ? input('Points field id', 'mapping.estimate.field', { placeholder: 'customfield_10016' })
            : null}
          <Field
            label="Issue links → dependencies"
            error={err('mapping.links')}
            hint="One per line: link type: FS, SS, FF, SF or ignore"
            full
          >
            <textarea
              rows={3}
              value={links}
              onChange={(e) => {
                setLinks(e.target.value);
                set('mapping.links', linksValue(e.target.value));
              }}
            />
          </Field>
          <label className="row intg-check full">
            <input
              type="checkbox"
              checked={at(draft, 'mapping.changelog') !== false}
              onChange={(e) => set('mapping.changelog', e.target.checked)}
            />
            Bring each issue's changelog into the item history
          </label>
        </div>
      </Section>
    </>
  );
}

function GithubFields({ draft, set, input, err }: FieldsProps) {
  const select = (at(draft, 'select') ?? {}) as Draft;
  const mode = 'project' in select ? 'project' : 'repos';
  const team = text(at(draft, 'mapping.team.from'));
  const estimate = text(at(draft, 'mapping.estimate.from'));
  const [repos, setRepos] = useState(() => ((select.repos as string[]) ?? []).join(', '));
  return (
    <>
      <Section title="Server and sign-in">
        <div className="form-grid">
          {input('API', 'api', { hint: 'https://api.github.com, or https://ghe.example.com/api' })}
          {input('Token variable on the server', 'tokenEnv', { hint: 'Used when no token is stored here' })}
        </div>
      </Section>
      <Section title="What to bring in">
        <div className="stack">
          <Seg
            label="Selection"
            value={mode}
            options={[
              ['repos', 'Repositories'],
              ['project', 'Projects board'],
            ]}
            onChange={(m) => set('select', m === 'repos' ? { repos: list(repos) } : { project: { owner: '', number: undefined } })}
          />
          {mode === 'repos' ? (
            <Field label="Repositories" error={err('select')} hint="owner/name, comma-separated">
              <input
                value={repos}
                placeholder="octo/api, octo/web"
                onChange={(e) => {
                  setRepos(e.target.value);
                  set('select', { repos: list(e.target.value) });
                }}
              />
            </Field>
          ) : (
            <div className="form-grid">
              {input('Owner (user or organization)', 'select.project.owner', { placeholder: 'octo' })}
              {input('Project number', 'select.project.number', { type: 'number', placeholder: '5', hint: 'In the URL: /projects/5' })}
            </div>
          )}
        </div>
      </Section>
      <Section title="Mapping">
        <div className="form-grid">
          <Field label="Team from" error={err('mapping.team')}>
            <select value={team} onChange={(e) => set('mapping.team', e.target.value ? { from: e.target.value } : undefined)}>
              <option value="">No team</option>
              <option value="label">Label</option>
              <option value="field">Project field</option>
              <option value="repo">Repository</option>
            </select>
          </Field>
          {team === 'label' ? (
            input('Team label prefix', 'mapping.team.prefix', { placeholder: 'team:' })
          ) : team === 'field' ? (
            input('Team field name', 'mapping.team.field', { placeholder: 'Team' })
          ) : (
            <span />
          )}
          <Field label="Estimate from" error={err('mapping.estimate')}>
            <select value={estimate} onChange={(e) => set('mapping.estimate', e.target.value ? { from: e.target.value } : undefined)}>
              <option value="">No estimate</option>
              <option value="field">Project number field</option>
              <option value="label">Label</option>
            </select>
          </Field>
          {estimate === 'field' ? (
            input('Estimate field name', 'mapping.estimate.field', { placeholder: 'Estimate' })
          ) : estimate === 'label' ? (
            input('Estimate label prefix', 'mapping.estimate.prefix', { placeholder: 'estimate:' })
          ) : (
            <span />
          )}
          {estimate
            ? input('Days per point (default)', 'mapping.estimate.pointsToDays.default', { type: 'number', placeholder: '1' })
            : null}
        </div>
      </Section>
    </>
  );
}

function ScheduleFields({
  draft,
  set,
  err,
  programZone,
}: {
  draft: Draft;
  set: (path: string, value: unknown) => void;
  err: (path: string) => string | undefined;
  programZone: string;
}) {
  const schedule = at(draft, 'schedule') as Draft | undefined;
  return (
    <Section title="Schedule">
      <label className="row intg-check">
        <input
          type="checkbox"
          checked={schedule !== undefined}
          onChange={(e) => set('schedule', e.target.checked ? { every: 'friday', at: '15:00' } : undefined)}
        />
        Publish automatically
      </label>
      {schedule ? (
        <div className="form-grid">
          <Field label="Every" error={err('schedule.every')}>
            <select value={text(schedule.every)} onChange={(e) => set('schedule.every', e.target.value)}>
              {WEEK.map((d) => (
                <option key={d} value={d}>
                  {d.charAt(0).toUpperCase() + d.slice(1)}
                </option>
              ))}
              <option value="weekdays">Weekday (Monday to Friday)</option>
              <option value="day">Day</option>
            </select>
          </Field>
          <Field label="At" error={err('schedule.at')}>
            <input type="time" value={text(schedule.at)} onChange={(e) => set('schedule.at', e.target.value)} />
          </Field>
          <Field label="Time zone" error={err('schedule.timeZone')} hint={`Empty: the program's (${programZone})`} full>
            <input
              value={text(schedule.timeZone)}
              placeholder={programZone}
              onChange={(e) => set('schedule.timeZone', e.target.value || undefined)}
            />
          </Field>
        </div>
      ) : null}
    </Section>
  );
}
