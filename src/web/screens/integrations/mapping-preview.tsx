import type { ApiProblem } from '../../api/client';
import { ProblemBanner } from '../../components/feedback';
import { type IntegrationKind, KIND_NAMES, type Preview } from './integration-types';

const ACTION_TONE = { create: 'accent', update: 'amber', unchanged: '' } as const;
const ACTION_WORD = { create: 'new', update: 'changes', unchanged: 'same' } as const;

/** The first page of the selection, mapped as a sync would map it, with what the sync would do. */
export function MappingPreview({
  kind,
  value,
  problem,
  loading,
  onClose,
}: {
  kind: IntegrationKind;
  value?: Preview | undefined;
  problem?: ApiProblem | undefined;
  loading?: boolean | undefined;
  onClose: () => void;
}) {
  const s = value?.summary;
  return (
    <section className="card intg-preview" aria-label={`${KIND_NAMES[kind]} mapping preview`}>
      <div className="intg-head">
        <div>
          <h2>Mapping preview · {KIND_NAMES[kind]}</h2>
          <div className="faint intg-role">
            {value
              ? `The first ${value.rows.length} issues of ${value.describe}, as a sync would map them. Nothing is written.`
              : 'Reading the first page of the selection…'}
          </div>
        </div>
        <button type="button" className="btn small ghost" onClick={onClose}>
          Close preview
        </button>
      </div>
      {loading ? <div className="progress" role="progressbar" aria-label="Reading the selection" /> : null}
      {problem ? <ProblemBanner problem={problem} /> : null}
      {value && s ? (
        <>
          <div className="row intg-preview-counts">
            <Count label="Would create" value={s.created.length} />
            <Count label="Would update" value={s.updated.length} />
            <Count label="Unchanged" value={s.unchanged} />
            <Count label="New teams" value={s.teamsCreated.length} />
            <Count label="New workstreams" value={s.workstreamsCreated.length} />
            <Count label="Dependencies" value={s.dependencies.added} />
          </div>
          {s.teamsCreated.length ? (
            <p className="muted intg-note">
              Teams the program does not have yet: {[...s.teamsCreated].sort().join(', ')} — map tracker values to your team ids in the
              settings if these are the same teams under other names.
            </p>
          ) : null}
          <div className="intg-table-wrap">
            <table className="data intg-preview-table">
              <thead>
                <tr>
                  <th>Key</th>
                  <th>Title</th>
                  <th>Team</th>
                  <th className="num">Estimate</th>
                  <th>State</th>
                  <th>Parent / workstream</th>
                  <th className="num">Deps</th>
                  <th>Sync</th>
                </tr>
              </thead>
              <tbody>
                {value.rows.map((r) => (
                  <tr key={r.key}>
                    <td className="intg-key">
                      {r.url ? (
                        <a href={r.url} target="_blank" rel="noreferrer">
                          {r.key}
                        </a>
                      ) : (
                        r.key
                      )}
                      {r.id !== r.key ? <div className="faint">{r.id}</div> : null}
                    </td>
                    <td>
                      {r.title ?? <span className="faint">—</span>}
                      {r.kind && r.kind !== 'task' ? <span className="badge intg-kind">{r.kind}</span> : null}
                    </td>
                    <td className="intg-nowrap">{r.team ?? <span className="intg-warn">none</span>}</td>
                    <td className="num">{r.estimate === null ? <span className="faint">—</span> : `${r.estimate} d`}</td>
                    <td className="intg-nowrap">{r.state ?? '—'}</td>
                    <td className="intg-nowrap">{r.parent ?? r.workstream ?? <span className="faint">—</span>}</td>
                    <td className="num">{r.dependencies || ''}</td>
                    <td>
                      <span className={`badge ${ACTION_TONE[r.action]}`}>{ACTION_WORD[r.action]}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}

function Count({ label, value }: { label: string; value: number }) {
  return (
    <div className="stat intg-count">
      <span className="label">{label}</span>
      <span className="value">{value.toLocaleString('en')}</span>
    </div>
  );
}
