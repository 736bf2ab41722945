import { stringify } from 'yaml';

/**
 * A valid program file with `items` tasks in `teams` teams, each task depending on up to three
 * earlier ones (so it is acyclic). `revision` changes every estimate and title, so loading revision
 * 2 over revision 1 rewrites every item.
 */
export function bigProgramYaml(options: { items: number; teams: number; revision: number; id?: string }): string {
  const teams = Array.from({ length: options.teams }, (_, t) => ({ id: `team-${t}`, name: `Team ${t}`, capacity: 3 + (t % 5) }));
  let seed = 12345;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const items = Array.from({ length: options.items }, (_, i) => {
    const likely = 2 + Math.floor(next() * 10) + options.revision;
    const deps = i === 0 ? [] : [...new Set(Array.from({ length: 1 + Math.floor(next() * 3) }, () => `t-${Math.floor(next() * i)}`))];
    return {
      id: `t-${i}`,
      title: `Task ${i} (rev ${options.revision})`,
      team: `team-${i % options.teams}`,
      estimate: { optimistic: likely - 1, likely, pessimistic: likely + 4 },
      ...(deps.length > 0 ? { dependsOn: deps } : {}),
    };
  });
  return stringify({
    throughline: 1,
    program: { id: options.id ?? 'big', name: 'Big generated program', start: '2027-01-04', target: '2028-12-29' },
    teams,
    items,
  });
}
