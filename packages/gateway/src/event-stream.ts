// AWS event-stream framing (application/vnd.amazon.eventstream), as
// SubscribeToShard answers: each message is a prelude (total length, headers
// length, CRC-32 of those 8 bytes), headers, payload, and a CRC-32 of all
// before it. Header values here are strings only (type 7), which is all the
// framing Kinesis's events use (:message-type, :event-type, :content-type,
// :exception-type).

const stringType = 7;
const preludeBytes = 12;
const crcBytes = 4;

const crcTable = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (ISO-HDLC, zlib's), which event-stream uses (not CRC-32C). */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function encodeHeaders(headers: Readonly<Record<string, string>>): Buffer {
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(headers)) {
    const n = Buffer.from(name, 'utf8');
    const v = Buffer.from(value, 'utf8');
    const h = Buffer.alloc(1 + n.length + 1 + 2 + v.length);
    h.writeUInt8(n.length, 0);
    n.copy(h, 1);
    h.writeUInt8(stringType, 1 + n.length);
    h.writeUInt16BE(v.length, 2 + n.length);
    v.copy(h, 4 + n.length);
    parts.push(h);
  }
  return Buffer.concat(parts);
}

/** One framed message. */
export function eventMessage(headers: Readonly<Record<string, string>>, payload: Buffer): Buffer {
  const h = encodeHeaders(headers);
  const total = preludeBytes + h.length + payload.length + crcBytes;
  const out = Buffer.alloc(total);
  out.writeUInt32BE(total, 0);
  out.writeUInt32BE(h.length, 4);
  out.writeUInt32BE(crc32(out.subarray(0, 8)), 8);
  h.copy(out, preludeBytes);
  payload.copy(out, preludeBytes + h.length);
  out.writeUInt32BE(crc32(out.subarray(0, total - crcBytes)), total - crcBytes);
  return out;
}

/** The headers and payload of one framed message (tests, and a check that framing round-trips). */
export function readEventMessage(frame: Buffer): { headers: Record<string, string>; payload: Buffer } {
  const total = frame.readUInt32BE(0);
  const headersBytes = frame.readUInt32BE(4);
  const headers: Record<string, string> = {};
  let pos = preludeBytes;
  while (pos < preludeBytes + headersBytes) {
    const nameLength = frame.readUInt8(pos);
    const name = frame.toString('utf8', pos + 1, pos + 1 + nameLength);
    pos += 1 + nameLength + 1;
    const valueLength = frame.readUInt16BE(pos);
    headers[name] = frame.toString('utf8', pos + 2, pos + 2 + valueLength);
    pos += 2 + valueLength;
  }
  return { headers, payload: frame.subarray(preludeBytes + headersBytes, total - crcBytes) };
}

/** One message of a stream: an event of a type, or an exception (which ends the stream) of a Kinesis name. */
export interface StreamMessage {
  readonly kind: 'event' | 'exception';
  /** :event-type (initial-response, SubscribeToShardEvent) or :exception-type (ResourceNotFoundException). */
  readonly type: string;
  readonly body: Record<string, unknown>;
}

/** What a streaming action returns: messages sent as framed event-stream messages until it ends. */
export class EventStreamOutput {
  constructor(
    readonly messages: AsyncIterable<StreamMessage>,
    /** Stops the stream early (the HTTP caller went away). */
    readonly cancel: () => void,
  ) {}
}
