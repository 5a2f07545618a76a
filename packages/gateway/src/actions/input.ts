// Typed reads of a checked input (types.ts made every member its type or null).
export type Input = Record<string, unknown>;

export function text(input: Input, name: string): string | undefined {
  const v = input[name];
  return typeof v === 'string' ? v : undefined;
}

export function int(input: Input, name: string): number | undefined {
  const v = input[name];
  return typeof v === 'number' ? v : undefined;
}

export function bool(input: Input, name: string): boolean | undefined {
  const v = input[name];
  return typeof v === 'boolean' ? v : undefined;
}

export function blob(input: Input, name: string): Buffer | undefined {
  const v = input[name];
  return Buffer.isBuffer(v) ? v : undefined;
}

export function struct(input: Input, name: string): Input | undefined {
  const v = input[name];
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !Buffer.isBuffer(v)
    ? (v as Input)
    : undefined;
}

export function strings(input: Input, name: string): string[] {
  const v = input[name];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

export function stringMap(input: Input, name: string): Record<string, string> {
  const v = struct(input, name) ?? {};
  return Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/** A timestamp member (ms since the epoch after the types step), whole milliseconds. */
export function time(input: Input, name: string): number | undefined {
  const v = input[name];
  return typeof v === 'number' ? Math.max(0, Math.round(v)) : undefined;
}
