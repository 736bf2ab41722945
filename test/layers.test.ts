import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/run-cli.js';

/** Lints a would-be file in a scratch copy of the layout with the project's biome.json, so src/ is never touched. */
function lint(path: string, source: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'layers-'));
  copyFileSync(join(ROOT, 'biome.json'), join(dir, 'biome.json'));
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), source);
  try {
    execFileSync(join(ROOT, 'node_modules/.bin/biome'), ['lint', '--vcs-enabled=false', path], { cwd: dir, stdio: 'pipe' });
    return '';
  } catch (e) {
    return String((e as { stderr?: Buffer }).stderr ?? '') + String((e as { stdout?: Buffer }).stdout ?? '');
  }
}

describe('the layer rule (biome.json)', () => {
  it.each([
    ['src/domain/x.ts', "import { buildGraph } from '../engine/graph.js';"],
    ['src/domain/x.ts', "import { readFileSync } from 'node:fs';"],
    ['src/engine/x.ts', "import { readProgramYaml } from '../formats/program-yaml/read-program.js';"],
    ['src/formats/x.ts', "import { openStore } from '../store/open-store.js';"],
    ['src/store/x.ts', "import { loadProgram } from '../app/load-program.js';"],
    ['src/app/x.ts', "import { runCli } from '../cli/run-cli.js';"],
  ])('rejects %s importing upwards: %s', (path, line) => {
    expect(lint(path, `${line}\nexport const used = [${/import \{ (\w+) \}/.exec(line)?.[1]}];\n`)).toContain('noRestrictedImports');
  });

  it('allows imports downwards', () => {
    expect(lint('src/app/x.ts', "import { buildGraph } from '../engine/graph.js';\nexport const used = [buildGraph];\n")).toBe('');
  });
});
