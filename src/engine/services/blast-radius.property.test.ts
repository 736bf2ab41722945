import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EntityRef, ServiceCatalog } from '../../domain/service.js';
import { blastRadius, compileServiceGraph, directlyAffected } from './blast-radius.js';

// Random catalogs: s services, a APIs, r resources, with random provides/consumes/dependsOn/
// subcomponentOf links (cycles included), each reference picked by index.
const catalogs = fc
  .record({ s: fc.integer({ min: 1, max: 12 }), a: fc.integer({ min: 0, max: 6 }), r: fc.integer({ min: 0, max: 4 }) })
  .chain(({ s, a, r }) => {
    const svc = fc.nat(s - 1);
    const api = a > 0 ? fc.array(fc.nat(a - 1), { maxLength: 3 }) : fc.constant([] as number[]);
    const dep = fc.array(fc.nat(s + r - 1), { maxLength: 3 });
    return fc.record({
      s: fc.constant(s),
      a: fc.constant(a),
      r: fc.constant(r),
      services: fc.array(
        fc.record({
          provides: api,
          consumes: api,
          dependsOn: dep,
          parent: fc.option(svc, { nil: undefined }),
          tier: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
        }),
        { minLength: s, maxLength: s },
      ),
      resources: fc.array(dep, { minLength: r, maxLength: r }),
    });
  })
  .map(({ s, a, services, resources }): ServiceCatalog => {
    const sRef = (i: number) => `component:default/s${i}`;
    const aRef = (i: number) => `api:default/a${i}`;
    const dRef = (i: number) => (i < s ? sRef(i) : `resource:default/r${i - s}`);
    const owner = 'group:default/team';
    return {
      services: services.map((x, i) => ({
        ref: sRef(i),
        name: `s${i}`,
        type: 'service',
        owner,
        lifecycle: 'production',
        ...(x.tier !== undefined ? { tier: x.tier } : {}),
        ...(x.parent !== undefined ? { subcomponentOf: sRef(x.parent) } : {}),
        providesApis: [...new Set(x.provides)].map(aRef),
        consumesApis: [...new Set(x.consumes)].map(aRef),
        dependsOn: [...new Set(x.dependsOn)].map(dRef),
      })),
      apis: Array.from({ length: a }, (_, i) => ({ ref: aRef(i), name: `a${i}`, type: 'openapi', owner, lifecycle: 'production' })),
      resources: resources.map((d, i) => ({
        ref: `resource:default/r${i}`,
        name: `r${i}`,
        type: 'database',
        owner,
        dependsOn: [...new Set(d)].map(dRef),
      })),
      systems: [],
      domains: [],
      groups: [],
      users: [],
    };
  });

const radius = (c: ReturnType<typeof compileServiceGraph>, x: EntityRef) => {
  const r = blastRadius(c, x);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

describe('blast radius invariants', () => {
  it('the radius of X contains the radius of every direct consumer of X (X itself aside), one step further at most', () => {
    fc.assert(
      fc.property(catalogs, (catalog) => {
        const sg = compileServiceGraph(catalog);
        for (const x of sg.refs) {
          const mine = new Map(radius(sg, x).affected.map((e) => [e.ref, e.distance]));
          for (const c of directlyAffected(sg, x)) {
            expect(c === x || mine.get(c) === 1).toBe(true);
            for (const e of radius(sg, c).affected) {
              if (e.ref === x) continue;
              const d = mine.get(e.ref);
              expect(d).toBeDefined();
              expect(d as number).toBeLessThanOrEqual(e.distance + 1);
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('every path is a chain of edges of its length, ordered by distance then tier, and cycles close', () => {
    fc.assert(
      fc.property(catalogs, (catalog) => {
        const sg = compileServiceGraph(catalog);
        const edges = new Set(sg.refs.flatMap((u) => directlyAffected(sg, u).map((v) => `${u}>${v}`)));
        for (const x of sg.refs) {
          const r = radius(sg, x);
          expect(r.affected.some((e) => e.ref === x)).toBe(false);
          expect(new Set(r.affected.map((e) => e.ref)).size).toBe(r.affected.length);
          r.affected.forEach((e, i) => {
            expect(e.path).toHaveLength(e.distance + 1);
            expect(e.via).toHaveLength(e.distance);
            expect(e.path[0]).toBe(x);
            expect(e.path.at(-1)).toBe(e.ref);
            for (let k = 0; k + 1 < e.path.length; k++) expect(edges.has(`${e.path[k]}>${e.path[k + 1]}`)).toBe(true);
            const prev = r.affected[i - 1];
            if (prev)
              expect(prev.distance < e.distance || (prev.distance === e.distance && (prev.tier ?? 99) <= (e.tier ?? 99))).toBe(true);
          });
          for (const cycle of r.cycles) {
            expect(cycle[0]).toBe(cycle.at(-1));
            for (let k = 0; k + 1 < cycle.length; k++) expect(edges.has(`${cycle[k]}>${cycle[k + 1]}`)).toBe(true);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
