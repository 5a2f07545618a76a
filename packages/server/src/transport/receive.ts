// Delivers the messages of one received RaftBatch to the node's groups.
// Each message is checked on its own: a malformed one, one for a group this
// node does not host, or one not addressed from the stream's peer to this
// node is counted and dropped, and the rest of the batch still goes through.
// A handler that throws is counted too: one group's bug must not cut the
// stream that every other group shares.
import type { Message } from '@rheo/raft';
import type { pb } from '@rheo/wire';
import { CoalesceKind, expandCoalesced } from './coalesce.js';
import { decodeGroupId, decodeRaftMessage, RaftCodecError } from './raft-codec.js';
import type { DropReason } from './transport-types.js';

export interface ReceiveContext {
  readonly selfId: number;
  readonly peerId: number;
  readonly hasGroup: (groupId: number) => boolean;
  readonly handler: (groupId: number, msg: Message) => void;
  readonly drop: (reason: DropReason, count: number, detail: unknown) => void;
}

/** Delivers what `batch` carries; returns how many messages reached the handler. */
export function deliverBatch(batch: pb.RaftBatch__Output, ctx: ReceiveContext): number {
  let delivered = 0;
  const messages = Array.isArray(batch.messages) ? batch.messages : [];
  for (let i = 0; i < messages.length; i++) {
    const gm = messages[i]!;
    let groupId: number;
    let msg: Message;
    try {
      groupId = decodeGroupId(gm.groupId, `messages[${i}].groupId`);
      msg = decodeRaftMessage(gm.message, `messages[${i}].message`);
    } catch (err) {
      if (!(err instanceof RaftCodecError)) throw err;
      ctx.drop('malformed', 1, err);
      continue;
    }
    if (deliverOne(groupId, msg, ctx)) delivered++;
  }
  delivered += deliverCoalesced(batch.heartbeats, CoalesceKind.Heartbeat, 'heartbeats', ctx);
  delivered += deliverCoalesced(batch.heartbeatResponses, CoalesceKind.Response, 'heartbeatResponses', ctx);
  return delivered;
}

function deliverCoalesced(
  hb: pb.CoalescedHeartbeats__Output | null,
  kind: CoalesceKind,
  field: string,
  ctx: ReceiveContext,
): number {
  if (hb === null || hb === undefined) return 0;
  let expanded: Array<[number, Message]>;
  try {
    expanded = expandCoalesced(hb, kind, ctx.peerId, ctx.selfId, field);
  } catch (err) {
    if (!(err instanceof RaftCodecError)) throw err;
    ctx.drop('malformed', Math.max(1, hb.groupIds?.length ?? 0), err);
    return 0;
  }
  let delivered = 0;
  for (const [groupId, msg] of expanded) if (deliverOne(groupId, msg, ctx)) delivered++;
  return delivered;
}

function deliverOne(groupId: number, msg: Message, ctx: ReceiveContext): boolean {
  if (msg.from !== ctx.peerId || msg.to !== ctx.selfId) {
    ctx.drop('misaddressed', 1, { groupId, from: msg.from, to: msg.to });
    return false;
  }
  if (!ctx.hasGroup(groupId)) {
    ctx.drop('unknown-group', 1, { groupId });
    return false;
  }
  try {
    ctx.handler(groupId, msg);
    return true;
  } catch (err) {
    ctx.drop('handler-error', 1, err);
    return false;
  }
}
