/**
 * Levelling MS Project's own schedules (mpsplib-mspdi: multi-project RCPSP instances built in
 * MS Project): for each file, the unlevelled CPM finish, our levelled finish in working days, and
 * seconds. MS Project's published levelling (P-SGS with MINSLK) for mp_j30_a10_nr1 is 201 working
 * days in 134 s; it is the one published figure we have to compare against.
 * Run: npx tsx bench/mspdi-levelling.ts [--schedules 5000]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { checkPlan } from '../src/engine/rcpsp/feasibility.js';
import { criticalPathBound } from '../src/engine/rcpsp/instance.js';
import { levelSchedule } from '../src/engine/rcpsp/level.js';
import { mspdiInstance } from '../src/formats/mspdi/mspdi-instance.js';
import { mspdiNetwork } from '../src/formats/mspdi/mspdi-network.js';
import { readMspdi } from '../src/formats/mspdi/read-mspdi.js';

const schedules = Number(process.argv[process.argv.indexOf('--schedules') + 1]) || 5000;
const folder = new URL('../../shared/corpora/mpsplib-mspdi/', import.meta.url).pathname;
const PUBLISHED: Record<string, { days: number; seconds: number }> = { mp_j30_a10_nr1: { days: 201, seconds: 134 } };
let totalSeconds = 0;
let files = 0;
for (const name of readdirSync(folder)
  .filter((f) => f.endsWith('.xml.gz'))
  .sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10))) {
  const text = gunzipSync(readFileSync(folder + name)).toString('utf8');
  const project = readMspdi(text, name);
  if (!project.ok) throw new Error(`${name}: ${project.error[0]?.message}`);
  const net = mspdiNetwork(project.value);
  if (!net.ok) throw new Error(`${name}: ${net.error[0]?.message}`);
  const inst = mspdiInstance(project.value, net.value);
  if (!inst.ok) throw new Error(`${name}: ${inst.error[0]?.message}`);
  const t = performance.now();
  const plan = levelSchedule(inst.value, { schedules, seed: 1 });
  const seconds = (performance.now() - t) / 1000;
  totalSeconds += seconds;
  files++;
  const infeasible = checkPlan(inst.value, plan.starts).length;
  const key = name.replace(/^\d+-/, '').replace('.xml.gz', '');
  const published = PUBLISHED[key];
  console.log(
    `${key.padEnd(20)} tasks ${String(inst.value.n).padStart(5)}  resources ${inst.value.resourceCount}  CPM ${criticalPathBound(inst.value)} d  levelled ${plan.makespan} d in ${seconds.toFixed(2)} s${infeasible ? `  INFEASIBLE ${infeasible}` : ''}` +
      (published ? `  | MS Project: ${published.days} d in ${published.seconds} s` : ''),
  );
}
console.log(`${files} files, ${schedules} schedules each, ${(totalSeconds / files).toFixed(2)} s per file on average`);
