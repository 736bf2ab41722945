import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assembleKernel, BINARY_PATH } from '../scripts/assemble-kernel.js';

describe('the Monte Carlo kernel binary', () => {
  it('is the assembly of trial-kernel.wat (run `npm run kernel` after editing it)', async () => {
    expect(readFileSync(BINARY_PATH, 'utf8')).toBe(await assembleKernel());
  });
});
