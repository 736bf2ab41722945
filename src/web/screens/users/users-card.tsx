import { type FormEvent, useState } from 'react';
import { type ApiProblem, api } from '../../api/client';
import type { Resource } from '../../api/use-resource';
import { Loaded, ProblemBanner } from '../../components/feedback';
import { errorFor, Field } from '../../components/field';
import { useToast } from '../../toasts';

export interface User {
  login: string;
  name: string;
  isAdmin: boolean;
  createdAt: string;
}

/** Every user, and a form to add one (site admins only). */
export function UsersCard({ users }: { users: Resource<{ users: User[] }> }) {
  const [login, setLogin] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [isAdmin, setIsAdmin] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const [busy, setBusy] = useState(false);
  const toast = useToast();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblem(undefined);
    const r = await api.post<User>('/api/users', { login: login.trim(), name: name.trim(), password, isAdmin });
    setBusy(false);
    if (!r.ok) return setProblem(r.problem);
    toast(`User ${r.value.login} created`);
    setLogin('');
    setName('');
    setPassword('');
    setIsAdmin(false);
    users.reload();
  };

  const mapped = ['login', 'name', 'password'];
  const unmapped = problem && (problem.errors.length === 0 || problem.errors.some((x) => !mapped.includes(x.field)));
  return (
    <section className="card" aria-labelledby="us-users">
      <h2 id="us-users">Users</h2>
      <Loaded resource={users}>
        {({ users: list }) => (
          <table className="data us-table" aria-label="Users">
            <thead>
              <tr>
                <th>Login</th>
                <th>Name</th>
                <th>Role</th>
                <th>Since</th>
              </tr>
            </thead>
            <tbody>
              {list.map((u) => (
                <tr key={u.login}>
                  <td className="mono">{u.login}</td>
                  <td>{u.name}</td>
                  <td>{u.isAdmin ? <span className="badge accent">site admin</span> : <span className="faint">user</span>}</td>
                  <td className="muted">
                    {new Date(u.createdAt).toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric' })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loaded>
      <form className="us-form" onSubmit={(e) => void submit(e)} aria-label="New user" noValidate>
        <h3>New user</h3>
        {unmapped ? <ProblemBanner problem={problem} /> : null}
        <div className="form-grid">
          <Field label="Login" error={errorFor(problem, 'login')}>
            <input value={login} onChange={(e) => setLogin(e.target.value)} autoComplete="off" />
          </Field>
          <Field label="Name" error={errorFor(problem, 'name')}>
            <input value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
          </Field>
          <Field label="Password" error={errorFor(problem, 'password')} hint="at least 10 characters; share it with them privately">
            <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" />
          </Field>
          <label className="us-check">
            <input type="checkbox" checked={isAdmin} onChange={(e) => setIsAdmin(e.target.checked)} /> Site administrator
          </label>
        </div>
        <div className="row" style={{ justifyContent: 'flex-end' }}>
          <button type="submit" className="btn primary" disabled={busy}>
            {busy ? <span className="spinner" /> : null} Create user
          </button>
        </div>
      </form>
    </section>
  );
}
