// The encoding of a ConfChange in a ConfChange entry's data. JSON is fine:
// conf changes are rare and small; decoding is strict so a damaged entry is
// reported rather than misapplied.

import { type ConfChange, type ConfChangeSingle, ConfChangeType } from './node-api.js';

const TYPES: ReadonlySet<string> = new Set(Object.values(ConfChangeType));
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export function encodeConfChange(cc: ConfChange): Uint8Array {
  return encoder.encode(JSON.stringify({ t: cc.transition, c: cc.changes.map((c) => [c.type, c.nodeId]) }));
}

/** The ConfChange in an entry's data, or null when the data is not one. */
export function decodeConfChange(data: Uint8Array): ConfChange | null {
  let v: unknown;
  try {
    v = JSON.parse(decoder.decode(data));
  } catch {
    return null;
  }
  if (typeof v !== 'object' || v === null) return null;
  const o = v as { t?: unknown; c?: unknown };
  if (o.t !== 'auto' && o.t !== 'explicit') return null;
  if (!Array.isArray(o.c)) return null;
  const changes: ConfChangeSingle[] = [];
  for (const c of o.c as unknown[]) {
    if (!Array.isArray(c) || c.length !== 2) return null;
    const [type, nodeId] = c as [unknown, unknown];
    if (typeof type !== 'string' || !TYPES.has(type)) return null;
    if (typeof nodeId !== 'number' || !Number.isSafeInteger(nodeId) || nodeId <= 0) return null;
    changes.push({ type: type as ConfChangeType, nodeId });
  }
  return { transition: o.t, changes };
}
