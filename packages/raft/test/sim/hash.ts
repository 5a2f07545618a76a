// Hashes the checkers and the trace use. Two 32-bit lanes give a 53-bit
// value (a safe JS integer) so that a collision between two different logs
// is out of reach for the sizes a simulation produces.

import type { Entry } from '../../src/index.js';

const MASK_21 = 0x1fffff;

/** A running 53-bit hash; `mix` folds in 32-bit words, `value` reads it. */
export class Hash53 {
  private h1: number;
  private h2: number;

  constructor(seed = 0) {
    this.h1 = 0xdeadbeef ^ seed;
    this.h2 = 0x41c6ce57 ^ seed;
  }

  mix(word: number): this {
    const w = word | 0;
    this.h1 = Math.imul(this.h1 ^ w, 2654435761);
    this.h2 = Math.imul(this.h2 ^ w, 1597334677);
    return this;
  }

  mixBytes(bytes: Uint8Array): this {
    this.mix(bytes.byteLength);
    for (let i = 0; i < bytes.byteLength; i++) this.mix(bytes[i]!);
    return this;
  }

  value(): number {
    let h1 = Math.imul(this.h1 ^ (this.h1 >>> 16), 2246822507);
    h1 ^= Math.imul(this.h2 ^ (this.h2 >>> 13), 3266489909);
    let h2 = Math.imul(this.h2 ^ (this.h2 >>> 16), 2246822507);
    h2 ^= Math.imul(this.h1 ^ (this.h1 >>> 13), 3266489909);
    return (h2 & MASK_21) * 0x100000000 + (h1 >>> 0);
  }
}

/**
 * The chain hash of a log after `e`, given the chain hash before it. Two
 * logs have the same chain hash at index i exactly when they hold the same
 * entries 1..i (up to hash collisions), which turns log matching and
 * state-machine safety into comparisons of one number per index.
 */
export function chainNext(prev: number, e: Entry): number {
  const h = new Hash53(7);
  h.mix(prev % 0x100000000).mix(Math.floor(prev / 0x100000000));
  h.mix(e.index).mix(e.term).mix(e.type);
  return h.mixBytes(e.data).value();
}
