import { type FormEvent, useState } from 'react';
import { type ApiProblem, api, programPath } from '../../api/client';
import { DEPENDENCY_STATES, type Dependency, type Page, type Tagged } from '../../api/types';
import { useResource } from '../../api/use-resource';
import { StateBadge } from '../../components/badges';
import { ProblemBanner } from '../../components/feedback';
import { errorFor, Field } from '../../components/field';
import { itemHref } from '../../nav';
import { Link } from '../../router';
import { useToast } from '../../toasts';

const TYPES = ['FS', 'SS', 'FF', 'SF'] as const;
const TYPE_WORDS: Record<string, string> = { FS: 'finish → start', SS: 'start → start', FF: 'finish → finish', SF: 'start → finish' };

/** What the item waits on and what waits on it; an editor changes a link's state or note, adds or removes links. */
export function ItemDependencies({
  programId,
  itemId,
  titles,
  canEdit,
  version,
}: {
  programId: string;
  itemId: string;
  titles: Map<string, string>;
  canEdit: boolean;
  version: number;
}) {
  const deps = useResource<Page<'dependencies', Dependency>>(
    programPath(programId, 'dependencies'),
    { item: itemId, perPage: 1000 },
    version,
  );
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const toast = useToast();
  const all = deps.value?.dependencies ?? [];
  const before = all.filter((d) => d.value.to === itemId);
  const after = all.filter((d) => d.value.from === itemId);

  const patch = async (d: Tagged<Dependency>, change: Partial<Dependency>) => {
    setProblem(undefined);
    const r = await api.patch<Tagged<Dependency>>(programPath(programId, 'dependencies', d.value.from, d.value.to), change, d.etag);
    if (!r.ok) return setProblem(r.problem);
    toast('Dependency updated');
    deps.reload();
  };
  const remove = async (d: Tagged<Dependency>) => {
    if (!window.confirm(`Remove the dependency ${d.value.from} → ${d.value.to}?`)) return;
    const r = await api.delete(programPath(programId, 'dependencies', d.value.from, d.value.to), d.etag);
    if (!r.ok) return setProblem(r.problem);
    toast('Dependency removed');
    deps.reload();
  };

  const table = (rows: Tagged<Dependency>[], side: 'from' | 'to', label: string, empty: string) => (
    <div className="it-deps-block">
      <h3>{label}</h3>
      {rows.length === 0 ? (
        <p className="faint">{empty}</p>
      ) : (
        <table className="data it-deps" aria-label={label}>
          <thead>
            <tr>
              <th>Item</th>
              <th>Link</th>
              <th>State</th>
              <th>Note</th>
              {canEdit ? <th aria-label="Actions" /> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => {
              const other = d.value[side];
              return (
                <tr key={`${d.value.from}->${d.value.to}`}>
                  <td>
                    <Link href={itemHref(programId, other)}>{titles.get(other) ?? other}</Link>
                    <div className="faint mono it-id">{other}</div>
                  </td>
                  <td className="muted" title={TYPE_WORDS[d.value.type]}>
                    {d.value.type}
                    {d.value.lag ? ` ${d.value.lag > 0 ? '+' : ''}${d.value.lag} d` : ''}
                  </td>
                  <td>
                    {canEdit ? (
                      <select
                        aria-label={`State of ${d.value.from} → ${d.value.to}`}
                        value={d.value.state}
                        className={`it-state ${d.value.state}`}
                        onChange={(e) => void patch(d, { state: e.target.value as Dependency['state'] })}
                      >
                        {DEPENDENCY_STATES.map((s) => (
                          <option key={s} value={s}>
                            {s}
                          </option>
                        ))}
                      </select>
                    ) : (
                      <StateBadge value={d.value.state} />
                    )}
                  </td>
                  <td>
                    {canEdit ? (
                      <input
                        key={`${d.etag}`}
                        aria-label={`Note on ${d.value.from} → ${d.value.to}`}
                        defaultValue={d.value.note ?? ''}
                        placeholder="Add a note"
                        className="it-note"
                        onBlur={(e) => {
                          const note = e.target.value.trim();
                          if (note !== (d.value.note ?? '')) void patch(d, { note: (note || null) as string });
                        }}
                        onKeyDown={(e) => {
                          if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
                        }}
                      />
                    ) : (
                      <span className="muted">{d.value.note ?? ''}</span>
                    )}
                  </td>
                  {canEdit ? (
                    <td className="num">
                      <button
                        type="button"
                        className="btn ghost small"
                        aria-label={`Remove ${d.value.from} → ${d.value.to}`}
                        onClick={() => void remove(d)}
                      >
                        ✕
                      </button>
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );

  return (
    <section className="card" aria-labelledby="it-deps">
      <h2 id="it-deps">Dependencies</h2>
      {problem ? <ProblemBanner problem={problem} /> : null}
      {deps.state === 'error' && !deps.value ? <ProblemBanner problem={deps.problem} onRetry={deps.reload} /> : null}
      {table(before, 'from', 'Waits on', 'Nothing: it can start on its own.')}
      {table(after, 'to', 'Blocks', 'Nothing waits on it.')}
      {canEdit ? <AddDependency programId={programId} itemId={itemId} titles={titles} onAdded={deps.reload} /> : null}
    </section>
  );
}

function AddDependency({
  programId,
  itemId,
  titles,
  onAdded,
}: {
  programId: string;
  itemId: string;
  titles: Map<string, string>;
  onAdded: () => void;
}) {
  const [direction, setDirection] = useState<'waits-on' | 'blocks'>('waits-on');
  const [other, setOther] = useState('');
  const [type, setType] = useState<(typeof TYPES)[number]>('FS');
  const [state, setState] = useState<Dependency['state']>('requested');
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const [busy, setBusy] = useState(false);
  const toast = useToast();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblem(undefined);
    const body = direction === 'waits-on' ? { from: other, to: itemId, type, state } : { from: itemId, to: other, type, state };
    const r = await api.post(programPath(programId, 'dependencies'), body);
    setBusy(false);
    if (!r.ok) return setProblem(r.problem);
    toast('Dependency added');
    setOther('');
    onAdded();
  };
  const otherField = direction === 'waits-on' ? 'from' : 'to';
  const unmapped = problem && !errorFor(problem, otherField) && !errorFor(problem, 'state') && !errorFor(problem, 'type');
  return (
    <form className="it-add" onSubmit={(e) => void submit(e)} aria-label="Add a dependency">
      <h3>Add a dependency</h3>
      {unmapped ? <ProblemBanner problem={problem} /> : null}
      <div className="it-add-row">
        <Field label="This item">
          <select value={direction} onChange={(e) => setDirection(e.target.value as typeof direction)}>
            <option value="waits-on">waits on</option>
            <option value="blocks">blocks</option>
          </select>
        </Field>
        <Field label="Item" error={errorFor(problem, otherField)}>
          <input list="it-item-ids" value={other} onChange={(e) => setOther(e.target.value)} placeholder="item id" required />
        </Field>
        <Field label="Type" error={errorFor(problem, 'type')}>
          <select value={type} onChange={(e) => setType(e.target.value as typeof type)}>
            {TYPES.map((t) => (
              <option key={t} value={t}>
                {t} ({TYPE_WORDS[t]})
              </option>
            ))}
          </select>
        </Field>
        <Field label="State" error={errorFor(problem, 'state')}>
          <select value={state} onChange={(e) => setState(e.target.value as Dependency['state'])}>
            {DEPENDENCY_STATES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit" className="btn primary" disabled={busy || !other}>
          Add
        </button>
      </div>
      <datalist id="it-item-ids">
        {[...titles]
          .filter(([id]) => id !== itemId)
          .map(([id, title]) => (
            <option key={id} value={id}>
              {title}
            </option>
          ))}
      </datalist>
    </form>
  );
}
