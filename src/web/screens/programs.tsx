import type { ProgramListing } from '../api/types';
import { useResource } from '../api/use-resource';
import { StateBadge } from '../components/badges';
import { Empty, Loaded } from '../components/feedback';
import { PageHead } from '../components/page-head';
import { Link } from '../router';

/** Every program the user holds a role on. */
export function ProgramsScreen() {
  const programs = useResource<{ programs: ProgramListing[] }>('/api/programs');
  return (
    <div className="page">
      <PageHead
        title="Programs"
        sub="Every program you hold a role on."
        actions={
          <Link className="btn primary" href="/import">
            Import a program
          </Link>
        }
      />
      <Loaded resource={programs}>
        {({ programs: list }) =>
          list.length === 0 ? (
            <Empty>
              No programs yet. <Link href="/import">Import a program file</Link> (Throughline YAML or MS Project XML).
            </Empty>
          ) : (
            <div className="card" style={{ padding: 0 }}>
              <table className="data">
                <thead>
                  <tr>
                    <th>Program</th>
                    <th>Your role</th>
                    <th className="num">Teams</th>
                    <th className="num">Items</th>
                    <th className="num">Milestones</th>
                    <th className="num">Dependencies</th>
                    <th>Updated</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((p) => (
                    <tr key={p.id}>
                      <td>
                        <Link href={`/p/${encodeURIComponent(p.id)}`}>
                          <strong>{p.name}</strong>
                        </Link>{' '}
                        <span className="faint mono">{p.id}</span>
                      </td>
                      <td>
                        <StateBadge value={p.role} />
                      </td>
                      <td className="num">{p.teams}</td>
                      <td className="num">{p.items}</td>
                      <td className="num">{p.milestones}</td>
                      <td className="num">{p.dependencies}</td>
                      <td className="muted">{new Date(p.updatedAt).toLocaleString()}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Loaded>
    </div>
  );
}
