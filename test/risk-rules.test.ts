import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CostReader } from '../src/app/cost/cost-risks.js';
import { WorkerPool } from '../src/app/engine-pool/worker-pool.js';
import { programRisks } from '../src/app/program-risks.js';
import type { SliReader } from '../src/app/reliability/slo-status.js';
import { type CalendarDate, isCalendarDate } from '../src/domain/calendar-date.js';
import { readFocusText } from '../src/formats/focus/read-focus.js';
import { readInventoryCsv } from '../src/formats/inventory-csv/read-inventory-csv.js';
import { readProgramYaml } from '../src/formats/program-yaml/read-program.js';
import { readSliCsv } from '../src/formats/sli-csv/read-sli-csv.js';
import type { StoredSli } from '../src/store/sli-store.js';
import { fixture } from './support/programs.js';

/** SLI data read from CSV files, in the shape the store answers. */
function sliFiles(files: ReadonlyMap<string, string>): SliReader {
  return {
    sli: {
      async read(_program, slo) {
        const file = files.get(slo);
        if (file === undefined) return undefined;
        const series = readSliCsv(readFileSync(file, 'utf8'), file);
        if (!series.ok) throw new Error(JSON.stringify(series.error));
        const t = series.value.timestamps;
        const stored: StoredSli = {
          slo,
          kind: series.value.kind,
          source: 'csv',
          samples: t.length,
          fromMs: t.length > 0 ? (t[0] as number) : null,
          toMs: t.length > 0 ? (t[t.length - 1] as number) : null,
          actor: 'fixture',
          updatedAt: new Date(0),
          series: series.value,
        };
        return stored;
      },
    },
  };
}

/** Cost data read from a FOCUS CSV and an inventory CSV, in the shape the store answers. */
async function costFiles(focus: string, inventory: string | undefined): Promise<CostReader> {
  const bill = await readFocusText(readFileSync(join(DIR, focus), 'utf8'), focus);
  if (!bill.ok) throw new Error(JSON.stringify(bill.error));
  const inv = inventory === undefined ? undefined : readInventoryCsv(readFileSync(join(DIR, inventory), 'utf8'), inventory);
  if (inv && !inv.ok) throw new Error(JSON.stringify(inv.error));
  return {
    cost: {
      read: async () => bill.value.table,
      readInventory: async () =>
        inv?.ok ? { resources: inv.value, file: inventory ?? '', actor: 'fixture', updatedAt: new Date(0) } : undefined,
    },
  };
}

/**
 * Each file in test/fixtures/risks/ is a small program that states, in its header, the status date
 * (`# as-of:`), optionally forecast trials (`# trials:`), and every finding it must produce
 * (`# expect: SEVERITY KEY`), no more and no fewer.
 */
const DIR = fixture('risks');
const pool = new WorkerPool({ size: 1 });
afterAll(() => pool.close());

describe('risk detection rules, one fixture program each', () => {
  for (const name of readdirSync(DIR).filter((f) => f.endsWith('.yaml'))) {
    it(name.replace(/\.yaml$/, ''), async () => {
      const text = readFileSync(join(DIR, name), 'utf8');
      const header = (key: string) => [...text.matchAll(new RegExp(`^# ${key}: (.+)$`, 'gm'))].map((m) => (m[1] as string).trim());
      const asOf = header('as-of')[0] ?? '';
      expect(isCalendarDate(asOf)).toBe(true);
      const read = readProgramYaml(text, name);
      if (!read.ok) throw new Error(read.error.map((p) => p.message).join('\n'));
      const sli = header('sli').map((line) => line.split(/\s+/) as [string, string]);
      const report = await programRisks(read.value, {
        asOf: asOf as CalendarDate,
        trials: Number(header('trials')[0] ?? 0),
        seed: 1,
        pool,
        ...(sli.length > 0 ? { sli: sliFiles(new Map(sli.map(([slo, file]) => [slo, join(DIR, file)]))) } : {}),
        ...(header('focus').length > 0 ? { cost: await costFiles(header('focus')[0] ?? '', header('inventory')[0]) } : {}),
      });
      if (!report.ok) throw new Error(JSON.stringify(report.error));
      const found = report.value.findings.map((f) => `${f.severity} ${f.key}`).sort();
      expect(found).toEqual(header('expect').sort());
      for (const f of report.value.findings) {
        expect(f.explanation).not.toMatch(/undefined|NaN|\[object/);
        expect(f.action.length).toBeGreaterThan(10);
      }
    });
  }
});
