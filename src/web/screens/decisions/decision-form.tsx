import { type FormEvent, useState } from 'react';
import { type ApiProblem, api, programPath } from '../../api/client';
import type { Decision, Tagged } from '../../api/types';
import { ProblemBanner } from '../../components/feedback';
import { errorFor, Field } from '../../components/field';

/** A readable id from the title (`dec-vendor-choice`), unique among the program's decisions. */
function idFor(title: string, taken: Set<string>): string {
  const base = `dec-${
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .split('-')
      .slice(0, 4)
      .join('-') || 'decision'
  }`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** Creates a decision: its question, the context, the options (one per line), the date it is needed by, and the work that waits. */
export function DecisionForm({
  programId,
  existing,
  titles,
  onSaved,
  onCancel,
}: {
  programId: string;
  existing: Set<string>;
  titles: Map<string, string>;
  onSaved: (d: Tagged<Decision>) => void;
  onCancel: () => void;
}) {
  const [title, setTitle] = useState('');
  const [context, setContext] = useState('');
  const [options, setOptions] = useState('');
  const [needBy, setNeedBy] = useState('');
  const [items, setItems] = useState('');
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblem(undefined);
    const body = {
      id: idFor(title, existing),
      title: title.trim(),
      ...(context.trim() ? { context: context.trim() } : {}),
      options: options
        .split('\n')
        .map((o) => o.trim())
        .filter(Boolean)
        .map((o, i) => ({ id: String.fromCharCode(97 + i), title: o })),
      ...(needBy ? { needBy } : {}),
      items: items
        .split(',')
        .map((i) => i.trim())
        .filter(Boolean),
    };
    const r = await api.post<Tagged<Decision>>(programPath(programId, 'decisions'), body);
    setBusy(false);
    if (!r.ok) return setProblem(r.problem);
    onSaved(r.value);
  };

  const shownOn = ['title', 'context', 'options', 'needBy', 'items'];
  const unmapped =
    problem &&
    (problem.errors.length === 0 || problem.errors.some((x) => !shownOn.some((f) => x.field === f || x.field.startsWith(`${f}.`))));
  return (
    <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
      {unmapped ? <ProblemBanner problem={problem} /> : null}
      <Field label="Decision" error={errorFor(problem, 'title')} hint="the question, e.g. Which fraud vendor do we launch with?">
        <input value={title} onChange={(e) => setTitle(e.target.value)} />
      </Field>
      <Field label="Context" error={errorFor(problem, 'context')}>
        <textarea rows={3} value={context} onChange={(e) => setContext(e.target.value)} />
      </Field>
      <Field label="Options" error={errorFor(problem, 'options')} hint="one per line">
        <textarea rows={3} value={options} onChange={(e) => setOptions(e.target.value)} />
      </Field>
      <div className="form-grid">
        <Field label="Needed by" error={errorFor(problem, 'needBy')}>
          <input type="date" value={needBy} onChange={(e) => setNeedBy(e.target.value)} />
        </Field>
        <Field label="Items waiting on it" error={errorFor(problem, 'items')} hint="item ids, comma-separated">
          <input list="dc-item-ids" value={items} onChange={(e) => setItems(e.target.value)} />
        </Field>
      </div>
      <datalist id="dc-item-ids">
        {[...titles].map(([id, t]) => (
          <option key={id} value={id}>
            {t}
          </option>
        ))}
      </datalist>
      <div className="row" style={{ justifyContent: 'flex-end' }}>
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="btn primary" disabled={busy}>
          {busy ? <span className="spinner" /> : null} Create decision
        </button>
      </div>
    </form>
  );
}
