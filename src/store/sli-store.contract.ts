import { beforeEach, expect, it } from 'vitest';
import { fixture, readValid } from '../../test/support/programs.js';
import type { ProgramId } from '../domain/ids.js';
import type { ProgramModel } from '../domain/program-model.js';
import type { SloId } from '../domain/program-slo.js';
import type { SliSeries } from '../formats/sli-csv/read-sli-csv.js';
import type { ProgramStore } from './program-store.js';

const meta = { actor: 'priya', at: new Date(Date.UTC(2026, 10, 2)), source: 'test' };
const T0 = Date.UTC(2026, 10, 2);
const AVAILABILITY = 'identity-availability' as SloId;
const LATENCY = 'billing-latency' as SloId;

/** 28 days of 1-minute samples with values no float32 or decimal text would keep exactly. */
function month(): SliSeries {
  const n = 28 * 24 * 60;
  const timestamps = Float64Array.from({ length: n }, (_, i) => T0 + i * 60_000);
  const total = Float64Array.from({ length: n }, (_, i) => 1000 + (i % 97) + 0.1);
  const good = Float64Array.from(total, (t, i) => t - (i % 13) / 3);
  return { kind: 'ratio', timestamps, good, total };
}

/** What every SliStore must do, whatever database is under it. Run by each driver's test file. */
export function sliStoreContract(open: () => Promise<ProgramStore>) {
  let store: ProgramStore;
  let model: ProgramModel;
  let program: ProgramId;
  beforeEach(async () => {
    store = await open();
    model = readValid(fixture('reliability/identity-platform.yaml'));
    program = model.program.id;
    await store.saveProgram(model, meta);
    return () => store.close();
  });

  it('keeps a month of samples bit for bit, with where they came from', async () => {
    const series = month();
    expect(await store.sli.write(program, AVAILABILITY, { series, source: 'prometheus', actor: 'priya', updatedAt: new Date(T0) })).toBe(
      true,
    );
    const back = await store.sli.read(program, AVAILABILITY);
    expect(back).toMatchObject({
      slo: AVAILABILITY,
      kind: 'ratio',
      source: 'prometheus',
      samples: 40_320,
      fromMs: T0,
      toMs: T0 + 40_319 * 60_000,
      actor: 'priya',
      updatedAt: new Date(T0),
    });
    expect(back?.series).toEqual(series);
  });

  it('replaces the series on every write, and keeps threshold values', async () => {
    await store.sli.write(program, LATENCY, {
      series: { kind: 'threshold', timestamps: Float64Array.of(T0, T0 + 60_000), values: Float64Array.of(0.25, 0.5) },
      source: 'csv',
      actor: 'priya',
      updatedAt: new Date(T0),
    });
    const second: SliSeries = { kind: 'threshold', timestamps: Float64Array.of(T0 + 120_000), values: Float64Array.of(-1.5e-300) };
    await store.sli.write(program, LATENCY, { series: second, source: 'csv', actor: 'sam', updatedAt: new Date(T0 + 1000) });
    const back = await store.sli.read(program, LATENCY);
    expect(back?.series).toEqual(second);
    expect(back?.actor).toBe('sam');
    expect((await store.sli.list(program)).map((d) => [d.slo, d.samples])).toEqual([[LATENCY, 1]]);
  });

  it('writes nothing for an SLO or a program that does not exist', async () => {
    const write = { series: month(), source: 'csv' as const, actor: 'priya', updatedAt: new Date(T0) };
    expect(await store.sli.write(program, 'no-such-slo' as SloId, write)).toBe(false);
    expect(await store.sli.write('no-such-program' as ProgramId, AVAILABILITY, write)).toBe(false);
    expect(await store.sli.list(program)).toEqual([]);
  });

  it('an empty series is stored as empty', async () => {
    const empty: SliSeries = { kind: 'ratio', timestamps: new Float64Array(0), good: new Float64Array(0), total: new Float64Array(0) };
    await store.sli.write(program, AVAILABILITY, { series: empty, source: 'csv', actor: 'priya', updatedAt: new Date(T0) });
    expect(await store.sli.read(program, AVAILABILITY)).toMatchObject({ samples: 0, fromMs: null, toMs: null, series: empty });
  });

  it('removing the SLO from the program removes its data; clearing says whether there was any', async () => {
    await store.sli.write(program, AVAILABILITY, { series: month(), source: 'csv', actor: 'priya', updatedAt: new Date(T0) });
    await store.sli.write(program, LATENCY, {
      series: { kind: 'threshold', timestamps: Float64Array.of(T0), values: Float64Array.of(0.1) },
      source: 'csv',
      actor: 'priya',
      updatedAt: new Date(T0),
    });
    await store.saveProgram({ ...model, slos: model.slos.filter((s) => s.id !== AVAILABILITY) }, meta);
    expect(await store.sli.read(program, AVAILABILITY)).toBeUndefined();
    // An edit of the SLO that stays keeps its data.
    await store.saveProgram(
      { ...model, slos: model.slos.filter((s) => s.id !== AVAILABILITY).map((s) => ({ ...s, objective: 99.5 })) },
      meta,
    );
    expect((await store.sli.read(program, LATENCY))?.samples).toBe(1);
    expect(await store.sli.clear(program, LATENCY)).toBe(true);
    expect(await store.sli.clear(program, LATENCY)).toBe(false);
  });
}
