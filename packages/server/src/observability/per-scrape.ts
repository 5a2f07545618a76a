// A value computed once per scrape: prom-client calls every metric's
// collect() in one pass over the registry, so several metrics that read the
// same figures (every replica's status, every stream's sums) share one
// computation, forgotten on the next event-loop turn.

/** Returns a getter that computes `compute()` at most once per event-loop turn. */
export function perScrape<T>(compute: () => T): () => T {
  let cached: { value: T } | undefined;
  return () => {
    if (cached === undefined) {
      cached = { value: compute() };
      setImmediate(() => {
        cached = undefined;
      });
    }
    return cached.value;
  };
}

/** Sets a pulled counter to an absolute total: prom-client counters only go up, so reset, then add it. */
export function setTotal(
  counter: { reset(): void; inc(labels: Record<string, string | number>, value: number): void },
  rows: Iterable<readonly [Record<string, string | number>, number]>,
): void {
  counter.reset();
  for (const [labels, value] of rows) counter.inc(labels, value);
}
