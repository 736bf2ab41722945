import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);

/** Bodies smaller than this are sent as they are: compressing them costs more than it saves. */
const MIN_BYTES = 32 * 1024;

interface Encoded {
  readonly identity: Buffer;
  gzip?: Promise<Buffer>;
}

/**
 * The bytes (and gzip) of the large pre-serialized JSON answers that `ProgramCache` keeps per
 * program version (a 10k-item plan is ~3 MB): encoded once, not on every request.
 *
 * Keyed by the cached string itself: the cache hands out the same string object each time, V8
 * keeps a string's hash in the string, and equal keys compare by pointer first, so a lookup does
 * not rescan the 3 MB. Least recently used first; `capacity` bodies at most.
 */
export class EncodedBodies {
  private readonly bodies = new Map<string, Encoded>();

  constructor(private readonly capacity = 32) {}

  /** The body to send for `json`, and its Content-Encoding (undefined: identity). */
  async encode(json: string, acceptEncoding: string | undefined): Promise<{ body: string | Buffer; encoding?: 'gzip' }> {
    if (json.length < MIN_BYTES) return { body: json };
    let entry = this.bodies.get(json);
    if (entry) this.bodies.delete(json);
    else entry = { identity: Buffer.from(json) };
    this.bodies.set(json, entry);
    while (this.bodies.size > this.capacity) this.bodies.delete(this.bodies.keys().next().value as string);
    if (!acceptsGzip(acceptEncoding)) return { body: entry.identity };
    // Level 6 (zlib's default) halves the time of level 9 for ~2% more bytes; done once per body.
    entry.gzip ??= gzipAsync(entry.identity, { level: 6 });
    return { body: await entry.gzip, encoding: 'gzip' };
  }
}

/** RFC 9110 §12.5.3: gzip is acceptable unless listed with q=0. */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  for (const part of header.split(',')) {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== 'x-gzip' && coding !== '*') continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  }
  return false;
}
