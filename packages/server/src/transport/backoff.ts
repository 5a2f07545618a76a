// Jittered exponential backoff for redialing a peer: the delay doubles per
// failed attempt up to a ceiling, and each wait is drawn in [delay/2, delay]
// so that the nodes of a restarted cluster do not all redial in step.

export interface BackoffOptions {
  readonly initialMs: number;
  readonly maxMs: number;
}

/** The wait before attempt `attempt` (0 for the first retry); `random` returns [0, 1). */
export function backoffDelayMs(attempt: number, options: BackoffOptions, random: () => number): number {
  const ceiling = Math.min(options.maxMs, options.initialMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
