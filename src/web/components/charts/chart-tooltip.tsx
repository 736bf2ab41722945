import type { ReactNode } from 'react';

/**
 * A tooltip at (x, y) inside a `position: relative` chart box; it flips to the left of the point
 * past the box's middle so it never leaves the chart.
 */
export function ChartTooltip({ x, y, width, children }: { x: number; y: number; width: number; children: ReactNode }) {
  const flip = x > width / 2;
  return (
    <div className="chart-tooltip" role="tooltip" style={{ top: y, ...(flip ? { right: width - x + 12 } : { left: x + 12 }) }}>
      {children}
    </div>
  );
}
