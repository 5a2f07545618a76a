// Shape checks for decoding JSON from the log or a snapshot: each returns the
// value typed or throws RheoError('Corrupt') naming the path at fault.
import { RheoError } from '@rheo/wire';

export type Json = unknown;

export function corrupt(what: string): RheoError {
  return new RheoError('Corrupt', `metadata ${what}`);
}

export function obj(v: Json, path: string): Record<string, Json> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw corrupt(`${path} is not an object`);
  return v as Record<string, Json>;
}

export function arr(v: Json, path: string): Json[] {
  if (!Array.isArray(v)) throw corrupt(`${path} is not an array`);
  return v;
}

export function str(v: Json, path: string): string {
  if (typeof v !== 'string') throw corrupt(`${path} is not a string`);
  return v;
}

export function int(v: Json, path: string): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw corrupt(`${path} is not an integer`);
  return v;
}

export function num(v: Json, path: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw corrupt(`${path} is not a number`);
  return v;
}

export function bool(v: Json, path: string): boolean {
  if (typeof v !== 'boolean') throw corrupt(`${path} is not a boolean`);
  return v;
}

export function oneOf<T extends string>(v: Json, options: readonly T[], path: string): T {
  if (typeof v !== 'string' || !(options as readonly string[]).includes(v)) {
    throw corrupt(`${path} is not one of ${options.join(', ')}`);
  }
  return v as T;
}

export function ints(v: Json, path: string): number[] {
  return arr(v, path).map((x, i) => int(x, `${path}[${i}]`));
}

export function strings(v: Json, path: string): string[] {
  return arr(v, path).map((x, i) => str(x, `${path}[${i}]`));
}

export function stringMap(v: Json, path: string): Record<string, string> {
  const o = obj(v, path);
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(o)) out[k] = str(x, `${path}.${k}`);
  return out;
}

/** A non-negative decimal bigint written as a string. */
export function bigintStr(v: Json, path: string): bigint {
  const s = str(v, path);
  if (!/^(0|[1-9][0-9]*)$/.test(s)) throw corrupt(`${path} is not a decimal integer`);
  return BigInt(s);
}

export function optional<T>(v: Json, read: (x: Json, path: string) => T, path: string): T | undefined {
  return v === undefined ? undefined : read(v, path);
}

/** JSON text of UTF-8 bytes, Corrupt when either layer is malformed. */
export function parseJsonBytes(bytes: Uint8Array, what: string): Json {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (err) {
    throw new RheoError('Corrupt', `${what} is not UTF-8`, { cause: err });
  }
  try {
    return JSON.parse(text) as Json;
  } catch (err) {
    throw new RheoError('Corrupt', `${what} is not JSON`, { cause: err });
  }
}

export function jsonBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(value));
}
