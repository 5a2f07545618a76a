// Assertions for programmer errors; kept on in production (TigerBeetle style).
export function assert(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(`broker assertion failed: ${message}`);
}
