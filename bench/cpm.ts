/**
 * CPM speed on a generated 100k-item / ~300k-dependency program.
 * Prints: engine time (compile + both passes + floats), the passes alone, ns per link against the
 * raw memory-bound loop, and the whole `plan --json` command (built CLI, JSON program file).
 * Run: npx tsx bench/cpm.ts [--items 100000]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backwardPass, compileNetwork, forwardPass } from '../src/engine/cpm/compiled-network.js';
import { criticalPath } from '../src/engine/cpm/critical-path.js';
import { generateProgram } from '../src/engine/generate/generate-program.js';
import { programNetwork } from '../src/engine/plan/program-network.js';
import { createRandom } from '../src/engine/rcpsp/random.js';
import { writeProgram } from '../src/formats/program-yaml/write-program.js';
import { fmt, medianMs, rawPass } from './measure.js';

const items = Number(process.argv[process.argv.indexOf('--items') + 1]) || 100_000;
const model = generateProgram({ items, teams: 40, dependenciesPerItem: 3.3 }, createRandom(1));
console.log(`program: ${model.items.length} items, ${model.dependencies.length} dependencies, ${model.teams.length} teams`);

const built = programNetwork(model);
if (!built.ok) throw new Error('calendar');
const net = built.value.network;
const links = net.graph.edgeCount;
console.log(`network: ${net.graph.nodeCount} activities, ${links} links (epic roll-ups included)`);

const engine = medianMs(20, () => {
  if (!criticalPath(net).ok) throw new Error('cycle');
});
const compiled = compileNetwork(net);
if (!compiled.ok) throw new Error('cycle');
const c = compiled.value;
const n = c.n;
const d = new Float64Array(n).fill(480);
const es = new Float64Array(n);
const ef = new Float64Array(n);
const ls = new Float64Array(n);
const lf = new Float64Array(n);
const passes = medianMs(50, () => {
  const finish = forwardPass(c, d, 0, es, ef);
  backwardPass(c, d, finish, ls, lf);
});
const values = new Float64Array(n);
const raw = medianMs(50, () => {
  rawPass(c.predStart, c.pred, c.predLag, values);
  rawPass(c.succStart, c.succ, c.succLag, values);
});
const perLink = (ms: number) => ((ms * 1e6) / (2 * links)).toFixed(2);
console.log(`CPM in the engine (compile, forward, backward, floats, critical): ${fmt(engine)}  [target < 50 ms]`);
console.log(`  forward + backward passes alone: ${fmt(passes)} = ${perLink(passes)} ns per link visit`);
console.log(
  `  raw memory-bound loop over the same links: ${fmt(raw)} = ${perLink(raw)} ns per link visit (passes are ${(passes / raw).toFixed(2)}x it)`,
);

const dir = mkdtempSync(join(tmpdir(), 'bench-cpm-'));
const file = join(dir, 'program.json');
writeFileSync(file, writeProgram(model, 'json'));
const cli = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..', 'dist', 'cli', 'main.js');
// Always rebuild: a stale dist/ would time old code.
execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
const whole = medianMs(3, () => {
  execFileSync(process.execPath, [cli, 'plan', file, '--json'], { stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 1 << 30 });
});
console.log(
  `whole "throughline plan FILE --json" (parse, validate, CPM, ${model.items.length} items written as JSON): ${fmt(whole)}  [target < 3000 ms]`,
);
