import { type FormEvent, useState } from 'react';
import { type ApiProblem, api } from '../api/client';
import type { Session } from '../api/types';
import { errorFor, Field } from '../components/field';
import { navigate } from '../router';
import { useSession } from '../session';

export function LoginScreen({ next }: { next: string }) {
  const { signedIn } = useSession();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const r = await api.post<Session>('/api/session', { login, password });
    setBusy(false);
    if (!r.ok) return setProblem(r.problem);
    signedIn(r.value);
    navigate(next.startsWith('/') && !next.startsWith('//') ? next : '/', { replace: true });
  };
  const general = problem && problem.errors.length === 0 ? problem : undefined;
  return (
    <div className="center-screen">
      <form className="card login-card stack" onSubmit={submit} noValidate>
        <div className="brand">Throughline</div>
        <h1 style={{ fontSize: 20 }}>Sign in</h1>
        {general ? (
          <div className="problem" role="alert">
            <strong>{general.title}</strong> — {general.detail}
          </div>
        ) : null}
        <Field label="Login" error={errorFor(problem, 'login')}>
          {/* biome-ignore lint/a11y/noAutofocus: the sign-in page has one job; the login field is where it starts. */}
          <input name="login" autoComplete="username" value={login} onChange={(e) => setLogin(e.target.value)} autoFocus />
        </Field>
        <Field label="Password" error={errorFor(problem, 'password')}>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </Field>
        <button type="submit" className="btn primary" disabled={busy}>
          {busy ? <span className="spinner" /> : null} Sign in
        </button>
        <p className="faint" style={{ fontSize: 12, margin: 0 }}>
          The first administrator's password is printed once when the server first starts, or set by THROUGHLINE_ADMIN_PASSWORD.
        </p>
      </form>
    </div>
  );
}
