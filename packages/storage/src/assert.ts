// Assertions for programmer errors. They stay on in production (TigerBeetle
// style): a broken invariant in the storage layer must stop the node before
// it writes something wrong, not after.

export class AssertionError extends Error {
  override readonly name = 'AssertionError' as const;
}

export function assert(cond: unknown, message: string): asserts cond {
  if (!cond) throw new AssertionError(message);
}

export function assertSafeIndex(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0)
    throw new AssertionError(`${what}: not a safe non-negative integer: ${n}`);
}
