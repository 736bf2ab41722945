import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadServiceCatalog } from '../../app/service-catalog.js';
import type { BackstageImport } from '../../formats/backstage/read-backstage-catalog.js';
import type { CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';
import { renderFileProblems } from '../render/file-problems.js';

/** Reads the catalog from disk; warnings go to stderr; problems are printed and answer an exit code. */
export function readCatalogOrReport(io: CliIo, files: readonly string[], json: boolean): BackstageImport | number {
  const readFile = (path: string): string | undefined => {
    try {
      return readFileSync(resolve(io.cwd, path), 'utf8');
    } catch {
      return undefined;
    }
  };
  const result = loadServiceCatalog(files, readFile);
  const warnings = result.ok ? result.value.warnings : result.error.warnings;
  if (warnings.length > 0 && !json) io.err(renderFileProblems(warnings, io.errStyle, 'warning'));
  if (!result.ok) {
    const missingRoot = result.error.problems.every((p) => p.code === 'missing-file');
    if (json) io.out(JSON.stringify({ files, problems: result.error.problems, warnings }, null, 2));
    else io.err(renderFileProblems(result.error.problems, io.errStyle));
    return missingRoot ? EXIT.usage : EXIT.invalid;
  }
  return result.value;
}
