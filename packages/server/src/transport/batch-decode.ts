// The decoding half of the hand-written RaftBatch codec (see
// batch-codec.ts). Reads untrusted bytes: every length is checked against
// the end of its enclosing message, varints stop at 10 bytes, unknown
// fields are skipped by wire type, and anything else throws
// BatchDecodeError. Repeated numbers are read packed or unpacked, as
// protobuf requires of a parser.
import type { pb } from '@rheo/wire';

export class BatchDecodeError extends Error {
  override readonly name = 'BatchDecodeError';
  readonly code = 'RHEO_RAFT_FRAME';
}

export const MESSAGE_TYPE_NAMES: readonly string[] = [
  'HUP',
  'BEAT',
  'PROP',
  'APP',
  'APP_RESP',
  'VOTE',
  'VOTE_RESP',
  'PRE_VOTE',
  'PRE_VOTE_RESP',
  'SNAP',
  'HEARTBEAT',
  'HEARTBEAT_RESP',
  'TRANSFER_LEADER',
  'TIMEOUT_NOW',
  'READ_INDEX',
  'READ_INDEX_RESP',
  'UNREACHABLE',
  'SNAP_STATUS',
  'CHECK_QUORUM',
].map((n) => `RAFT_MESSAGE_TYPE_${n}`);
export const ENTRY_TYPE_NAMES: readonly string[] = ['RAFT_ENTRY_TYPE_NORMAL', 'RAFT_ENTRY_TYPE_CONF_CHANGE'];

const VARINT = 0;
const FIXED64 = 1;
const LEN = 2;
const FIXED32 = 5;
const VARINT_BYTES_MAX = 10;
const TWO_32 = 4294967296;
const TWO_31 = 2147483648;
const EMPTY = Buffer.alloc(0);

class Reader {
  constructor(
    readonly buf: Buffer,
    public pos: number,
    readonly end: number,
  ) {}

  /** A varint as a float: exact below 2^53, approximate above (the codec's checks refuse those). */
  varint(): number {
    let value = 0;
    let scale = 1;
    for (let i = 0; i < VARINT_BYTES_MAX; i++) {
      if (this.pos >= this.end) throw new BatchDecodeError('truncated varint');
      const b = this.buf[this.pos++]!;
      value += (b & 0x7f) * scale;
      if (b < 0x80) return value;
      scale *= 128;
    }
    throw new BatchDecodeError('varint longer than 10 bytes');
  }

  uint32(): number {
    return this.varint() % TWO_32;
  }

  /** An enum: protobuf reads it as int32 (the low 32 bits, signed). */
  int32(): number {
    const low = this.uint32();
    return low >= TWO_31 ? low - TWO_32 : low;
  }

  /** A length-delimited field's [start, end). */
  span(): [number, number] {
    const len = this.varint();
    if (len > this.end - this.pos) throw new BatchDecodeError(`length ${len} runs past the end`);
    const start = this.pos;
    this.pos += len;
    return [start, this.pos];
  }

  bytes(): Buffer {
    const [s, e] = this.span();
    return s === e ? EMPTY : this.buf.subarray(s, e);
  }

  sub(): Reader {
    const [s, e] = this.span();
    return new Reader(this.buf, s, e);
  }

  skip(wire: number): void {
    if (wire === VARINT) this.varint();
    else if (wire === LEN) this.span();
    else if (wire === FIXED64 || wire === FIXED32) {
      this.pos += wire === FIXED64 ? 8 : 4;
      if (this.pos > this.end) throw new BatchDecodeError('fixed field runs past the end');
    } else throw new BatchDecodeError(`wire type ${wire} not allowed`);
  }

  /** Appends a repeated number field's values (packed or one unpacked value). */
  repeated(wire: number, into: number[], read: (r: Reader) => number): void {
    if (wire !== LEN) {
      if (wire !== VARINT) throw new BatchDecodeError(`wire type ${wire} for a repeated number`);
      into.push(read(this));
      return;
    }
    const r = this.sub();
    while (r.pos < r.end) into.push(read(r));
  }

  /** Calls `field` for each field until the end; `field` returns false for unknown fields, which are skipped. */
  fields(field: (no: number, wire: number) => boolean): void {
    while (this.pos < this.end) {
      const key = this.varint();
      const no = Math.floor(key / 8);
      const wire = key % 8;
      if (no === 0) throw new BatchDecodeError('field number 0');
      if (!field(no, wire)) this.skip(wire);
    }
  }
}

function expectWire(actual: number, expected: number): void {
  if (actual !== expected) throw new BatchDecodeError(`wire type ${actual} where ${expected} belongs`);
}

function enumName(n: number, names: readonly string[]): string {
  return names[n] ?? (n as unknown as string);
}

const u32 = (r: Reader) => r.uint32();
const u64 = (r: Reader) => r.varint();

function decodeEntry(r: Reader): pb.RaftEntry__Output {
  const e: pb.RaftEntry__Output = {
    term: 0,
    index: 0,
    type: ENTRY_TYPE_NAMES[0] as pb.RaftEntry__Output['type'],
    data: EMPTY,
  };
  r.fields((no, wire) => {
    if (no === 4) expectWire(wire, LEN);
    else if (no <= 3) expectWire(wire, VARINT);
    if (no === 1) e.term = r.varint();
    else if (no === 2) e.index = r.varint();
    else if (no === 3) e.type = enumName(r.int32(), ENTRY_TYPE_NAMES) as pb.RaftEntry__Output['type'];
    else if (no === 4) e.data = r.bytes();
    else return false;
    return true;
  });
  return e;
}

function decodeConfState(r: Reader): pb.RaftConfState__Output {
  const c: pb.RaftConfState__Output = {
    voters: [],
    learners: [],
    votersOutgoing: [],
    learnersNext: [],
    autoLeave: false,
  };
  const lists = [c.voters, c.learners, c.votersOutgoing, c.learnersNext];
  r.fields((no, wire) => {
    if (no >= 1 && no <= 4) r.repeated(wire, lists[no - 1]!, u32);
    else if (no === 5) {
      expectWire(wire, VARINT);
      c.autoLeave = r.varint() !== 0;
    } else return false;
    return true;
  });
  return c;
}

function decodeSnapshot(r: Reader): pb.RaftSnapshot__Output {
  const s: pb.RaftSnapshot__Output = { metadata: null, data: EMPTY };
  r.fields((no, wire) => {
    if (no === 1) {
      expectWire(wire, LEN);
      const m: pb.RaftSnapshotMetadata__Output = { index: 0, term: 0, confState: null };
      const mr = r.sub();
      mr.fields((mno, mwire) => {
        if (mno === 3) expectWire(mwire, LEN);
        else if (mno <= 2) expectWire(mwire, VARINT);
        if (mno === 1) m.index = mr.varint();
        else if (mno === 2) m.term = mr.varint();
        else if (mno === 3) m.confState = decodeConfState(mr.sub());
        else return false;
        return true;
      });
      s.metadata = m;
    } else if (no === 2) {
      expectWire(wire, LEN);
      s.data = r.bytes();
    } else return false;
    return true;
  });
  return s;
}

function emptyMessage(): pb.RaftMessage__Output {
  return {
    type: MESSAGE_TYPE_NAMES[0] as pb.RaftMessage__Output['type'],
    to: 0,
    from: 0,
    term: 0,
    logTerm: 0,
    index: 0,
    entries: [],
    commit: 0,
    reject: false,
    rejectHint: 0,
    rejectHintTerm: 0,
    context: EMPTY,
    snapshot: null,
  };
}

const MESSAGE_U64_FIELDS: Readonly<Record<number, keyof pb.RaftMessage__Output>> = {
  4: 'term',
  5: 'logTerm',
  6: 'index',
  8: 'commit',
  10: 'rejectHint',
  11: 'rejectHintTerm',
};

function decodeMessage(r: Reader): pb.RaftMessage__Output {
  const m = emptyMessage();
  const out = m as unknown as Record<string, unknown>;
  r.fields((no, wire) => {
    const u64Field = MESSAGE_U64_FIELDS[no];
    if (no === 7 || no === 12 || no === 13) expectWire(wire, LEN);
    else if (no >= 1 && no <= 11) expectWire(wire, VARINT);
    if (u64Field !== undefined) out[u64Field] = r.varint();
    else if (no === 1) m.type = enumName(r.int32(), MESSAGE_TYPE_NAMES) as pb.RaftMessage__Output['type'];
    else if (no === 2) m.to = r.uint32();
    else if (no === 3) m.from = r.uint32();
    else if (no === 7) m.entries.push(decodeEntry(r.sub()));
    else if (no === 9) m.reject = r.varint() !== 0;
    else if (no === 12) m.context = r.bytes();
    else if (no === 13) m.snapshot = decodeSnapshot(r.sub());
    else return false;
    return true;
  });
  return m;
}

function decodeGroupMessage(r: Reader): pb.GroupMessage__Output {
  const g: pb.GroupMessage__Output = { groupId: 0, message: null };
  r.fields((no, wire) => {
    if (no === 1) {
      expectWire(wire, VARINT);
      g.groupId = r.varint();
    } else if (no === 2) {
      expectWire(wire, LEN);
      g.message = decodeMessage(r.sub());
    } else return false;
    return true;
  });
  return g;
}

function decodeCoalesced(r: Reader): pb.CoalescedHeartbeats__Output {
  const c: pb.CoalescedHeartbeats__Output = { groupIds: [], terms: [], commits: [], indexes: [] };
  const lists = [c.groupIds, c.terms, c.commits, c.indexes];
  r.fields((no, wire) => {
    if (no < 1 || no > 4) return false;
    r.repeated(wire, lists[no - 1]!, u64);
    return true;
  });
  return c;
}

function decodeHello(r: Reader): pb.RaftHello__Output {
  const h: pb.RaftHello__Output = { clusterId: '', fromNodeId: 0, toNodeId: 0, incarnation: '' };
  r.fields((no, wire) => {
    if (no === 1 || no === 4) expectWire(wire, LEN);
    else if (no === 2 || no === 3) expectWire(wire, VARINT);
    if (no === 1) h.clusterId = r.bytes().toString('utf8');
    else if (no === 2) h.fromNodeId = r.uint32();
    else if (no === 3) h.toNodeId = r.uint32();
    else if (no === 4) h.incarnation = r.bytes().toString('utf8');
    else return false;
    return true;
  });
  return h;
}

/** Decodes a RaftBatch frame (the shape proto-loader gives with the contract's options); throws BatchDecodeError. */
export function decodeRaftBatch(frame: Buffer): pb.RaftBatch__Output {
  const b: pb.RaftBatch__Output = { hello: null, messages: [], heartbeats: null, heartbeatResponses: null };
  const r = new Reader(frame, 0, frame.length);
  r.fields((no, wire) => {
    if (no < 1 || no > 4) return false;
    expectWire(wire, LEN);
    if (no === 1) b.hello = decodeHello(r.sub());
    else if (no === 2) b.messages.push(decodeGroupMessage(r.sub()));
    else if (no === 3) b.heartbeats = decodeCoalesced(r.sub());
    else b.heartbeatResponses = decodeCoalesced(r.sub());
    return true;
  });
  return b;
}
