// A small, fast, seeded PRNG (sfc32, Chris Doty-Humphrey's "small fast
// chaotic" generator) so that one integer seed replays a whole simulation.
// Math.random cannot be seeded, and a global source would couple unrelated
// parts of the run: every consumer gets its own stream via `fork`.

import type { RandomSource } from '../../src/index.js';

export class Prng implements RandomSource {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    // splitmix32 spreads a small seed over the 128-bit state; sfc32 wants a
    // well-mixed state and a counter (d) that starts non-zero.
    let s = seed >>> 0;
    const next = (): number => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = 1;
    // Discard the first outputs: sfc32's first few words still echo the seed.
    for (let i = 0; i < 12; i++) this.u32();
  }

  /** A uniformly distributed unsigned 32-bit integer. */
  u32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** A uniformly distributed integer in [0, n); n must be a positive integer below 2^32. */
  int(n: number): number {
    if (!Number.isInteger(n) || n <= 0 || n > 0xffffffff) throw new Error(`Prng.int: bad bound ${n}`);
    // Rejection sampling removes the modulo bias that a plain `% n` has.
    const limit = 0x100000000 - (0x100000000 % n);
    for (let i = 0; i < 64; i++) {
      const x = this.u32();
      if (x < limit) return x % n;
    }
    return this.u32() % n;
  }

  /** An integer in [lo, hi] inclusive. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  /** True with probability p (0..1). */
  chance(p: number): boolean {
    if (p <= 0) return false;
    if (p >= 1) return true;
    return this.u32() / 0x100000000 < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Prng.pick: empty');
    return items[this.int(items.length)] as T;
  }

  /** A new independent generator seeded from this one, for one consumer. */
  fork(): Prng {
    return new Prng(this.u32());
  }
}
