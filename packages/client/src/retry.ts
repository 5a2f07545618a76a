// The one retry loop of the SDK's unary calls: attempt, and on a failure the
// caller judges retryable, wait a jittered backoff and go again, within the
// policy's attempt count and total time. The last error is what the caller
// sees, with the attempt count in its message's context (`attempts`).
import { backoffMs, mayRetry, type RetryPolicy, sleep } from './backoff.js';
import { ClientClosedError, callError } from './errors.js';
import type { RheoError } from './grpc.js';

export interface RetryContext {
  readonly policy: RetryPolicy;
  readonly random: () => number;
  readonly now: () => number;
  /** Checked before each attempt: throws once the owner is closed. */
  readonly checkOpen: () => void;
}

/**
 * Runs `attempt` until it succeeds, `shouldRetry` says no, or the policy's
 * bounds are reached. `shouldRetry` may also act on the error (refresh a
 * shard map) before the backoff.
 */
export async function retrying<T>(
  ctx: RetryContext,
  attempt: (attemptNumber: number) => Promise<T>,
  shouldRetry: (err: RheoError, attemptNumber: number) => boolean,
): Promise<T> {
  const startedMs = ctx.now();
  for (let n = 1; ; n++) {
    ctx.checkOpen();
    try {
      return await attempt(n);
    } catch (caught) {
      if (caught instanceof ClientClosedError) throw caught;
      const err = callError(caught);
      if (!shouldRetry(err, n) || !mayRetry(ctx.policy, n, startedMs, ctx.now(), err)) throw err;
      await sleep(backoffMs(ctx.policy, n, ctx.random, err.retryAfterMs));
    }
  }
}
