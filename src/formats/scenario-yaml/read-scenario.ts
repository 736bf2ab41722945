import { err, ok, type Result } from '../../domain/result.js';
import { type Scenario, scenarioSchema } from '../../domain/scenario.js';
import type { SourceProblem } from '../source-problem.js';
import { readYamlAgainst } from '../yaml-against-schema.js';

/** A scenario file read, with a way to point at one of its changes (for problems found later). */
export interface ReadScenario {
  readonly scenario: Scenario;
  readonly at: (change: number) => { line: number; column: number; excerpt?: string };
}

/**
 * Reads a scenario file (YAML): `scenario: NAME`, an optional `description`, and `changes`.
 * Every problem is pinned to its line and column.
 */
export function readScenarioYaml(text: string, file: string): Result<ReadScenario, SourceProblem[]> {
  const read = readYamlAgainst(text, file, scenarioSchema);
  if (!read.ok) return err(read.error);
  return ok({ scenario: read.value.value, at: (change) => read.value.at(['changes', change]) });
}
