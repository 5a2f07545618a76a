// Typed errors of the Raft core's storage contract. Storage implementations
// throw them from `RaftStorage.entries` / `term`; the core catches them by
// class (or by the fixed `name`, which survives crossing realms and bundles).

/** The requested index is below the compaction point: the entries are gone (send a snapshot). */
export class LogCompactedError extends Error {
  override readonly name = 'LogCompactedError' as const;
  constructor(message = 'requested index is unavailable due to compaction', options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The requested index is past the last index of the log. */
export class LogUnavailableError extends Error {
  override readonly name = 'LogUnavailableError' as const;
  constructor(message = 'requested entry at index is unavailable', options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** True when `e` is a LogCompactedError, also across module copies. */
export function isLogCompacted(e: unknown): e is LogCompactedError {
  return e instanceof LogCompactedError || (e instanceof Error && e.name === 'LogCompactedError');
}

/** True when `e` is a LogUnavailableError, also across module copies. */
export function isLogUnavailable(e: unknown): e is LogUnavailableError {
  return e instanceof LogUnavailableError || (e instanceof Error && e.name === 'LogUnavailableError');
}
