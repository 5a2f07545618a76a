// The two body formats of the Kinesis API. JSON (application/x-amz-json-1.1):
// blobs are base64 strings, timestamps epoch seconds with a fraction. CBOR
// (application/x-amz-cbor-1.1, the Java SDK's default): blobs are byte
// strings, timestamps epoch milliseconds. Parsing yields plain values; the
// types step (types.ts) turns blobs and timestamps into Buffer and ms by the
// action's schema, so the actions never see the format. Rendering takes
// Buffer for blobs and `Timestamp` for times.
import { Decoder, Encoder } from 'cbor-x';
import { serializationError } from './kinesis-error.js';

export type BodyFormat = 'json' | 'cbor';

export const contentTypes: Readonly<Record<BodyFormat, string>> = {
  json: 'application/x-amz-json-1.1',
  cbor: 'application/x-amz-cbor-1.1',
};

/** The format a Content-Type names; undefined for any other type. */
export function formatOf(contentType: string | undefined): BodyFormat | undefined {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === contentTypes.json || type === 'application/json') return 'json';
  if (type === contentTypes.cbor || type === 'application/cbor') return 'cbor';
  return undefined;
}

/** A point in time in a response, rendered by format (seconds with fraction, or ms). */
export class Timestamp {
  constructor(readonly ms: number) {}
}

// Plain maps and no record extension: other CBOR decoders (the Java SDK's
// Jackson) must read what this writes.
const cborDecoder = new Decoder({ mapsAsObjects: true, useRecords: false });
const cborEncoder = new Encoder({ mapsAsObjects: true, useRecords: false, tagUint8Array: false });

/** The request body as a plain object; an empty body is `{}` (Kinesis's reading). */
export function parseBody(body: Buffer, format: BodyFormat): Record<string, unknown> {
  if (body.length === 0) return {};
  let value: unknown;
  try {
    value = format === 'json' ? JSON.parse(body.toString('utf8')) : cborDecoder.decode(body);
  } catch {
    throw serializationError(format === 'json' ? 'Malformed JSON body' : 'Malformed CBOR body');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof Uint8Array) {
    throw serializationError('The request body must be a JSON or CBOR map');
  }
  return value as Record<string, unknown>;
}

/** `value` with blobs and timestamps in `format`'s spelling, undefined members left out. */
function forFormat(value: unknown, format: BodyFormat): unknown {
  if (value instanceof Timestamp) return format === 'json' ? value.ms / 1000 : Math.round(value.ms);
  if (value instanceof Uint8Array) {
    return format === 'json'
      ? Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64')
      : value;
  }
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => forFormat(v, format));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = forFormat(v, format);
  return out;
}

/** A response body in `format`; undefined members are left out. */
export function renderBody(value: Record<string, unknown>, format: BodyFormat): Buffer {
  const plain = forFormat(value, format);
  if (format === 'json') return Buffer.from(JSON.stringify(plain), 'utf8');
  return Buffer.from(cborEncoder.encode(plain));
}
