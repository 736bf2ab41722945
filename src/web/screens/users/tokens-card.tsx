import { type FormEvent, useState } from 'react';
import { type ApiProblem, api } from '../../api/client';
import { useResource } from '../../api/use-resource';
import { Empty, Loaded, ProblemBanner } from '../../components/feedback';
import { errorFor, Field } from '../../components/field';
import { useToast } from '../../toasts';

interface Token {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

const when = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString('en-US', { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }) : 'never';

/** The caller's API tokens: issue one (its secret is shown once), see when each was last used, revoke. */
export function TokensCard() {
  const tokens = useResource<{ tokens: Token[] }>('/api/tokens');
  const [name, setName] = useState('');
  const [issued, setIssued] = useState<{ name: string; token: string } | undefined>();
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const [busy, setBusy] = useState(false);
  const toast = useToast();

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblem(undefined);
    const r = await api.post<{ id: string; name: string; token: string }>('/api/tokens', { name: name.trim() });
    setBusy(false);
    if (!r.ok) return setProblem(r.problem);
    setIssued({ name: r.value.name, token: r.value.token });
    setName('');
    tokens.reload();
  };
  const revoke = async (t: Token) => {
    if (!window.confirm(`Revoke "${t.name}"? Anything using it stops working at once.`)) return;
    const r = await api.delete(`/api/tokens/${encodeURIComponent(t.id)}`);
    if (!r.ok) return setProblem(r.problem);
    toast(`Token "${t.name}" revoked`);
    tokens.reload();
  };
  const copy = async () => {
    if (!issued) return;
    await navigator.clipboard.writeText(issued.token);
    toast('Token copied');
  };

  return (
    <section className="card us-tokens" aria-labelledby="us-tokens">
      <h2 id="us-tokens">Your API tokens</h2>
      <p className="muted us-lead">
        Send a token as <code>Authorization: Bearer …</code>. It acts as you, with your roles.
      </p>
      {issued ? (
        <div className="us-secret" role="status" aria-label="New token">
          <div>
            <strong>Copy the token “{issued.name}” now.</strong> This is the only time it is shown: Throughline keeps only a hash of it.
          </div>
          <div className="row">
            <code className="us-secret-value" data-testid="token-secret">
              {issued.token}
            </code>
            <button type="button" className="btn small" onClick={() => void copy()}>
              Copy
            </button>
            <button type="button" className="btn small ghost" onClick={() => setIssued(undefined)}>
              Done
            </button>
          </div>
        </div>
      ) : null}
      {problem && !errorFor(problem, 'name') ? <ProblemBanner problem={problem} /> : null}
      <form className="us-token-form" onSubmit={(e) => void create(e)} aria-label="New token" noValidate>
        <Field label="Token name" error={errorFor(problem, 'name')} hint='what uses it, e.g. "CI" or "Jira sync"'>
          <input value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <button type="submit" className="btn primary" disabled={busy}>
          Create token
        </button>
      </form>
      <Loaded resource={tokens}>
        {({ tokens: list }) =>
          list.length === 0 ? (
            <Empty>No tokens yet.</Empty>
          ) : (
            <table className="data us-table" aria-label="Tokens">
              <thead>
                <tr>
                  <th>Name</th>
                  <th>Created</th>
                  <th>Last used</th>
                  <th aria-label="Actions" />
                </tr>
              </thead>
              <tbody>
                {list.map((t) => (
                  <tr key={t.id}>
                    <td>
                      <strong>{t.name}</strong>
                    </td>
                    <td className="muted">{when(t.createdAt)}</td>
                    <td className={t.lastUsedAt ? '' : 'faint'}>{when(t.lastUsedAt)}</td>
                    <td className="num">
                      <button type="button" className="btn small danger" onClick={() => void revoke(t)}>
                        Revoke
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Loaded>
    </section>
  );
}
