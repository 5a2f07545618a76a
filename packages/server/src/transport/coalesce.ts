// Coalesced heartbeats: the heartbeats (and responses) of many groups sent
// between one node pair in one flush travel as parallel packed arrays
// (rheo.v1.CoalescedHeartbeats) instead of one GroupMessage each, so 1,000
// idle groups cost three small arrays per tick rather than 1,000 messages.
//
// The rule: a message is coalesced when the compact form carries all of it.
// The form holds the group, the term, the index (the heartbeat round) and
// (for a Heartbeat) the commit index; sender and recipient are the stream's
// node pair. So:
//   - Heartbeat: coalesced when context is empty and logTerm, entries,
//     reject, rejectHint, rejectHintTerm and snapshot are all at their zero
//     values;
//   - HeartbeatResp: the same, and commit is 0 too (responses carry none).
// Anything else travels as a full GroupMessage, so the receiver always gets
// back exactly the message that was sent.
//
// The Raft core stamps each heartbeat with the leader's heartbeat round in
// `index`, and the response echoes it (leases are measured by it), so the
// compact form carries `index` too, in its `indexes` array.
import { type Message, MessageType } from '@rheo/raft';
import type { pb } from '@rheo/wire';
import { decodeGroupId, RaftCodecError } from './raft-codec.js';

export const CoalesceKind = { None: 0, Heartbeat: 1, Response: 2 } as const;
export type CoalesceKind = (typeof CoalesceKind)[keyof typeof CoalesceKind];

const EMPTY = new Uint8Array(0);

function carriesOnlyTermAndCommit(m: Message): boolean {
  return (
    m.context.length === 0 &&
    m.logTerm === 0 &&
    m.entries.length === 0 &&
    !m.reject &&
    m.rejectHint === 0 &&
    m.rejectHintTerm === 0 &&
    m.snapshot === undefined
  );
}

export function coalesceKind(m: Message): CoalesceKind {
  if (m.type === MessageType.Heartbeat)
    return carriesOnlyTermAndCommit(m) ? CoalesceKind.Heartbeat : CoalesceKind.None;
  if (m.type === MessageType.HeartbeatResp && m.commit === 0 && carriesOnlyTermAndCommit(m))
    return CoalesceKind.Response;
  return CoalesceKind.None;
}

/** Collects coalesced heartbeats for one batch, as the packed arrays of the contract. */
export class CoalescedBuilder {
  readonly groupIds: number[] = [];
  readonly terms: number[] = [];
  readonly commits: number[] = [];
  readonly indexes: number[] = [];

  constructor(private readonly withCommits: boolean) {}

  add(groupId: number, m: Message): void {
    this.groupIds.push(groupId);
    this.terms.push(m.term);
    this.indexes.push(m.index);
    if (this.withCommits) this.commits.push(m.commit);
  }

  get size(): number {
    return this.groupIds.length;
  }

  build(): pb.CoalescedHeartbeats | null {
    if (this.groupIds.length === 0) return null;
    return { groupIds: this.groupIds, terms: this.terms, commits: this.commits, indexes: this.indexes };
  }
}

function heartbeat(
  type: MessageType,
  from: number,
  to: number,
  term: number,
  index: number,
  commit: number,
): Message {
  return {
    type,
    to,
    from,
    term,
    logTerm: 0,
    index,
    entries: [],
    commit,
    reject: false,
    rejectHint: 0,
    rejectHintTerm: 0,
    context: EMPTY,
  };
}

/**
 * The messages a CoalescedHeartbeats stands for, from `from` to `to`. Arrays
 * of unequal lengths, or a bad group id or term, throw RaftCodecError
 * (the whole block is dropped: its parts cannot be trusted one by one).
 */
export function expandCoalesced(
  hb: pb.CoalescedHeartbeats__Output,
  kind: CoalesceKind,
  from: number,
  to: number,
  field: string,
): Array<[number, Message]> {
  const isHeartbeat = kind === CoalesceKind.Heartbeat;
  const n = hb.groupIds.length;
  // A sender that never heard of `indexes` (all zero) leaves it empty.
  const indexes = hb.indexes.length === 0 ? undefined : hb.indexes;
  if (
    hb.terms.length !== n ||
    hb.commits.length !== (isHeartbeat ? n : 0) ||
    (indexes && indexes.length !== n)
  ) {
    throw new RaftCodecError(
      field,
      `array lengths differ (groupIds ${n}, terms ${hb.terms.length}, commits ${hb.commits.length}, indexes ${hb.indexes.length})`,
    );
  }
  const type = isHeartbeat ? MessageType.Heartbeat : MessageType.HeartbeatResp;
  const out: Array<[number, Message]> = new Array(n);
  for (let i = 0; i < n; i++) {
    const groupId = decodeGroupId(hb.groupIds[i], `${field}.groupIds[${i}]`);
    const term = hb.terms[i]!;
    const commit = isHeartbeat ? hb.commits[i]! : 0;
    const index = indexes ? indexes[i]! : 0;
    if (![term, commit, index].every((v) => Number.isSafeInteger(v) && v >= 0)) {
      throw new RaftCodecError(`${field}[${i}]`, 'expected integers from 0 to 2^53-1');
    }
    out[i] = [groupId, heartbeat(type, from, to, term, index, commit)];
  }
  return out;
}
