import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { acceptsGzip, EncodedBodies } from './encoded-bodies.js';

describe('EncodedBodies', () => {
  const big = JSON.stringify({ items: Array.from({ length: 5000 }, (_, i) => ({ id: `t-${i}`, start: '2027-01-04T09:00' })) });

  it('sends small bodies as they are', async () => {
    expect(await new EncodedBodies().encode('{"a":1}', 'gzip')).toEqual({ body: '{"a":1}' });
  });

  it('gzips a large body once and gives back the same bytes, which decompress to the JSON', async () => {
    const bodies = new EncodedBodies();
    const first = await bodies.encode(big, 'gzip, br');
    const second = await bodies.encode(big, 'br;q=1, gzip;q=0.5');
    expect(first.encoding).toBe('gzip');
    expect(second.body).toBe(first.body);
    expect(gunzipSync(first.body as Buffer).toString()).toBe(big);
    expect((first.body as Buffer).length).toBeLessThan(big.length / 5);
  });

  it('sends identity bytes to a client that does not accept gzip', async () => {
    const plain = await new EncodedBodies().encode(big, 'br');
    expect(plain.encoding).toBeUndefined();
    expect((plain.body as Buffer).toString()).toBe(big);
  });

  it('reads Accept-Encoding as RFC 9110 does', () => {
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('identity, *;q=0.1')).toBe(true);
    expect(acceptsGzip(undefined)).toBe(false);
    expect(acceptsGzip('deflate, GZIP')).toBe(true);
  });
});
