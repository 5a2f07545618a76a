// Size bounds for the frames of the Raft transport. Every queued message gets
// an upper bound of its encoded size, computed from its lengths alone
// (varints counted at their widest), so a batch can be cut below the gRPC
// message bound before anything is serialized. An App message whose entries
// together pass the bound is split into several Apps; a single entry or
// snapshot past it is a programmer error upstream (Raft's maxSizePerMsgBytes
// and the broker's entry bound sit far below), asserted here.
import assert from 'node:assert/strict';
import { type Entry, type Message, MessageType } from '@rheo/raft';
import { grpcMessageBytesMax } from '@rheo/wire';

/** Room kept in each gRPC message for the batch's own framing and the hello. */
export const frameHeadroomBytes = 64 * 1024;
/** Bound on one message's encoded size; above grpc's bound minus the headroom. */
export const frameMessageBytesMax = grpcMessageBytesMax - frameHeadroomBytes;

// Widest encodings: a tag is 1 byte here (field numbers < 16), a length or
// uint64 varint at most 10, a uint32 at most 5.
const VARINT_BYTES_MAX = 10;
const FIELD_BYTES_MAX = 1 + VARINT_BYTES_MAX;
const GROUP_MESSAGE_FIXED_BYTES = 3 * FIELD_BYTES_MAX + 2;
const MESSAGE_FIXED_BYTES = 12 * FIELD_BYTES_MAX + 2 * FIELD_BYTES_MAX;
const ENTRY_FIXED_BYTES = 5 * FIELD_BYTES_MAX;
const SNAPSHOT_FIXED_BYTES = 12 * FIELD_BYTES_MAX;
const NODE_ID_BYTES_MAX = 5;
/** One group's share of a CoalescedHeartbeats (group id, term, commit, index). */
export const coalescedEntryBytesMax = 4 * VARINT_BYTES_MAX;
/** A RaftBatch's fixed part: two CoalescedHeartbeats headers with their four packed arrays. */
export const batchFixedBytes = 10 * FIELD_BYTES_MAX;

export function entryBytesMax(e: Entry): number {
  return ENTRY_FIXED_BYTES + e.data.length;
}

/** Upper bound of a GroupMessage's encoded size (its share of a RaftBatch). */
export function groupMessageBytesMax(m: Message): number {
  let n = GROUP_MESSAGE_FIXED_BYTES + MESSAGE_FIXED_BYTES + m.context.length;
  for (const e of m.entries) n += entryBytesMax(e);
  const s = m.snapshot;
  if (s !== undefined) {
    const cs = s.metadata.confState;
    const ids = cs.voters.length + cs.learners.length + cs.votersOutgoing.length + cs.learnersNext.length;
    n += SNAPSHOT_FIXED_BYTES + ids * NODE_ID_BYTES_MAX + s.data.length;
  }
  return n;
}

/**
 * `m` as one or more messages of at most `limitBytes` each. Only an App can
 * be split: each part continues where the previous one ended (index and
 * logTerm of its last entry), exactly as the leader would have sent them.
 */
export function splitToFit(m: Message, limitBytes: number): Message[] {
  const total = groupMessageBytesMax(m);
  if (total <= limitBytes) return [m];
  assert(
    m.type === MessageType.App && m.entries.length > 1,
    `a Raft message of type ${m.type} needs ${total} bytes on the wire, over the transport's bound of ${limitBytes}: ` +
      'bound entries and snapshots upstream (maxSizePerMsgBytes, the broker entry bound)',
  );
  const parts: Message[] = [];
  const fixed = groupMessageBytesMax({ ...m, entries: [] });
  let start = 0;
  let index = m.index;
  let logTerm = m.logTerm;
  while (start < m.entries.length) {
    let end = start;
    let size = fixed;
    while (end < m.entries.length && (end === start || size + entryBytesMax(m.entries[end]!) <= limitBytes)) {
      size += entryBytesMax(m.entries[end]!);
      end++;
    }
    assert(
      size <= limitBytes,
      `a Raft entry of ${m.entries[start]!.data.length} bytes is over the transport's bound of ${limitBytes}`,
    );
    const entries = m.entries.slice(start, end);
    parts.push({ ...m, index, logTerm, entries });
    const last = entries[entries.length - 1]!;
    index = last.index;
    logTerm = last.term;
    start = end;
  }
  return parts;
}
