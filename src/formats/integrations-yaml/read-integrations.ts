import { type Integrations, integrationsSchema } from '../../domain/integration.js';
import type { Result } from '../../domain/result.js';
import type { SourceProblem } from '../source-problem.js';
import { type ReadYaml, readYamlAgainst } from '../yaml-against-schema.js';

/** Reads `integrations.yaml` (src/domain/integration.ts); every problem at its line and column. */
export function readIntegrationsYaml(text: string, file: string): Result<ReadYaml<Integrations>, SourceProblem[]> {
  return readYamlAgainst(text, file, integrationsSchema);
}
