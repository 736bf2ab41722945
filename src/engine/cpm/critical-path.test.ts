import { describe, expect, it } from 'vitest';
import { criticalChains } from './critical-chains.js';
import { type CpmResult, criticalPath } from './critical-path.js';
import { testNetwork } from './test-network.js';

const run = (...args: Parameters<typeof testNetwork>): CpmResult => {
  const result = criticalPath(testNetwork(...args));
  if (!result.ok) throw new Error('cycle');
  return result.value;
};

describe('critical path method', () => {
  // A textbook network: 0(3) → 1(2) → 3(4); 0 → 2(6) → 3; 3 → 4(0, a milestone).
  const cpm = run(
    [3, 2, 6, 4, 0],
    [
      [0, 1],
      [0, 2],
      [1, 3],
      [2, 3],
      [3, 4],
    ],
  );

  it('computes early and late dates, floats and the finish', () => {
    expect([...cpm.earlyStart]).toEqual([0, 3, 3, 9, 13]);
    expect([...cpm.lateFinish]).toEqual([3, 9, 9, 13, 13]);
    expect([...cpm.totalFloat]).toEqual([0, 4, 0, 0, 0]);
    expect([...cpm.freeFloat]).toEqual([0, 4, 0, 0, 0]);
    expect(cpm.finish).toBe(13);
  });

  it('marks the critical activities and returns the chain in order', () => {
    expect([...cpm.critical]).toEqual([1, 0, 1, 1, 1]);
    expect(
      criticalChains(
        testNetwork(
          [3, 2, 6, 4, 0],
          [
            [0, 1],
            [0, 2],
            [1, 3],
            [2, 3],
            [3, 4],
          ],
        ),
        cpm,
      ),
    ).toEqual([[0, 2, 3, 4]]);
  });

  it('handles SS, FF and SF links with positive and negative lags', () => {
    // 1 starts 2 after 0 starts; 2 finishes 1 after 1 finishes; 3 finishes when 0 has started + 10; 4 overlaps 0 by 2.
    const r = run(
      [5, 4, 3, 2, 1],
      [
        [0, 1, 'SS', 2],
        [1, 2, 'FF', 1],
        [0, 3, 'SF', 10],
        [0, 4, 'FS', -2],
      ],
    );
    expect([...r.earlyStart]).toEqual([0, 2, 4, 8, 3]);
    expect([...r.earlyFinish]).toEqual([5, 6, 7, 10, 4]);
    expect(r.finish).toBe(10);
  });

  it('lets a deadline make float negative, and a start-no-earlier-than delay work', () => {
    const net = testNetwork([3, 4], [[0, 1]]);
    net.finishBy[1] = 5;
    net.notBefore[0] = 1;
    const r = criticalPath(net);
    expect(r.ok && [...r.value.earlyStart]).toEqual([1, 4]);
    expect(r.ok && [...r.value.totalFloat]).toEqual([-3, -3]);
  });

  it('reports a cycle with its path instead of a schedule', () => {
    const r = criticalPath(
      testNetwork(
        [1, 1, 1],
        [
          [0, 1],
          [1, 2],
          [2, 0],
        ],
      ),
    );
    expect(r).toEqual({ ok: false, error: { kind: 'cycle', cycles: [[0, 1, 2, 0]] } });
  });
});
