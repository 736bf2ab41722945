import { lazy, type ReactNode, Suspense, useEffect, useState } from 'react';
import type { ProgramListing } from './api/types';
import { useResource } from './api/use-resource';
import { Loading } from './components/feedback';
import { PROGRAM_SCREENS, programHref } from './nav';
import { ProgramProvider, useProgram } from './program-context';
import { Link, match, navigate, useLocation } from './router';
import { ImportScreen } from './screens/import';
import { LoginScreen } from './screens/login';
import { ProgramsScreen } from './screens/programs';
import { UsersScreen } from './screens/users';
import { SessionProvider, useSession } from './session';
import { applyTheme, storedTheme, type Theme } from './theme';
import { ToastProvider } from './toasts';

// Screens with heavy drawing load on first visit, so signing in and the overview stay light.
const OverviewScreen = lazy(() => import('./screens/overview').then((m) => ({ default: m.OverviewScreen })));
const RoadmapScreen = lazy(() => import('./screens/roadmap/roadmap-screen').then((m) => ({ default: m.RoadmapScreen })));
const DependencyMapScreen = lazy(() => import('./screens/dependency-map').then((m) => ({ default: m.DependencyMapScreen })));
const ForecastScreen = lazy(() => import('./screens/forecast').then((m) => ({ default: m.ForecastScreen })));
const RisksScreen = lazy(() => import('./screens/risks').then((m) => ({ default: m.RisksScreen })));
const ScenariosScreen = lazy(() => import('./screens/scenarios').then((m) => ({ default: m.ScenariosScreen })));
const DecisionsScreen = lazy(() => import('./screens/decisions').then((m) => ({ default: m.DecisionsScreen })));
const TeamsScreen = lazy(() => import('./screens/teams').then((m) => ({ default: m.TeamsScreen })));
const ServicesScreen = lazy(() => import('./screens/services').then((m) => ({ default: m.ServicesScreen })));
const IntegrationsScreen = lazy(() => import('./screens/integrations').then((m) => ({ default: m.IntegrationsScreen })));
const CapacityScreen = lazy(() => import('./screens/capacity').then((m) => ({ default: m.CapacityScreen })));
const CostScreen = lazy(() => import('./screens/cost').then((m) => ({ default: m.CostScreen })));
const SlosScreen = lazy(() => import('./screens/slos').then((m) => ({ default: m.SlosScreen })));
const IncidentsScreen = lazy(() => import('./screens/incidents').then((m) => ({ default: m.IncidentsScreen })));
const IncidentDetailScreen = lazy(() => import('./screens/incidents/incident-detail').then((m) => ({ default: m.IncidentDetailScreen })));
const PostmortemScreen = lazy(() => import('./screens/postmortem').then((m) => ({ default: m.PostmortemScreen })));
const FunnelScreen = lazy(() => import('./screens/funnel').then((m) => ({ default: m.FunnelScreen })));
const MigrationsScreen = lazy(() => import('./screens/migrations').then((m) => ({ default: m.MigrationsScreen })));
const DebtScreen = lazy(() => import('./screens/debt').then((m) => ({ default: m.DebtScreen })));
const StatusReportScreen = lazy(() => import('./screens/status-report').then((m) => ({ default: m.StatusReportScreen })));
const ItemDetailScreen = lazy(() => import('./screens/item-detail').then((m) => ({ default: m.ItemDetailScreen })));

export function App() {
  return (
    <ToastProvider>
      <SessionProvider>
        <Routes />
      </SessionProvider>
    </ToastProvider>
  );
}

function Routes() {
  const { user } = useSession();
  const { path } = useLocation();
  useEffect(() => {
    if (user === null && path !== '/login') navigate(`/login?next=${encodeURIComponent(path + window.location.search)}`, { replace: true });
  }, [user, path]);
  if (path === '/login') return <LoginScreen next={new URLSearchParams(window.location.search).get('next') ?? '/'} />;
  if (!user) return <Loading label="Checking your session…" />;
  const program = /^\/p\/([^/]+)(?:\/(.*))?$/.exec(path);
  if (program) {
    const id = decodeURIComponent(program[1] as string);
    return (
      <ProgramProvider key={id} id={id}>
        <Shell programId={id}>
          <ProgramRoutes rest={program[2] ?? ''} />
        </Shell>
      </ProgramProvider>
    );
  }
  return <Shell>{path === '/import' ? <ImportScreen /> : path === '/users' ? <UsersScreen /> : <ProgramsScreen />}</Shell>;
}

function ProgramRoutes({ rest }: { rest: string }) {
  const item = match('items/:itemId', rest);
  const screens: Record<string, ReactNode> = {
    '': <OverviewScreen />,
    roadmap: <RoadmapScreen />,
    map: <DependencyMapScreen />,
    forecast: <ForecastScreen />,
    risks: <RisksScreen />,
    scenarios: <ScenariosScreen />,
    decisions: <DecisionsScreen />,
    teams: <TeamsScreen />,
    services: <ServicesScreen />,
    slos: <SlosScreen />,
    incidents: <IncidentsScreen />,
    funnel: <FunnelScreen />,
    capacity: <CapacityScreen />,
    cost: <CostScreen />,
    migrations: <MigrationsScreen />,
    debt: <DebtScreen />,
    integrations: <IntegrationsScreen />,
    report: <StatusReportScreen />,
  };
  const incident = match('incidents/:incidentId', rest);
  const postmortem = match('postmortems/:pmId', rest);
  const screen = item ? (
    <ItemDetailScreen itemId={item.itemId as string} />
  ) : incident ? (
    <IncidentDetailScreen incidentId={incident.incidentId as string} />
  ) : postmortem ? (
    <PostmortemScreen postmortemId={postmortem.pmId as string} />
  ) : (
    screens[rest]
  );
  return <Suspense fallback={<Loading />}>{screen ?? <NotFound />}</Suspense>;
}

function NotFound() {
  return (
    <div className="page">
      <h1>Not found</h1>
      <p className="muted">
        There is no such page. <Link href="/">Back to your programs</Link>.
      </p>
    </div>
  );
}

/** "g" then a letter opens a screen of the open program; "?" lists the keys. */
function useKeyboardNavigation(programId: string | undefined, showHelp: () => void) {
  useEffect(() => {
    let pendingG = 0;
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (e.metaKey || e.ctrlKey || e.altKey || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName) || target.isContentEditable) return;
      if (e.key === '?') return showHelp();
      if (e.key === 'g') {
        pendingG = Date.now();
        return;
      }
      if (Date.now() - pendingG > 1200) return;
      pendingG = 0;
      if (e.key === 'h') return navigate('/');
      const screen = PROGRAM_SCREENS.find((s) => s.key === e.key);
      if (screen && programId) navigate(programHref(programId, screen.path));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [programId, showHelp]);
}

function Shell({ programId, children }: { programId?: string; children: ReactNode }) {
  const { user, signOut } = useSession();
  const { path } = useLocation();
  const [theme, setTheme] = useState<Theme>(storedTheme);
  const [help, setHelp] = useState(false);
  useKeyboardNavigation(programId, () => setHelp((h) => !h));
  const programs = useResource<{ programs: ProgramListing[] }>('/api/programs');
  const toggleTheme = () => {
    const next = theme === 'dark' ? 'light' : 'dark';
    applyTheme(next);
    setTheme(next);
  };
  return (
    <div className="shell">
      <header className="topbar">
        <Link href="/" className="brand">
          Throughline
        </Link>
        {programs.value && programs.value.programs.length > 0 ? (
          <select
            aria-label="Program"
            value={programId ?? ''}
            onChange={(e) => navigate(e.target.value ? programHref(e.target.value) : '/')}
            style={{ maxWidth: 280 }}
          >
            <option value="">All programs</option>
            {programs.value.programs.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        ) : null}
        {programId ? <ProgramVersion /> : null}
        <div className="spacer" />
        <button type="button" className="btn ghost small" onClick={() => setHelp(true)} title="Keyboard shortcuts (?)">
          ?
        </button>
        <button type="button" className="btn ghost small" onClick={toggleTheme} aria-label="Toggle dark mode" title="Light / dark">
          {theme === 'dark' ? '☀' : '☾'}
        </button>
        <span className="muted" data-testid="signed-in-as">
          {user?.name}
        </span>
        <button type="button" className="btn small" onClick={() => void signOut()}>
          Sign out
        </button>
      </header>
      <nav className="sidebar" aria-label="Screens">
        {programId ? (
          <>
            <div className="section">Program</div>
            {PROGRAM_SCREENS.map((s) => {
              const href = programHref(programId, s.path);
              return (
                <Link key={s.path} href={href} className="nav-link" aria-current={path === href ? 'page' : undefined}>
                  {s.label} <kbd>g {s.key}</kbd>
                </Link>
              );
            })}
          </>
        ) : null}
        <div className="section">Workspace</div>
        <Link href="/" className="nav-link" aria-current={path === '/' ? 'page' : undefined}>
          Programs <kbd>g h</kbd>
        </Link>
        <Link href="/import" className="nav-link" aria-current={path === '/import' ? 'page' : undefined}>
          Import
        </Link>
        <Link href="/users" className="nav-link" aria-current={path === '/users' ? 'page' : undefined}>
          {user?.isAdmin ? 'Users & tokens' : 'API tokens'}
        </Link>
      </nav>
      <main className="content">{children}</main>
      {help ? <KeyboardHelp onClose={() => setHelp(false)} /> : null}
    </div>
  );
}

function ProgramVersion() {
  const { currentVersion, role } = useProgram();
  return (
    <span className="faint" style={{ fontSize: 12 }}>
      v{currentVersion} · {role ?? '…'}
    </span>
  );
}

function KeyboardHelp({ onClose }: { onClose: () => void }) {
  return (
    <div className="toasts" style={{ left: 'auto', top: 64, bottom: 'auto' }}>
      <div className="toast" role="dialog" aria-label="Keyboard shortcuts">
        <div className="row" style={{ justifyContent: 'space-between' }}>
          <strong>Keyboard</strong>
          <button type="button" className="btn ghost small" onClick={onClose}>
            ✕
          </button>
        </div>
        <table className="data">
          <tbody>
            {PROGRAM_SCREENS.map((s) => (
              <tr key={s.key}>
                <td>
                  <kbd>g {s.key}</kbd>
                </td>
                <td>{s.label}</td>
              </tr>
            ))}
            <tr>
              <td>
                <kbd>g h</kbd>
              </td>
              <td>All programs</td>
            </tr>
          </tbody>
        </table>
      </div>
    </div>
  );
}
