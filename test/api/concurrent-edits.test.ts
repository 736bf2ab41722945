import { describe, expect, it } from 'vitest';
import { addUser, apiWorld, type Client } from './api-support.js';

const P = '/api/programs/checkout-cloud-2027';

/**
 * 20 writers on the same item: every write is applied or refused with 409, and none is lost.
 * Each writer adds its own tag, retrying on 409 with the version it is shown; at the end the item
 * must carry all 20 tags, and the history must hold exactly one change per applied write.
 */
describe.each(['pglite', 'postgres'] as const)('20 concurrent writers on %s', (driver) => {
  it('lose no update', async () => {
    const world = await apiWorld(driver);
    try {
      const writers: Client[] = [];
      for (let w = 0; w < 20; w++) writers.push(await addUser(world, `writer${w}`, 'editor'));
      const start = await writers[0]?.json<{ etag: string; value: { tags: string[] } }>('GET', `${P}/items/lz-04`);
      const tagsBefore = start?.body.value.tags ?? [];

      let applied = 0;
      let conflicts = 0;
      const other: number[] = [];
      await Promise.all(
        writers.map(async (writer, w) => {
          let etag = start?.body.etag as string;
          let tags = tagsBefore;
          for (;;) {
            const answer = await writer.json<{ etag: string; currentEtag: string; current: { tags: string[] } }>(
              'PATCH',
              `${P}/items/lz-04`,
              {
                body: { tags: [...tags, `w${w}`] },
                headers: { 'if-match': etag },
              },
            );
            if (answer.status === 200) {
              applied++;
              return;
            }
            if (answer.status !== 409) {
              other.push(answer.status);
              return;
            }
            conflicts++;
            etag = answer.body.currentEtag;
            tags = answer.body.current.tags;
          }
        }),
      );
      expect(other).toEqual([]);
      expect(applied).toBe(20);
      expect(conflicts).toBeGreaterThan(0);
      const end = await writers[0]?.json<{ value: { tags: string[] } }>('GET', `${P}/items/lz-04`);
      expect([...(end?.body.value.tags ?? [])].sort()).toEqual([...tagsBefore, ...Array.from({ length: 20 }, (_, w) => `w${w}`)].sort());
      const history = await writers[0]?.json<{ changeSets: { actor: string }[] }>(
        'GET',
        `${P}/history?entity=item&entityId=lz-04&limit=100`,
      );
      // One change set per applied write, plus the import that created the item.
      const actors = history?.body.changeSets.map((s) => s.actor) ?? [];
      expect(actors.filter((a) => a !== 'admin').sort()).toEqual(Array.from({ length: 20 }, (_, w) => `writer${w}`).sort());
    } finally {
      await world.close();
    }
  }, 120_000);
});
