/**
 * GitHub sync speed: N issues (default 20,000) in 4 repositories of the replay GitHub GraphQL
 * server (test/support/github-replay-server.ts), with team and estimate labels, sub-issues under
 * epics, "blocked by" links forming a DAG and a milestone every 50 issues, synced into a stored
 * program in a fresh embedded store (PGlite in a temp folder) with progress on stderr. Then an
 * incremental re-sync after 100 edits and 10 removals on the GitHub side.
 * The issue asks for < 60 s for 20,000 issues, with progress shown.
 *
 *   npx tsx bench/github-sync.ts [--issues 20000]
 *
 * The replay server runs in this process, so its JSON writing is counted in "fetch".
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { githubSource } from '../src/app/integrations/github/github-source.js';
import { syncProgram } from '../src/app/integrations/sync-program.js';
import type { SyncProgress } from '../src/app/integrations/work-source.js';
import type { ProgramId } from '../src/domain/ids.js';
import { githubIntegrationSchema } from '../src/domain/integration.js';
import { readProgramYaml } from '../src/formats/program-yaml/read-program.js';
import { openStore } from '../src/store/open-store.js';
import { startGithubReplayServer } from '../test/support/github-replay-server.js';

const { values } = parseArgs({ options: { issues: { type: 'string', default: '20000' } } });
const count = Number(values.issues);
const TOKEN = 'ghp_benchTokenNotASecret000000000000000';
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const REPOS = ['octo-org/api', 'octo-org/web', 'octo-org/mobile', 'octo-org/data'];
const TEAMS = ['payments', 'platform', 'web', 'mobile', 'data'];

const server = await startGithubReplayServer({ token: TOKEN, now: () => Date.now(), repositories: 'repositories.json' });
let t = performance.now();
const perRepo = Math.ceil(count / REPOS.length);
for (const [r, repo] of REPOS.entries()) {
  server.repos.delete(repo);
  server.addIssues(repo, perRepo, `2027-01-0${r + 1}T00:00:00Z`);
  const state = server.repos.get(repo);
  if (!state) throw new Error(repo);
  state.milestones = Array.from({ length: Math.ceil(perRepo / 50) }, (_, m) => ({
    number: m + 1,
    title: `Release ${m + 1}`,
    dueOn: `2028-${String((m % 12) + 1).padStart(2, '0')}-15T07:00:00Z`,
    state: 'OPEN',
    url: `https://github.com/${repo}/milestone/${m + 1}`,
    updatedAt: '2027-01-01T00:00:00Z',
  }));
  for (const issue of state.issues) {
    const n = issue.number;
    const epic = Math.floor((n - 1) / 20) * 20 + 1;
    Object.assign(issue, {
      labels: { nodes: [{ name: `team:${TEAMS[(n + r) % TEAMS.length]}` }, { name: `estimate:${(n % 8) + 1}` }, { name: 'bench' }] },
      parent: n === epic ? null : { number: epic, repository: { nameWithOwner: repo } },
      // Blocked by an earlier non-epic issue of the same repository: a DAG.
      blockedBy: { nodes: n % 3 === 0 && n > 2 && (n - 2 - 1) % 20 !== 0 ? [{ number: n - 2, repository: { nameWithOwner: repo } }] : [] },
      milestone: n % 20 === 0 ? state.milestones[Math.floor((n - 1) / 50)] : null,
      state: n % 5 === 0 ? 'CLOSED' : 'OPEN',
      stateReason: n % 5 === 0 ? 'COMPLETED' : null,
    });
  }
}
// The direct writes above bypass the server's edit methods: one more edit re-derives blocking and sub-issues.
server.editIssue(REPOS[0] as string, 1, {}, '2027-01-01T00:00:00Z');
console.log(`generated ${(perRepo * REPOS.length).toLocaleString('en-US')} issues in ${s(performance.now() - t)}`);

const folder = mkdtempSync(join(tmpdir(), 'github-sync-bench-'));
const opened = await openStore({ kind: 'embedded', dataDir: join(folder, 'data') }, { now: new Date(), command: 'bench' });
if (!opened.ok) throw new Error(JSON.stringify(opened.error));
const store = opened.value;
const model = readProgramYaml(
  `throughline: 1
program:
  id: gh-bench
  name: GitHub program
  start: 2027-01-04
  target: 2029-12-31
  calendar: { timezone: Europe/Berlin, workdays: [mon, tue, wed, thu, fri], hours: ["09:00-17:00"] }
`,
  'gh-bench.yaml',
);
if (!model.ok) throw new Error(JSON.stringify(model.error));
await store.saveProgram(model.value, { actor: 'bench', at: new Date(), source: 'bench' });
const program = 'gh-bench' as ProgramId;
const config = githubIntegrationSchema.parse({
  api: server.url,
  select: { repos: REPOS },
  mapping: { team: { from: 'label' }, estimate: { from: 'label', pointsToDays: { default: 0.5 } } },
});

let lastShown = 0;
const progress = (p: SyncProgress) => {
  const now = performance.now();
  if (now - lastShown < 500 && (p.phase === 'fetching' || p.phase === 'listing')) return;
  lastShown = now;
  process.stderr.write(
    `  ${p.phase} ${p.done.toLocaleString('en-US')}${p.total !== undefined ? ` of ${p.total.toLocaleString('en-US')}` : ''}      \r`,
  );
};

async function sync(label: string, at: Date): Promise<void> {
  const source = githubSource(config, TOKEN, { sleep: (ms) => new Promise((r) => setTimeout(r, ms)), now: () => Date.now() });
  const requests0 = server.requests.length;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const r = await syncProgram(store, program, source, { dryRun: false, at, actor: 'bench', progress });
  const total = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  process.stderr.write('\n');
  if (!r.ok) {
    console.error(r.error);
    process.exit(1);
  }
  const tm = r.value.timings;
  const sum = r.value.summary;
  console.log(`${label}: ${sum.fetched.toLocaleString('en-US')} works fetched, ${server.requests.length - requests0} GraphQL requests`);
  console.log(
    `  created ${sum.created.length}, updated ${sum.updated.length}, unchanged ${sum.unchanged}, removed ${sum.removed.length}; dependencies +${sum.dependencies.added} −${sum.dependencies.removed}`,
  );
  console.log(
    `  fetch + map ${s(tm.fetch)} · keys ${s(tm.keys)} · merge + validate ${s(tm.merge)} · store save ${s(tm.save)} · total ${s(total)}`,
  );
  console.log(`  CPU ${s((cpu.user + cpu.system) / 1000)}; load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores`);
}

t = performance.now();
await sync('first sync (full)', new Date('2027-01-10T09:00:00Z'));
for (let k = 0; k < 100; k++) {
  const repo = REPOS[k % REPOS.length] as string;
  server.editIssue(
    repo,
    ((k * 197 + 5) % perRepo) + 1,
    { title: `Edited on GitHub ${k}`, state: 'CLOSED', stateReason: 'COMPLETED' },
    `2027-01-11T09:${String(k % 60).padStart(2, '0')}:00Z`,
  );
}
for (let k = 0; k < 10; k++) server.removeIssue(REPOS[k % REPOS.length] as string, ((k * 1009 + 11) % perRepo) + 1);
await sync('re-sync (incremental, 100 edited, 10 removed)', new Date('2027-01-12T09:00:00Z'));

const heap = process.memoryUsage();
console.log(`memory: heap ${(heap.heapUsed / 2 ** 20).toFixed(0)} MiB, rss ${(heap.rss / 2 ** 20).toFixed(0)} MiB`);
await store.close();
await server.close();
rmSync(folder, { recursive: true, force: true });
