import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFreshStore } from '../../../test/support/stores.js';
import type { ProgramStore } from '../../store/program-store.js';
import { AccessCache } from './access-cache.js';
import { createUser, signIn, signOut } from './accounts.js';

describe('AccessCache', () => {
  let store: ProgramStore;
  let token: string;
  const t0 = new Date('2027-03-01T10:00:00Z');
  const later = (ms: number) => new Date(t0.getTime() + ms);

  beforeAll(async () => {
    store = await openFreshStore('pglite');
    await createUser(store, { login: 'ana', name: 'Ana', password: 'ana-password-1', isAdmin: false }, t0);
    const signed = await signIn(store, 'ana', 'ana-password-1', t0);
    if (!signed.ok) throw new Error('sign-in');
    token = signed.value.token;
  });
  afterAll(async () => store?.close());

  it('answers from memory within the TTL, asks the store again after it or after forgetAll', async () => {
    const cache = new AccessCache(store, 5_000);
    expect((await cache.session(token, t0))?.login).toBe('ana');
    await signOut(store, token);
    // Signed out by another process: still remembered for up to the TTL…
    expect((await cache.session(token, later(4_999)))?.login).toBe('ana');
    // …and gone after it.
    expect(await cache.session(token, later(5_000))).toBeUndefined();

    const again = await signIn(store, 'ana', 'ana-password-1', t0);
    if (!again.ok) throw new Error('sign-in');
    expect((await cache.session(again.value.token, t0))?.login).toBe('ana');
    await signOut(store, again.value.token);
    // A write through this process forgets at once.
    cache.forgetAll();
    expect(await cache.session(again.value.token, t0)).toBeUndefined();
  });

  it('never remembers an answer from before a clock that went backwards', async () => {
    const cache = new AccessCache(store, 5_000);
    expect(await cache.session('no-such-token', t0)).toBeUndefined();
    const signed = await signIn(store, 'ana', 'ana-password-1', t0);
    if (!signed.ok) throw new Error('sign-in');
    expect((await cache.session(signed.value.token, later(-1)))?.login).toBe('ana');
  });
});
