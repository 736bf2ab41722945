import { type FormEvent, useEffect, useState } from 'react';
import { type ApiProblem, api, programPath } from '../../api/client';
import type { ProgramListing, Role } from '../../api/types';
import { useResource } from '../../api/use-resource';
import { Loaded, ProblemBanner } from '../../components/feedback';
import { errorFor, Field } from '../../components/field';
import { useToast } from '../../toasts';
import type { User } from './users-card';

const ROLES: readonly Role[] = ['viewer', 'editor', 'admin'];
const ROLE_WORDS: Record<Role, string> = {
  viewer: 'reads the program',
  editor: 'edits the plan',
  admin: 'edits and gives roles',
};

/** Who holds which role on a program; a site admin grants, changes or takes roles. */
export function ProgramRoles({ users }: { users: User[] }) {
  const programs = useResource<{ programs: ProgramListing[] }>('/api/programs');
  const [programId, setProgramId] = useState('');
  useEffect(() => {
    if (!programId && programs.value?.programs[0]) setProgramId(programs.value.programs[0].id);
  }, [programs.value, programId]);
  const [tick, setTick] = useState(0);
  const members = useResource<{ members: { login: string; name: string; role: Role }[] }>(
    programId ? programPath(programId, 'members') : undefined,
    undefined,
    tick,
  );
  const [login, setLogin] = useState('');
  const [role, setRole] = useState<Role>('editor');
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const toast = useToast();

  const setMember = async (who: string, to: Role | null) => {
    setProblem(undefined);
    const r = await api.put(programPath(programId, 'members', who), { role: to });
    if (!r.ok) return setProblem(r.problem);
    toast(to ? `${who} is now ${to} on ${programId}` : `${who} no longer has a role on ${programId}`);
    setTick((t) => t + 1);
  };
  const grant = (e: FormEvent) => {
    e.preventDefault();
    if (login) void setMember(login.trim(), role);
  };

  return (
    <section className="card" aria-labelledby="us-roles">
      <div className="us-head">
        <h2 id="us-roles">Program roles</h2>
        <select aria-label="Program for roles" value={programId} onChange={(e) => setProgramId(e.target.value)}>
          {(programs.value?.programs ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      {problem && !errorFor(problem, 'login') ? <ProblemBanner problem={problem} /> : null}
      {programId ? (
        <Loaded resource={members}>
          {({ members: list }) => (
            <table className="data us-table" aria-label="Members">
              <thead>
                <tr>
                  <th>Member</th>
                  <th>Role</th>
                  <th aria-label="Actions" />
                </tr>
              </thead>
              <tbody>
                {list.map((m) => (
                  <tr key={m.login}>
                    <td>
                      {m.name} <span className="faint mono">{m.login}</span>
                    </td>
                    <td>
                      <select
                        aria-label={`Role of ${m.login}`}
                        value={m.role}
                        onChange={(e) => void setMember(m.login, e.target.value as Role)}
                      >
                        {ROLES.map((r) => (
                          <option key={r} value={r}>
                            {r}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td className="num">
                      <button
                        type="button"
                        className="btn ghost small"
                        onClick={() => void setMember(m.login, null)}
                        aria-label={`Remove ${m.login}`}
                      >
                        Remove
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Loaded>
      ) : (
        <p className="muted">No programs yet.</p>
      )}
      <form className="us-form" onSubmit={grant} aria-label="Grant a role">
        <h3>Grant a role</h3>
        <div className="us-grant">
          <Field label="User" error={errorFor(problem, 'login')}>
            <select value={login} onChange={(e) => setLogin(e.target.value)}>
              <option value="">Choose…</option>
              {users.map((u) => (
                <option key={u.login} value={u.login}>
                  {u.name} ({u.login})
                </option>
              ))}
            </select>
          </Field>
          <Field label="Role" hint={ROLE_WORDS[role]}>
            <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </Field>
          <button type="submit" className="btn primary" disabled={!login || !programId}>
            Grant
          </button>
        </div>
      </form>
    </section>
  );
}
