import { describe, expect, it } from 'vitest';
import { readBackstageCatalog } from './read-backstage-catalog.js';

const files = (entries: Record<string, string>) => (path: string) => entries[path];

const component = (name: string, spec: string, extra = '') => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
${extra}spec:
  type: service
  lifecycle: production
${spec}`;

const team = `apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: team-a
spec:
  type: team
  children: []
`;

describe('readBackstageCatalog', () => {
  it('pins an unresolvable ref to its file, line and the ref as written', () => {
    const r = readBackstageCatalog(
      ['catalog/web.yaml'],
      files({ 'catalog/web.yaml': `${team}---\n${component('web', '  owner: team-a\n  consumesApis:\n    - orders\n    - team-a\n')}` }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.problems.map((p) => [p.code, p.file, p.line, p.column, p.ref])).toEqual([
      ['unresolved-ref', 'catalog/web.yaml', 18, 7, 'orders'],
      // api:default/team-a does not exist either: the default kind of consumesApis is api.
      ['unresolved-ref', 'catalog/web.yaml', 19, 7, 'team-a'],
    ]);
    expect(r.error.problems[0]?.message).toContain('api:default/orders');
  });

  it('refuses a dependsOn without a kind (Backstage has no default kind for it) and a ref of the wrong kind', () => {
    const r = readBackstageCatalog(
      ['c.yaml'],
      files({ 'c.yaml': `${team}---\n${component('web', "  owner: team-a\n  dependsOn: ['orders-db']\n  system: 'group:team-a'\n")}` }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    // Problems come in the order of Backstage's relation fields (system before dependsOn).
    expect(r.error.problems.map((p) => [p.code, p.line])).toEqual([
      ['wrong-ref-kind', 18],
      ['bad-ref', 17],
    ]);
    expect(r.error.problems[1]?.message).toContain('resource:orders-db');
  });

  it('refuses a missing required field, a duplicate entity and a YAML syntax error, each where it is', () => {
    const r = readBackstageCatalog(
      ['a.yaml', 'b.yaml', 'c.yaml'],
      files({
        'a.yaml': `${team}---\n${component('web', '  owner: team-a\n')}`,
        'b.yaml': `${component('web', '  owner: team-a\n')}---\n${component('api-gw', '  owner: [oops\n')}`,
        'c.yaml': 'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: x\nspec:\n  type: service\n  owner: team-a\n',
      }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const codes = r.error.problems.map((p) => [p.code, p.file, p.line]);
    // The missing field is pinned to the `spec:` that lacks it.
    expect(codes).toContainEqual(['schema', 'c.yaml', 5]);
    expect(codes).toContainEqual(['duplicate-entity', 'b.yaml', 4]);
    expect(codes.some(([code, file]) => code === 'yaml-syntax' && file === 'b.yaml')).toBe(true);
    expect(r.error.problems.find((p) => p.code === 'schema')?.message).toContain('lifecycle');
  });

  it('keys on namespace: the same name in two namespaces is two entities; a missing namespace is the referrer’s', () => {
    const r = readBackstageCatalog(
      ['x.yaml'],
      files({
        'x.yaml': `${team}---\n${team.replace('  name: team-a\n', '  name: team-a\n  namespace: payments\n')}---\n${component(
          'web',
          '  owner: team-a\n',
          '  namespace: payments\n',
        )}`,
      }),
    );
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value.catalog.groups.map((g) => g.ref)).toEqual(['group:default/team-a', 'group:payments/team-a']);
    expect(r.value.catalog.services[0]?.owner).toBe('group:payments/team-a');
  });

  it('follows Location targets relative to the file, never fetches remote ones, and reads each file once', () => {
    const location = (targets: string[]) =>
      `apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: l${targets.length}\nspec:\n  targets:\n${targets.map((t) => `    - ${t}\n`).join('')}`;
    const read: string[] = [];
    const store: Record<string, string> = {
      'root.yaml': location(['./teams/all.yaml', 'https://example.com/catalog-info.yaml']),
      'teams/all.yaml': location(['./team-a.yaml', '../root.yaml', 'sub/../team-a.yaml']),
      'teams/team-a.yaml': team,
    };
    const r = readBackstageCatalog(['root.yaml'], (p) => {
      read.push(p);
      return store[p];
    });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(read).toEqual(['root.yaml', 'teams/all.yaml', 'teams/team-a.yaml']);
    expect(r.value.warnings.map((w) => [w.code, w.line, w.ref])).toEqual([
      ['remote-not-fetched', 8, 'https://example.com/catalog-info.yaml'],
    ]);
  });

  it('a missing root is an error; a missing target is a warning', () => {
    const r = readBackstageCatalog(['nope.yaml'], () => undefined);
    expect(!r.ok && r.error.problems.map((p) => p.code)).toEqual(['missing-file']);
  });

  it('reads tiers from the label and warns about one it cannot read', () => {
    const r = readBackstageCatalog(
      ['t.yaml'],
      files({
        't.yaml': `${team}---\n${component('a', '  owner: team-a\n', '  labels:\n    tier: tier-2\n')}---\n${component('b', '  owner: team-a\n', '  labels:\n    tier: gold\n')}`,
      }),
    );
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value.catalog.services.map((s) => s.tier)).toEqual([2, undefined]);
    expect(r.value.warnings.map((w) => [w.code, w.line])).toEqual([['bad-tier', 25]]);
  });
});
