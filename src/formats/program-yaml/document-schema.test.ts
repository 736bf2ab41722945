import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { programJsonSchema } from './document-schema.js';

describe('the program file JSON Schema', () => {
  it('is committed as generated, so editors get what the reader checks (regenerate: npm run schema)', () => {
    const committed = readFileSync(fileURLToPath(new URL('../../../schema/program.schema.json', import.meta.url)), 'utf8');
    expect(JSON.parse(committed)).toEqual(programJsonSchema());
  });

  it('describes every section and the dependency forms', () => {
    const schema = programJsonSchema() as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties)).toEqual([
      'throughline',
      'program',
      'teams',
      'workstreams',
      'items',
      'milestones',
      'risks',
      'decisions',
      'services',
      'slos',
      'incidents',
      'postmortems',
      'capacity',
      'migrations',
    ]);
    expect(schema.required).toEqual(['throughline', 'program']);
    expect(JSON.stringify(schema)).toContain('"enum":["FS","SS","FF","SF"]');
  });
});
