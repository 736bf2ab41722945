import { describe, expect, it } from 'vitest';
import { EntityRefSchema, entityRef, parseEntityRef, splitEntityRef } from './service.js';

describe('entity refs', () => {
  it('fills kind and namespace from the defaults, as Backstage does', () => {
    expect(parseEntityRef('team-a', { kind: 'group', namespace: 'default' })).toEqual({ ok: true, value: 'group:default/team-a' });
    expect(parseEntityRef('user:guest', { kind: 'group', namespace: 'development' })).toEqual({
      ok: true,
      value: 'user:development/guest',
    });
    expect(parseEntityRef('group:default/team-a', { kind: 'group', namespace: 'development' })).toEqual({
      ok: true,
      value: 'group:default/team-a',
    });
    expect(parseEntityRef('Component:Default/Artist-Web', { namespace: 'x' })).toEqual({ ok: true, value: 'component:default/artist-web' });
  });

  it('refuses a ref with no kind where the relation has no default, and an empty one', () => {
    const r = parseEntityRef('artists-db', { namespace: 'default' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain('resource:artists-db');
    expect(parseEntityRef('  ', { kind: 'api', namespace: 'default' }).ok).toBe(false);
    expect(parseEntityRef('api:/x', { namespace: 'default' }).ok).toBe(false);
  });

  it('round-trips through split', () => {
    const ref = entityRef('User', 'development', 'guest');
    expect(EntityRefSchema.safeParse(ref).success).toBe(true);
    expect(splitEntityRef(ref)).toEqual({ kind: 'user', namespace: 'development', name: 'guest' });
  });
});
