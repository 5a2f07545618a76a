// The types step of the pipeline: every member the schema knows must have
// its type, or the request is a SerializationException (as Kinesis answers a
// string where a number belongs). Blobs become Buffers (base64 in JSON, byte
// strings in CBOR) and timestamps ms since the epoch (seconds in JSON, ms in
// CBOR). Members the schema does not know are dropped, as Kinesis ignores them.
import type { BodyFormat } from './body-codec.js';
import { serializationError } from './kinesis-error.js';
import type { FieldSpec, InputSchema } from './schema.js';

function kindOf(value: unknown): string {
  if (typeof value === 'string') return 'STRING_VALUE';
  if (typeof value === 'number' || typeof value === 'bigint') return 'NUMBER_VALUE';
  if (typeof value === 'boolean') return value ? 'TRUE_VALUE' : 'FALSE_VALUE';
  if (Array.isArray(value)) return 'START_ARRAY';
  if (value instanceof Uint8Array) return 'BLOB_VALUE';
  if (value instanceof Date) return 'TIMESTAMP_VALUE';
  return 'START_OBJECT';
}

function mismatch(value: unknown, wanted: string): never {
  if (
    typeof value === 'object' &&
    value !== null &&
    !(value instanceof Uint8Array) &&
    !(value instanceof Date)
  ) {
    throw serializationError(
      Array.isArray(value)
        ? 'Start of list found where not expected'
        : 'Start of structure or map found where not expected.',
    );
  }
  throw serializationError(`${kindOf(value)} can not be converted to ${wanted}`);
}

const base64Pattern = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function toBlob(value: unknown, format: BodyFormat): Buffer {
  if (value instanceof Uint8Array && format === 'cbor') {
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  }
  if (typeof value !== 'string') return mismatch(value, 'a Blob');
  if (!base64Pattern.test(value)) {
    throw serializationError(
      'Base64 encoded length is expected a multiple of 4 bytes and only base64 characters',
    );
  }
  return Buffer.from(value, 'base64');
}

function toTimestampMs(value: unknown, format: BodyFormat): number {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.getTime();
  if (typeof value === 'number' && Number.isFinite(value)) return format === 'json' ? value * 1000 : value;
  return mismatch(value, 'a Timestamp');
}

function toInteger(value: unknown, wanted: string): number {
  if (typeof value === 'number' && Number.isFinite(value)) return Math.trunc(value);
  if (
    typeof value === 'bigint' &&
    value >= BigInt(Number.MIN_SAFE_INTEGER) &&
    value <= BigInt(Number.MAX_SAFE_INTEGER)
  ) {
    return Number(value);
  }
  return mismatch(value, wanted);
}

/** One member's value, converted per its spec; null and undefined stay null (validate.ts checks notNull). */
function convert(value: unknown, spec: FieldSpec, format: BodyFormat): unknown {
  if (value === null || value === undefined) return null;
  switch (spec.type) {
    case 'String':
      return typeof value === 'string' ? value : mismatch(value, 'a String');
    case 'Integer':
      return toInteger(value, 'an Integer');
    case 'Long':
      return toInteger(value, 'a Long');
    case 'Boolean':
      return typeof value === 'boolean' ? value : mismatch(value, 'a Boolean');
    case 'Blob':
      return toBlob(value, format);
    case 'Timestamp':
      return toTimestampMs(value, format);
    case 'List':
      if (!Array.isArray(value)) return mismatch(value, 'a List');
      return value.map((v) => convert(v, spec.member, format));
    case 'Map':
      return convertMap(value, spec.value, format);
    case 'Structure':
      return convertStructure(value, spec.members, format);
  }
}

function isPlainMap(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Uint8Array) &&
    !(value instanceof Date)
  );
}

function convertMap(value: unknown, spec: FieldSpec, format: BodyFormat): Record<string, unknown> {
  if (!isPlainMap(value)) return mismatch(value, 'a Map');
  // fromEntries defines own properties, so a key such as "__proto__" stays a plain key.
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convert(v, spec, format)]));
}

function convertStructure(value: unknown, members: InputSchema, format: BodyFormat): Record<string, unknown> {
  if (!isPlainMap(value)) return mismatch(value, 'a Structure');
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(members)) {
    if (Object.hasOwn(value, name)) out[name] = convert(value[name], spec, format);
  }
  return out;
}

/** The body's members typed by `schema`; throws SerializationException on a type mismatch. */
export function checkTypes(
  body: Record<string, unknown>,
  schema: InputSchema,
  format: BodyFormat,
): Record<string, unknown> {
  return convertStructure(body, schema, format);
}
