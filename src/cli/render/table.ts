import { visibleLength } from './style.js';

/** Left-aligned columns (right-aligned where `numeric`), two spaces apart, with a header row. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[], numeric: readonly number[] = []): string {
  const widths = headers.map((h, c) => Math.max(visibleLength(h), ...rows.map((r) => visibleLength(r[c] ?? ''))));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) => {
        const pad = ' '.repeat(Math.max(0, (widths[c] ?? 0) - visibleLength(cell)));
        return numeric.includes(c) ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)].join('\n');
}
