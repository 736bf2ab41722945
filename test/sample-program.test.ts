import { describe, expect, it } from 'vitest';
import { summarizeProgram } from '../src/app/program-summary.js';
import { crossesTeams, DEPENDENCY_STATES, LINK_TYPES } from '../src/domain/dependency.js';
import { ITEM_KINDS } from '../src/domain/work-item.js';
import { readProgramYaml } from '../src/formats/program-yaml/read-program.js';
import { starterProgramYaml } from '../src/formats/program-yaml/starter.js';
import { readValid, SAMPLE_FILE } from './support/programs.js';

describe('the sample program (examples/checkout-migration.yaml)', () => {
  const model = readValid(SAMPLE_FILE);
  const byId = new Map(model.items.map((i) => [i.id as string, i]));
  const cross = model.dependencies.filter((d) => crossesTeams(byId.get(d.from)?.team, byId.get(d.to)?.team));

  it('is the size of a real cross-team program', () => {
    expect(model.teams.length).toBeGreaterThanOrEqual(10);
    expect(model.teams.length).toBeLessThanOrEqual(15);
    const work = model.items.filter((i) => i.kind !== 'milestone');
    expect(work.length).toBeGreaterThanOrEqual(130);
    expect(work.length).toBeLessThanOrEqual(170);
    expect(model.items.length - work.length).toBeGreaterThanOrEqual(8);
    expect(model.risks.length).toBeGreaterThanOrEqual(3);
    expect(model.decisions.length).toBeGreaterThanOrEqual(3);
    expect(cross.length).toBeGreaterThan(50);
  });

  it('uses every link type, every negotiation state across teams, and every kind of item', () => {
    expect(new Set(model.dependencies.map((d) => d.type))).toEqual(new Set(LINK_TYPES));
    expect(new Set(cross.map((d) => d.state))).toEqual(new Set(DEPENDENCY_STATES));
    expect(new Set(model.items.map((i) => i.kind))).toEqual(new Set(ITEM_KINDS));
    expect(model.dependencies.some((d) => d.lag < 0)).toBe(true);
    expect(model.dependencies.some((d) => d.lag > 0)).toBe(true);
  });

  it('summarizes with open decisions ordered by the date they block', () => {
    const summary = summarizeProgram(model);
    const needBy = summary.openDecisions.map((d) => d.needBy ?? '');
    expect(needBy).toEqual([...needBy].sort());
    expect(summary.openDependencies[0]?.state).toBe('broken');
  });
});

describe('the starter file (throughline init)', () => {
  it('is valid as written', () => {
    const text = starterProgramYaml({ id: 'my-program', start: '2027-01-04', schemaPath: '../schema/program.schema.json' });
    const read = readProgramYaml(text, 'program.yaml');
    expect(read.ok).toBe(true);
    expect(read.ok && read.value.dependencies.map((d) => d.state)).toEqual(['requested', 'accepted']);
  });
});
