// A hand-written protobuf codec for rheo.v1.RaftBatch, the transport's one
// frame type. Generic protobufjs costs about 10 µs per message each way
// (object conversion, Long handling); a node with 1,000 groups exchanges
// tens of thousands of small Raft messages a second, so the frame codec is
// the transport's hot spot. This one writes and reads the same bytes as the
// contract's (tests hold it to @grpc/proto-loader's codec both ways) and
// produces the same decoded shape (`pb.RaftBatch__Output`: camelCase,
// defaults filled, enums by name, bytes as Buffer views of the frame).
//
// Encoding takes numbers only (no Long, no strings for 64-bit fields), as
// the transport's own objects are. Decoding treats the bytes as untrusted:
// any overrun, bad wire type or truncated varint throws BatchDecodeError
// (batch-decode.ts).
import type { pb } from '@rheo/wire';
import { ENTRY_TYPE_NAMES, MESSAGE_TYPE_NAMES } from './batch-decode.js';

const VARINT = 0;
const LEN = 2;
const EMPTY = Buffer.alloc(0);

// ---- encoding: sizes first, then one buffer written front to back ----

function varintBytes(n: number): number {
  let bytes = 1;
  while (n >= 128) {
    n = Math.floor(n / 128);
    bytes++;
  }
  return bytes;
}

function num(v: unknown): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0)
    throw new TypeError(`batch codec: expected a safe non-negative integer, got ${String(v)}`);
  return v;
}

function enumNumber(v: unknown, names: readonly string[]): number {
  return typeof v === 'string' ? Math.max(0, names.indexOf(v)) : num(v);
}

function bytesOf(v: unknown): Uint8Array {
  if (v === undefined || v === null) return EMPTY;
  if (v instanceof Uint8Array) return v;
  throw new TypeError('batch codec: expected bytes');
}

/** Size of a scalar varint field (0 when it is the default and omitted). */
function fieldVarint(n: number): number {
  return n === 0 ? 0 : 1 + varintBytes(n);
}

function fieldLen(len: number): number {
  return 1 + varintBytes(len) + len;
}

function packedBytes(values: readonly number[] | undefined): number {
  if (values === undefined || values.length === 0) return 0;
  let n = 0;
  for (const v of values) n += varintBytes(num(v));
  return n;
}

class Writer {
  pos = 0;
  constructor(readonly buf: Buffer) {}

  varint(n: number): void {
    const buf = this.buf;
    while (n >= 128) {
      buf[this.pos++] = (n % 128) | 128;
      n = Math.floor(n / 128);
    }
    buf[this.pos++] = n;
  }

  tag(field: number, wire: number): void {
    this.buf[this.pos++] = (field << 3) | wire;
  }

  varintField(field: number, n: number): void {
    if (n === 0) return;
    this.tag(field, VARINT);
    this.varint(n);
  }

  bytesField(field: number, b: Uint8Array, always = false): void {
    if (b.length === 0 && !always) return;
    this.tag(field, LEN);
    this.varint(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  packedField(field: number, values: readonly number[] | undefined): void {
    const len = packedBytes(values);
    if (len === 0) return;
    this.tag(field, LEN);
    this.varint(len);
    for (const v of values!) this.varint(v);
  }

  header(field: number, len: number): void {
    this.tag(field, LEN);
    this.varint(len);
  }
}

// Each encoded part is described by its size function and its write function; sizes are cached per call.

function entrySize(e: pb.RaftEntry): number {
  return (
    fieldVarint(num(e.term ?? 0)) +
    fieldVarint(num(e.index ?? 0)) +
    fieldVarint(enumNumber(e.type ?? 0, ENTRY_TYPE_NAMES)) +
    (bytesOf(e.data).length === 0 ? 0 : fieldLen(bytesOf(e.data).length))
  );
}

function writeEntry(w: Writer, e: pb.RaftEntry): void {
  w.varintField(1, num(e.term ?? 0));
  w.varintField(2, num(e.index ?? 0));
  w.varintField(3, enumNumber(e.type ?? 0, ENTRY_TYPE_NAMES));
  w.bytesField(4, bytesOf(e.data));
}

function confStateSize(c: pb.RaftConfState): number {
  let n = 0;
  for (const list of [c.voters, c.learners, c.votersOutgoing, c.learnersNext]) {
    const len = packedBytes(list);
    if (len > 0) n += fieldLen(len);
  }
  return n + (c.autoLeave ? 2 : 0);
}

function writeConfState(w: Writer, c: pb.RaftConfState): void {
  w.packedField(1, c.voters);
  w.packedField(2, c.learners);
  w.packedField(3, c.votersOutgoing);
  w.packedField(4, c.learnersNext);
  if (c.autoLeave) w.varintField(5, 1);
}

function metadataSize(m: pb.RaftSnapshotMetadata): number {
  const cs = m.confState ?? null;
  return (
    fieldVarint(num(m.index ?? 0)) +
    fieldVarint(num(m.term ?? 0)) +
    (cs === null ? 0 : fieldLen(confStateSize(cs)))
  );
}

function writeMetadata(w: Writer, m: pb.RaftSnapshotMetadata): void {
  w.varintField(1, num(m.index ?? 0));
  w.varintField(2, num(m.term ?? 0));
  if (m.confState !== undefined && m.confState !== null) {
    w.header(3, confStateSize(m.confState));
    writeConfState(w, m.confState);
  }
}

function snapshotSize(s: pb.RaftSnapshot): number {
  const md = s.metadata ?? null;
  const data = bytesOf(s.data).length;
  return (md === null ? 0 : fieldLen(metadataSize(md))) + (data === 0 ? 0 : fieldLen(data));
}

function writeSnapshot(w: Writer, s: pb.RaftSnapshot): void {
  if (s.metadata !== undefined && s.metadata !== null) {
    w.header(1, metadataSize(s.metadata));
    writeMetadata(w, s.metadata);
  }
  w.bytesField(2, bytesOf(s.data));
}

function messageSize(m: pb.RaftMessage): number {
  let n =
    fieldVarint(enumNumber(m.type ?? 0, MESSAGE_TYPE_NAMES)) +
    fieldVarint(num(m.to ?? 0)) +
    fieldVarint(num(m.from ?? 0)) +
    fieldVarint(num(m.term ?? 0)) +
    fieldVarint(num(m.logTerm ?? 0)) +
    fieldVarint(num(m.index ?? 0)) +
    fieldVarint(num(m.commit ?? 0)) +
    (m.reject ? 2 : 0) +
    fieldVarint(num(m.rejectHint ?? 0)) +
    fieldVarint(num(m.rejectHintTerm ?? 0));
  for (const e of m.entries ?? []) n += fieldLen(entrySize(e));
  const ctx = bytesOf(m.context).length;
  if (ctx > 0) n += fieldLen(ctx);
  if (m.snapshot !== undefined && m.snapshot !== null) n += fieldLen(snapshotSize(m.snapshot));
  return n;
}

function writeMessage(w: Writer, m: pb.RaftMessage): void {
  w.varintField(1, enumNumber(m.type ?? 0, MESSAGE_TYPE_NAMES));
  w.varintField(2, num(m.to ?? 0));
  w.varintField(3, num(m.from ?? 0));
  w.varintField(4, num(m.term ?? 0));
  w.varintField(5, num(m.logTerm ?? 0));
  w.varintField(6, num(m.index ?? 0));
  for (const e of m.entries ?? []) {
    w.header(7, entrySize(e));
    writeEntry(w, e);
  }
  w.varintField(8, num(m.commit ?? 0));
  if (m.reject) w.varintField(9, 1);
  w.varintField(10, num(m.rejectHint ?? 0));
  w.varintField(11, num(m.rejectHintTerm ?? 0));
  w.bytesField(12, bytesOf(m.context));
  if (m.snapshot !== undefined && m.snapshot !== null) {
    w.header(13, snapshotSize(m.snapshot));
    writeSnapshot(w, m.snapshot);
  }
}

function groupMessageSize(g: pb.GroupMessage, inner: number): number {
  return (
    fieldVarint(num(g.groupId ?? 0)) + (g.message === undefined || g.message === null ? 0 : fieldLen(inner))
  );
}

function coalescedSize(c: pb.CoalescedHeartbeats): number {
  let n = 0;
  for (const list of [c.groupIds, c.terms, c.commits, c.indexes] as Array<readonly number[] | undefined>) {
    const len = packedBytes(list);
    if (len > 0) n += fieldLen(len);
  }
  return n;
}

function writeCoalesced(w: Writer, field: number, c: pb.CoalescedHeartbeats | null | undefined): void {
  if (c === undefined || c === null) return;
  w.header(field, coalescedSize(c));
  w.packedField(1, c.groupIds as number[] | undefined);
  w.packedField(2, c.terms as number[] | undefined);
  w.packedField(3, c.commits as number[] | undefined);
  w.packedField(4, c.indexes as number[] | undefined);
}

function helloSize(h: pb.RaftHello): number {
  const cluster = Buffer.byteLength(h.clusterId ?? '');
  const inc = Buffer.byteLength(h.incarnation ?? '');
  return (
    (cluster === 0 ? 0 : fieldLen(cluster)) +
    fieldVarint(num(h.fromNodeId ?? 0)) +
    fieldVarint(num(h.toNodeId ?? 0)) +
    (inc === 0 ? 0 : fieldLen(inc))
  );
}

function writeHello(w: Writer, h: pb.RaftHello): void {
  w.header(1, helloSize(h));
  w.bytesField(1, Buffer.from(h.clusterId ?? ''));
  w.varintField(2, num(h.fromNodeId ?? 0));
  w.varintField(3, num(h.toNodeId ?? 0));
  w.bytesField(4, Buffer.from(h.incarnation ?? ''));
}

/** Encodes a RaftBatch exactly as protobuf would (fields in number order, defaults omitted, arrays packed). */
export function encodeRaftBatch(batch: pb.RaftBatch): Buffer {
  const messages = batch.messages ?? [];
  const inner = messages.map((g) =>
    g.message === undefined || g.message === null ? 0 : messageSize(g.message),
  );
  let size = 0;
  if (batch.hello !== undefined && batch.hello !== null) size += fieldLen(helloSize(batch.hello));
  for (let i = 0; i < messages.length; i++) size += fieldLen(groupMessageSize(messages[i]!, inner[i]!));
  if (batch.heartbeats) size += fieldLen(coalescedSize(batch.heartbeats));
  if (batch.heartbeatResponses) size += fieldLen(coalescedSize(batch.heartbeatResponses));
  const w = new Writer(Buffer.allocUnsafe(size));
  if (batch.hello !== undefined && batch.hello !== null) writeHello(w, batch.hello);
  for (let i = 0; i < messages.length; i++) {
    const g = messages[i]!;
    w.header(2, groupMessageSize(g, inner[i]!));
    w.varintField(1, num(g.groupId ?? 0));
    if (g.message !== undefined && g.message !== null) {
      w.header(2, inner[i]!);
      writeMessage(w, g.message);
    }
  }
  writeCoalesced(w, 3, batch.heartbeats);
  writeCoalesced(w, 4, batch.heartbeatResponses);
  if (w.pos !== size) throw new Error(`batch codec: wrote ${w.pos} bytes, sized ${size}`);
  return w.buf;
}
