import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CalendarDate } from '../../src/domain/calendar-date.js';
import type { ProgramId } from '../../src/domain/ids.js';
import type { ProgramModel } from '../../src/domain/program-model.js';
import { readProgramYaml } from '../../src/formats/program-yaml/read-program.js';

export const fixture = (relative: string) => fileURLToPath(new URL(`../fixtures/${relative}`, import.meta.url));
export const SAMPLE_FILE = fileURLToPath(new URL('../../examples/checkout-migration.yaml', import.meta.url));

/** Reads a program file that must be valid; a problem fails the test with every message. */
export function readValid(path: string): ProgramModel {
  const result = readProgramYaml(readFileSync(path, 'utf8'), path);
  if (!result.ok) throw new Error(result.error.map((p) => `${p.line}:${p.column} ${p.code} ${p.message}`).join('\n'));
  return result.value;
}

export const smallProgram = () => readValid(fixture('valid/small-program.yaml'));

/** A program with nothing in it yet (id `p`, UTC, Monday to Friday), with `parts` laid over it. */
export function emptyProgram(parts: Partial<ProgramModel> = {}): ProgramModel {
  return {
    program: {
      id: 'p' as ProgramId,
      name: 'P',
      start: '2027-01-04' as CalendarDate,
      calendar: { timezone: 'UTC', workdays: ['mon', 'tue', 'wed', 'thu', 'fri'], hours: ['09:00-17:00'], holidays: [] },
    },
    teams: [],
    workstreams: [],
    items: [],
    dependencies: [],
    risks: [],
    decisions: [],
    services: [],
    slos: [],
    incidents: [],
    postmortems: [],
    capacity: [],
    migrations: [],
    ...parts,
  } as ProgramModel;
}
