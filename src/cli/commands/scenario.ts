import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { compareScenario, type ScenarioComparison, type ScenarioError, scenarioModel } from '../../app/compare-scenario.js';
import { WorkerPool } from '../../app/engine-pool/worker-pool.js';
import { type CalendarDate, isCalendarDate } from '../../domain/calendar-date.js';
import type { ProgramId } from '../../domain/ids.js';
import { type Scenario, scenarioSchema } from '../../domain/scenario.js';
import { readScenarioYaml } from '../../formats/scenario-yaml/read-scenario.js';
import type { CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';
import { describePlanError } from '../render/plan-error.js';
import { renderProblems } from '../render/problems.js';
import type { Style } from '../render/style.js';
import { table } from '../render/table.js';
import { defaultActor } from '../with-store.js';
import { type ProgramTarget, withProgramTarget } from './program-target.js';

export interface ScenarioOptions {
  file?: string;
  save?: boolean;
  compare?: string;
  apply?: string;
  discard?: string;
  asOf?: string;
  trials?: number;
  seed?: number;
  json?: boolean;
}

export async function scenarioCommand(io: CliIo, target: string, o: ScenarioOptions): Promise<number> {
  const usage = (message: string) => {
    io.err(`${io.errStyle.red('error')}: ${message}`);
    return EXIT.usage;
  };
  const actions = [o.compare, o.apply, o.discard].filter((x) => x !== undefined).length;
  if (actions > 1 || (actions > 0 && o.file !== undefined))
    return usage('give one of --file FILE [--save], --compare NAME, --apply NAME or --discard NAME');
  if (o.save && o.file === undefined) return usage('--save keeps the scenario of --file FILE');
  if (o.asOf !== undefined && !isCalendarDate(o.asOf)) return usage(`--as-of "${o.asOf}" is not a date; write it as YYYY-MM-DD`);

  let written: { scenario: Scenario; at: (change: number) => { line: number; column: number; excerpt?: string } } | undefined;
  if (o.file !== undefined) {
    let text: string;
    try {
      text = await readFile(resolve(io.cwd, o.file), 'utf8');
    } catch (e) {
      io.err(
        `${io.errStyle.red('error')}: cannot read ${o.file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`,
      );
      return EXIT.usage;
    }
    const read = readScenarioYaml(text, o.file);
    if (!read.ok) {
      io.err(renderProblems(read.error, io.errStyle));
      return EXIT.invalid;
    }
    written = read.value;
  }

  return withProgramTarget(io, target, `throughline scenario ${target}`, async (program) => {
    const stored = program.kind === 'stored' ? program : undefined;
    const id = program.model.program.id as ProgramId;
    const needStore = (what: string) => usage(`${what} keeps scenarios in the store: load the program, then name it by its id`);
    const explain = (e: ScenarioError, name: string) => {
      if (e.kind === 'scenario') {
        for (const p of e.problems) {
          const where = written ? written.at(p.change) : undefined;
          io.err(
            where
              ? renderProblems(
                  [
                    {
                      code: 'schema',
                      message: p.message,
                      file: o.file as string,
                      line: where.line,
                      column: where.column,
                      ...(where.excerpt !== undefined ? { excerpt: where.excerpt } : {}),
                    },
                  ],
                  io.errStyle,
                )
              : `${io.errStyle.red('error')}: scenario "${name}", change ${p.change + 1}: ${p.message}`,
          );
        }
      } else if (e.kind === 'invalid') {
        io.err(
          `${io.errStyle.red('error')}: with scenario "${name}" the program is not valid:\n${e.problems.map((p) => `  ${p.message}${p.hint ? ` (${p.hint})` : ''}`).join('\n')}`,
        );
      } else io.err(`${io.errStyle.red('error')}: ${describePlanError(e)}`);
      return EXIT.invalid;
    };
    const compare = async (scenario: Scenario) => {
      const trials = o.trials ?? 1000;
      const pool = trials > 0 ? new WorkerPool() : undefined;
      try {
        const result = await compareScenario(program.model, scenario.scenario, scenario.changes, {
          trials,
          seed: o.seed ?? 1,
          ...(pool ? { pool } : {}),
          ...(o.asOf !== undefined ? { asOf: o.asOf as CalendarDate } : {}),
        });
        if (!result.ok) return explain(result.error, scenario.scenario);
        io.out(o.json ? JSON.stringify(result.value, null, 2) : renderComparison(result.value, io.style));
        return EXIT.ok;
      } finally {
        await pool?.close();
      }
    };

    if (written) {
      if (o.save) {
        if (!stored) return needStore('--save');
        const checked = scenarioModel(program.model, written.scenario.changes);
        if (!checked.ok) return explain(checked.error, written.scenario.scenario);
        const version = (await stored.store.listPrograms()).find((p) => p.id === id)?.version ?? 1;
        const saved = await stored.store.insights.saveScenario(id, {
          name: written.scenario.scenario,
          createdAt: io.now(),
          actor: defaultActor(io),
          baseVersion: version,
          body: written.scenario,
        });
        if (!saved) return usage(`${id} already has a scenario "${written.scenario.scenario}"; discard it first or pick another name`);
        io.err(`${io.style.green('✓')} scenario "${written.scenario.scenario}" saved (${written.scenario.changes.length} changes)`);
      }
      return compare(written.scenario);
    }
    if (!stored) return needStore('naming a scenario');
    const name = o.compare ?? o.apply ?? o.discard;
    if (name === undefined) {
      const list = await stored.store.insights.listScenarios(id);
      if (o.json) io.out(JSON.stringify(list, null, 2));
      else if (list.length === 0)
        io.out(`No scenario yet. Write one (see docs/scenarios.md), then: throughline scenario ${id} --file what-if.yaml --save`);
      else
        io.out(
          table(
            ['NAME', 'CHANGES', 'SAVED', 'BY'],
            list.map((s) => [s.name, String((s.body as Scenario).changes.length), s.createdAt.toISOString().slice(0, 10), s.actor]),
            [1],
          ),
        );
      return EXIT.ok;
    }
    const found = await stored.store.insights.readScenario(id, name);
    if (!found) {
      const known = (await stored.store.insights.listScenarios(id)).map((s) => s.name);
      io.err(`${io.errStyle.red('error')}: no scenario "${name}" for ${id}.${known.length > 0 ? ` Scenarios: ${known.join(', ')}.` : ''}`);
      return EXIT.notFound;
    }
    const scenario = scenarioSchema.parse(found.body);
    if (o.compare !== undefined) return compare(scenario);
    if (o.discard !== undefined) {
      await stored.store.insights.deleteScenario(id, name);
      io.out(`${io.style.green('✓')} scenario "${name}" thrown away; the live plan is unchanged`);
      return EXIT.ok;
    }
    return applyForReal(io, stored, scenario, explain, o.json === true);
  });
}

async function applyForReal(
  io: CliIo,
  program: Extract<ProgramTarget, { kind: 'stored' }>,
  scenario: Scenario,
  explain: (e: ScenarioError, name: string) => number,
  json: boolean,
): Promise<number> {
  const applied = scenarioModel(program.model, scenario.changes);
  if (!applied.ok) return explain(applied.error, scenario.scenario);
  const id = program.model.program.id as ProgramId;
  const result = await program.store.saveProgram(applied.value, {
    actor: defaultActor(io),
    at: io.now(),
    source: `scenario ${scenario.scenario}`,
  });
  await program.store.insights.deleteScenario(id, scenario.scenario);
  io.out(
    json
      ? JSON.stringify({ applied: scenario.scenario, version: result.version, changes: result.changes.length })
      : `${io.style.green('✓')} scenario "${scenario.scenario}" applied to the live plan: version ${result.version}, ${result.changes.length} changes recorded in the history`,
  );
  return EXIT.ok;
}

function renderComparison(c: ScenarioComparison, s: Style): string {
  const day = (x: string | null) => (x ? x.slice(0, 10) : '—');
  const delta = (a: string | null, b: string | null) => {
    if (!a || !b) return '';
    const d = Math.round((Date.parse(b.slice(0, 10)) - Date.parse(a.slice(0, 10))) / 86_400_000);
    return d === 0 ? '=' : d > 0 ? s.red(`+${d}d`) : s.green(`${d}d`);
  };
  const out = [
    s.bold(`Scenario "${c.scenario}" against the live plan of ${c.program}`) +
      (c.forecast ? s.dim(` · P80 from ${c.forecast.trials} trials, same seed`) : ''),
    '',
    table(
      ['', 'TARGET', 'LIVE', 'SCENARIO', 'Δ', 'LIVE P80', 'SCENARIO P80', 'Δ P80'],
      [
        ...c.milestones.map((m) => [
          m.id,
          m.target ?? '—',
          day(m.live),
          day(m.scenario),
          delta(m.live, m.scenario),
          day(m.liveP80),
          day(m.scenarioP80),
          delta(m.liveP80, m.scenarioP80),
        ]),
        [
          s.bold('finish'),
          '',
          day(c.finish.live),
          day(c.finish.scenario),
          delta(c.finish.live, c.finish.scenario),
          day(c.finish.liveP80),
          day(c.finish.scenarioP80),
          delta(c.finish.liveP80, c.finish.scenarioP80),
        ],
      ],
    ),
    s.dim('Δ in calendar days.'),
    '',
    `${s.bold('Chain that sets the end date')}: ${c.criticalPath.joins.length === 0 && c.criticalPath.leaves.length === 0 ? 'unchanged' : `${c.criticalPath.joins.length > 0 ? `joins ${c.criticalPath.joins.join(', ')}` : ''}${c.criticalPath.joins.length > 0 && c.criticalPath.leaves.length > 0 ? '; ' : ''}${c.criticalPath.leaves.length > 0 ? `leaves ${c.criticalPath.leaves.join(', ')}` : ''}`}`,
  ];
  const changedLoad = c.teamLoad.filter(
    (t) => t.live.load !== t.scenario.load || t.live.weeksOver !== t.scenario.weeksOver || t.live.capacity !== t.scenario.capacity,
  );
  if (changedLoad.length > 0) {
    const peak = (p: ScenarioComparison['teamLoad'][number]['live']) => (p.week ? `${p.load}/${p.capacity} pd (wk ${p.week})` : '—');
    out.push('', s.bold('Team load: busiest week and weeks over capacity'));
    out.push(
      table(
        ['TEAM', 'LIVE', 'OVER', 'SCENARIO', 'OVER'],
        changedLoad.map((t) => [t.name, peak(t.live), String(t.live.weeksOver), peak(t.scenario), String(t.scenario.weeksOver)]),
        [2, 4],
      ),
    );
  }
  return out.join('\n');
}
