import { type FormEvent, useState } from 'react';
import { Field } from '../../components/field';
import type { ScenarioChange } from './scenario-types';

const KINDS = [
  ['estimate', 'Re-estimate an item'],
  ['capacity', "Change a team's capacity"],
  ['sequence', 'Make an item wait for another'],
  ['add-item', 'Add new work'],
  ['remove-item', 'Drop an item'],
  ['add-dependency', 'Add a dependency'],
  ['remove-dependency', 'Remove a dependency'],
] as const;
type Kind = (typeof KINDS)[number][0];

const num = (t: string) => (t.trim() === '' ? Number.NaN : Number(t));

/** `5` → { days: 5 }; `3/5/10` → three points; anything else as typed, so the server names what is wrong. */
function estimateOf(item: string, text: string): ScenarioChange {
  const parts = text.split('/').map((p) => p.trim());
  if (parts.length === 3) {
    const [optimistic, likely, pessimistic] = parts.map(Number) as [number, number, number];
    return { estimate: { item, optimistic, likely, pessimistic } };
  }
  return { estimate: { item, days: num(text) } };
}

/**
 * A friendly form for one change of a scenario: pick what to change, fill in its few fields, add it.
 * Item and team fields suggest the program's own ids. The server checks the whole scenario.
 */
export function ChangeBuilder({
  items,
  teams,
  onAdd,
}: {
  items: readonly { id: string; title: string }[];
  teams: readonly { id: string; name: string; capacity: number }[];
  onAdd: (change: ScenarioChange) => void;
}) {
  const [kind, setKind] = useState<Kind>('estimate');
  const [f, setF] = useState<Record<string, string>>({ type: 'FS' });
  const set = (name: string) => (e: { target: { value: string } }) => setF((d) => ({ ...d, [name]: e.target.value }));
  const v = (name: string) => f[name] ?? '';
  const itemInput = (name: string, label: string) => (
    <Field label={label}>
      <input list="sc-item-ids" value={v(name)} onChange={set(name)} placeholder="item id, e.g. db-06" />
    </Field>
  );

  const build = (): ScenarioChange => {
    switch (kind) {
      case 'estimate':
        return estimateOf(v('item'), v('days'));
      case 'capacity':
        return {
          capacity: {
            team: v('team'),
            people: num(v('people')),
            ...(v('from') ? { from: v('from') } : {}),
            ...(v('to') ? { to: v('to') } : {}),
          },
        };
      case 'sequence':
        return { sequence: { first: v('first'), next: v('next') } };
      case 'add-item':
        return {
          'add-item': {
            id: v('id'),
            title: v('title'),
            ...(v('team') ? { team: v('team') } : {}),
            ...(v('days') ? { estimate: num(v('days')) } : {}),
            dependsOn: v('dependsOn')
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean),
          },
        };
      case 'remove-item':
        return { 'remove-item': v('item') };
      case 'add-dependency':
        return { 'add-dependency': { from: v('from'), to: v('to'), type: (v('type') || 'FS') as 'FS', lag: v('lag') ? num(v('lag')) : 0 } };
      default:
        return { 'remove-dependency': { from: v('from'), to: v('to') } };
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onAdd(build());
    setF({ type: 'FS' });
  };
  const team = teams.find((t) => t.id === v('team'));

  return (
    <form className="sc-builder" onSubmit={submit} aria-label="Add a change">
      <datalist id="sc-item-ids">
        {items.map((i) => (
          <option key={i.id} value={i.id}>
            {i.title}
          </option>
        ))}
      </datalist>
      <div className="form-grid">
        <Field label="Change" full>
          <select value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            {KINDS.map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        {kind === 'estimate' ? (
          <>
            {itemInput('item', 'Item')}
            <Field label="New estimate (working days)" hint="one figure, or optimistic/likely/pessimistic as 15/20/30">
              <input value={v('days')} onChange={set('days')} inputMode="decimal" />
            </Field>
          </>
        ) : null}
        {kind === 'capacity' ? (
          <>
            <Field label="Team" {...(team ? { hint: `now ${team.capacity} people` } : {})}>
              <select value={v('team')} onChange={set('team')}>
                <option value="">—</option>
                {teams.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="People">
              <input type="number" min={0} step="any" value={v('people')} onChange={set('people')} />
            </Field>
            <Field label="From (optional)" hint="for a period only, e.g. a hiring gap">
              <input type="date" value={v('from')} onChange={set('from')} />
            </Field>
            <Field label="To (optional)">
              <input type="date" value={v('to')} onChange={set('to')} />
            </Field>
          </>
        ) : null}
        {kind === 'sequence' ? (
          <>
            {itemInput('first', 'First')}
            {itemInput('next', 'Then')}
          </>
        ) : null}
        {kind === 'add-item' ? (
          <>
            <Field label="New item id">
              <input value={v('id')} onChange={set('id')} placeholder="e.g. db-contractor-onboarding" />
            </Field>
            <Field label="Title">
              <input value={v('title')} onChange={set('title')} />
            </Field>
            <Field label="Team">
              <select value={v('team')} onChange={set('team')}>
                <option value="">—</option>
                {teams.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="Estimate (working days)">
              <input type="number" min={0} step="any" value={v('days')} onChange={set('days')} />
            </Field>
            <Field label="Depends on" hint="item ids, comma-separated" full>
              <input value={v('dependsOn')} onChange={set('dependsOn')} />
            </Field>
          </>
        ) : null}
        {kind === 'remove-item' ? itemInput('item', 'Item') : null}
        {kind === 'add-dependency' || kind === 'remove-dependency' ? (
          <>
            {itemInput('from', 'Predecessor (from)')}
            {itemInput('to', 'Waits on it (to)')}
          </>
        ) : null}
        {kind === 'add-dependency' ? (
          <>
            <Field label="Link type">
              <select value={v('type')} onChange={set('type')}>
                {['FS', 'SS', 'FF', 'SF'].map((t) => (
                  <option key={t} value={t}>
                    {t}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="Lag (working days)">
              <input type="number" step="any" value={v('lag')} onChange={set('lag')} />
            </Field>
          </>
        ) : null}
      </div>
      <div className="row" style={{ justifyContent: 'flex-end' }}>
        <button type="submit" className="btn">
          Add change
        </button>
      </div>
    </form>
  );
}
