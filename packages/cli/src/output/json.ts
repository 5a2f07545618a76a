// `--json` output: one JSON document per command (or one object per line for
// streams of records), with bigints as decimal strings so every value
// survives JSON.parse in any language.

export function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}
