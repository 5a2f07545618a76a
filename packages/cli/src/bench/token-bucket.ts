// A token bucket for --rate: `ratePerS` tokens a second, at most one second's
// worth banked (so a pause is not followed by an unbounded burst). take()
// resolves when the tokens are there; callers take in small groups so the
// timer cost stays per group, not per record.
import assert from 'node:assert/strict';

export class TokenBucket {
  private tokens = 0;
  private lastMs: number;
  private readonly burstMax: number;

  constructor(
    readonly ratePerS: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    assert.ok(ratePerS > 0, 'rate must be positive');
    this.burstMax = Math.max(1, ratePerS);
    this.lastMs = now();
  }

  private refill(): void {
    const now = this.now();
    this.tokens = Math.min(this.burstMax, this.tokens + ((now - this.lastMs) * this.ratePerS) / 1000);
    this.lastMs = now;
  }

  /** Resolves once `count` tokens have been taken. */
  async take(count: number): Promise<void> {
    this.refill();
    while (this.tokens < count) {
      const waitMs = ((count - this.tokens) * 1000) / this.ratePerS;
      await new Promise((resolve) => setTimeout(resolve, Math.max(1, Math.ceil(waitMs))));
      this.refill();
    }
    this.tokens -= count;
  }
}
