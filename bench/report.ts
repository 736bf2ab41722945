/**
 * Status report speed: a generated 10k-item program, its forecast run first (not timed, as the
 * issue says), then the report built from it: plan, risk detection, decisions, RAG, charts' data
 * and all four renderings.
 * Run: npx tsx bench/report.ts [--items 10000]
 */
import { WorkerPool } from '../src/app/engine-pool/worker-pool.js';
import { forecastProgram } from '../src/app/forecast-program.js';
import { statusReportFrom } from '../src/app/status-report.js';
import type { CalendarDate } from '../src/domain/calendar-date.js';
import { generateProgram } from '../src/engine/generate/generate-program.js';
import { createRandom } from '../src/engine/rcpsp/random.js';
import { reportConfluence } from '../src/formats/report/confluence.js';
import { reportHtml } from '../src/formats/report/html.js';
import { reportMarkdown } from '../src/formats/report/markdown.js';
import { reportSlack } from '../src/formats/report/slack.js';
import { fmt, medianMsAsync } from './measure.js';

const arg = (name: string, fallback: number) => Number(process.argv[process.argv.indexOf(name) + 1]) || fallback;
const items = arg('--items', 10_000);
const model = generateProgram({ items, teams: 20 }, createRandom(5));
const asOf = model.program.start as CalendarDate;
const pool = new WorkerPool();
const forecast = await forecastProgram(model, pool, { trials: 2000, seed: 1, asOf, curves: true });
await pool.close();
if (!forecast.ok) throw new Error(JSON.stringify(forecast.error));
console.log(`program: ${model.items.length} items, ${model.dependencies.length} dependencies; forecast of 2000 trials run beforehand`);
let sizes = '';
const ms = await medianMsAsync(3, async () => {
  const built = await statusReportFrom(model, forecast.value, { asOf, trials: 0, seed: 1 });
  if (!built.ok) throw new Error(JSON.stringify(built.error));
  const r = built.value.report;
  const out = [reportMarkdown(r), reportHtml(r), reportConfluence(r), JSON.stringify(reportSlack(r))];
  sizes = out.map((o) => `${Math.round(o.length / 1024)} KB`).join(' / ');
});
console.log(`status report (plan, risks, decisions, RAG, Markdown / HTML / Confluence / Slack = ${sizes}): ${fmt(ms)}  [target < 2000 ms]`);
