// A token bucket on a caller's clock: `ratePerS` tokens a second, at most
// `capacity` banked. Pure arithmetic; every call takes the time, so a test
// (or a simulation) drives it with any clock it likes.
//
// Two ways to spend:
// - tryTake: all or nothing. A cost larger than the capacity could never be
//   paid from the bank, so it is admitted from a FULL bucket and leaves it in
//   debt (negative), which the refill pays back before anything else is
//   admitted. Over any interval of length t the bucket therefore admits at
//   most rate × t + capacity, plus the excess of one oversized cost.
// - charge: after the fact (a read's bytes are known once it is done). It may
//   also leave debt; `inDebt` says so.

export class TokenBucket {
  private tokens: number;
  private atMs: number;

  constructor(
    private ratePerS: number,
    private capacityTokens: number,
    nowMs: number,
  ) {
    checkRate(ratePerS, capacityTokens);
    this.tokens = capacityTokens;
    this.atMs = nowMs;
  }

  get rate(): number {
    return this.ratePerS;
  }

  get capacity(): number {
    return this.capacityTokens;
  }

  /** Tokens banked now (negative while in debt). */
  available(nowMs: number): number {
    this.refill(nowMs);
    return this.tokens;
  }

  /** Takes `cost` when it fits (see the file comment for a cost above the capacity); false takes nothing. */
  tryTake(cost: number, nowMs: number): boolean {
    if (!this.fits(cost, nowMs)) return false;
    this.tokens -= cost;
    return true;
  }

  /** Would tryTake(cost) succeed now? Takes nothing (a caller checking two buckets asks both first). */
  fits(cost: number, nowMs: number): boolean {
    this.refill(nowMs);
    return this.tokens >= Math.min(cost, this.capacityTokens);
  }

  /** Takes `cost` unconditionally (it may leave the bucket in debt). */
  charge(cost: number, nowMs: number): void {
    this.refill(nowMs);
    this.tokens -= cost;
  }

  inDebt(nowMs: number): boolean {
    return this.available(nowMs) < 0;
  }

  /** Ms until tryTake(cost) could succeed (0 when it would now). */
  waitMs(cost: number, nowMs: number): number {
    this.refill(nowMs);
    const missing = Math.min(cost, this.capacityTokens) - this.tokens;
    return missing <= 0 ? 0 : Math.ceil((missing * 1000) / this.ratePerS);
  }

  /** New rate and capacity; the banked tokens are kept (clamped to the new capacity). */
  configure(ratePerS: number, capacityTokens: number, nowMs: number): void {
    checkRate(ratePerS, capacityTokens);
    this.refill(nowMs);
    this.ratePerS = ratePerS;
    this.capacityTokens = capacityTokens;
    this.tokens = Math.min(this.tokens, capacityTokens);
  }

  private refill(nowMs: number): void {
    // A clock that steps back adds nothing (and never takes tokens away).
    if (nowMs <= this.atMs) return;
    this.tokens = Math.min(this.capacityTokens, this.tokens + ((nowMs - this.atMs) * this.ratePerS) / 1000);
    this.atMs = nowMs;
  }
}

function checkRate(ratePerS: number, capacity: number): void {
  if (!(Number.isFinite(ratePerS) && ratePerS > 0 && Number.isFinite(capacity) && capacity > 0))
    throw new TypeError(`token bucket: rate ${ratePerS}/s and capacity ${capacity} must be positive`);
}
