// Field schemas for the node configuration. Every field accepts its typed
// form (from the YAML file) and its string form (from flags and the
// environment, which only carry strings), so the one schema validates all
// three sources the same way. Each schema's error text is the "expected …"
// phrase; load-config.ts adds the key, the value it got and its source.
import { z } from 'zod';

/** A listen or dial address. `address` is `host:port` as given (IPv6 in brackets). */
export interface HostPort {
  readonly host: string;
  readonly port: number;
  readonly address: string;
}

/** A node named with its address, as in `id@host:port`. */
export interface NodeAddress {
  readonly id: number;
  readonly host: string;
  readonly port: number;
  readonly address: string;
}

const PORT_MAX = 65_535;
const HOST_PORT_RE = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9][A-Za-z0-9.-]*):(\d{1,5})$/;
const NODE_ADDRESS_RE = /^(\d{1,9})@(.+)$/;
const INT_RE = /^[+-]?\d+$/;
const SIZE_RE = /^(\d+)\s*(B|KiB|MiB|GiB)?$/;
const SIZE_UNITS: Readonly<Record<string, number>> = { B: 1, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3 };

function intFromString(v: unknown): unknown {
  return typeof v === 'string' && INT_RE.test(v.trim()) ? Number(v.trim()) : v;
}

function sizeFromString(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const m = SIZE_RE.exec(v.trim());
  return m === null ? v : Number(m[1]) * (SIZE_UNITS[m[2] ?? 'B'] ?? 1);
}

/** A comma-separated string becomes a list (flags and environment); a list stays as is. */
function listFromString(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  return v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** An integer in [min, max]; `expected` is the phrase errors use. */
export function intField(min: number, max: number, expected: string) {
  return z.preprocess(
    intFromString,
    z.int({ error: expected }).min(min, { error: expected }).max(max, { error: expected }),
  );
}

/** A byte count in [min, max], as an integer or a string such as `64MiB`. */
export function bytesField(min: number, max: number) {
  const expected = `a byte count from ${min} to ${max} (an integer, or with a unit: KiB, MiB, GiB)`;
  return z.preprocess(
    sizeFromString,
    z.int({ error: expected }).min(min, { error: expected }).max(max, { error: expected }),
  );
}

export function enumField<const T extends readonly [string, ...string[]]>(values: T) {
  const expected = `one of ${values.join(', ')}`;
  return z.enum(values, { error: expected });
}

export function stringField(pattern: RegExp, expected: string) {
  return z.string({ error: expected }).regex(pattern, { error: expected });
}

/** Parses `host:port`; port 0 only where `allowPortZero` (listeners that take any free port). */
export function parseHostPort(s: string, allowPortZero: boolean): HostPort | undefined {
  const m = HOST_PORT_RE.exec(s.trim());
  if (m === null) return undefined;
  const port = Number(m[2]);
  if (port > PORT_MAX || (port === 0 && !allowPortZero)) return undefined;
  return { host: m[1]!, port, address: `${m[1]}:${port}` };
}

export function hostPortField(allowPortZero: boolean) {
  const expected = allowPortZero ? 'host:port (port 0 to 65535)' : 'host:port (port 1 to 65535)';
  return z.string({ error: expected }).transform((s, ctx) => {
    const hp = parseHostPort(s, allowPortZero);
    if (hp === undefined) {
      ctx.addIssue({ code: 'custom', message: expected });
      return z.NEVER;
    }
    return hp;
  });
}

/** `host:port`, or empty / `off` / null for "not listening". */
export function optionalHostPortField() {
  const expected = 'host:port, or "off"';
  return z.union([z.null(), z.string({ error: expected })], { error: expected }).transform((s, ctx) => {
    if (s === null || s.trim() === '' || s.trim() === 'off') return null;
    const hp = parseHostPort(s, true);
    if (hp === undefined) {
      ctx.addIssue({ code: 'custom', message: expected });
      return z.NEVER;
    }
    return hp;
  });
}

function parseNodeAddress(s: string): NodeAddress | undefined {
  const m = NODE_ADDRESS_RE.exec(s.trim());
  if (m === null) return undefined;
  const id = Number(m[1]);
  const hp = parseHostPort(m[2]!, false);
  if (id < 1 || hp === undefined) return undefined;
  return { id, ...hp };
}

/** A peer map from YAML (`{2: "host:port"}`) becomes the list form (`["2@host:port"]`). */
function nodeListFromMap(v: unknown): unknown {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return listFromString(v);
  return Object.entries(v).map(([id, addr]) => (typeof addr === 'string' ? `${id}@${addr}` : addr));
}

/** A list of `id@host:port` (comma-separated in flags and environment; a map id → address in YAML too). */
export function nodeAddressListField() {
  const expected = 'id@host:port (a positive id, port 1 to 65535)';
  const item = z.string({ error: expected }).transform((s, ctx) => {
    const na = parseNodeAddress(s);
    if (na === undefined) {
      ctx.addIssue({ code: 'custom', message: expected });
      return z.NEVER;
    }
    return na;
  });
  return z.preprocess(nodeListFromMap, z.array(item, { error: `a list of ${expected}` }));
}

export function listField<T extends z.ZodType>(item: T, expected: string) {
  return z.preprocess(listFromString, z.array(item, { error: expected }));
}
