/** A seeded source of randomness; engines take one as a parameter and never read a global one. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n); n ≥ 1. */
  int(n: number): number;
  /** The generator's four state words, so a kernel elsewhere (WebAssembly) can continue the stream. */
  state(): [number, number, number, number];
  setState(state: readonly [number, number, number, number]): void;
}

/**
 * xoshiro128** (Blackman & Vigna), state seeded from `seed` by splitmix32 so that nearby seeds give
 * unrelated streams. 32-bit integer arithmetic only: the same seed gives the same stream on every platform.
 */
export function createRandom(seed: number): Random {
  let x = seed >>> 0;
  const split = () => {
    x = (x + 0x9e3779b9) >>> 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = split();
  if ((a | b | c | d) === 0) a = 1;
  const u32 = () => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
  return {
    next: () => u32() / 4294967296,
    int: (n: number) => Math.floor((u32() / 4294967296) * n),
    state: () => [a, b, c, d],
    setState: ([na, nb, nc, nd]) => {
      a = na >>> 0;
      b = nb >>> 0;
      c = nc >>> 0;
      d = nd >>> 0;
    },
  };
}

function rotl(v: number, k: number): number {
  return (v << k) | (v >>> (32 - k));
}
