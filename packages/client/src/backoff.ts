// Jittered exponential backoff and the bounds of one retry loop. "Full
// jitter" (a uniform draw below the exponential ceiling) spreads the retries
// of many producers that failed together, so a recovering leader is not hit
// by them all at once. Randomness is injected so tests are repeatable.

export interface RetryPolicy {
  /** Attempts in all, the first included (1 = no retry). */
  readonly attemptsMax: number;
  /** Give up once this long has passed since the first attempt, whatever the attempt count. */
  readonly totalMs: number;
  /** Ceiling of the first backoff; doubles per attempt. */
  readonly backoffBaseMs: number;
  /** Largest ceiling a backoff reaches. */
  readonly backoffMaxMs: number;
}

export const defaultRetryPolicy: RetryPolicy = Object.freeze({
  attemptsMax: 10,
  totalMs: 30_000,
  backoffBaseMs: 25,
  backoffMaxMs: 2_000,
});

/**
 * How long to wait before attempt `attempt + 1` (attempt counts from 1):
 * uniform in [ceiling/2, ceiling] so a retry never comes back at once, and at
 * least the server's hint when it gave one.
 */
export function backoffMs(
  policy: RetryPolicy,
  attempt: number,
  random: () => number,
  retryAfterMs = 0,
): number {
  const ceiling = Math.min(policy.backoffMaxMs, policy.backoffBaseMs * 2 ** Math.max(0, attempt - 1));
  const jittered = ceiling / 2 + random() * (ceiling / 2);
  return Math.max(retryAfterMs, Math.round(jittered));
}

/**
 * True when another attempt fits the policy's bounds (count and total time).
 * Throttling (`err` ProvisionedThroughputExceeded) is the server pacing the
 * caller to the shard's limits, not a failure: only the total time bounds
 * those retries, so a producer running above a shard's limit for a while
 * slows down instead of dropping records.
 */
export function mayRetry(
  policy: RetryPolicy,
  attempt: number,
  startedMs: number,
  nowMs: number,
  err?: { readonly code: string },
): boolean {
  const inTime = nowMs - startedMs < policy.totalMs;
  if (err?.code === 'ProvisionedThroughputExceeded') return inTime;
  return attempt < policy.attemptsMax && inTime;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
