// Cuts the next RaftBatch off a peer's queue: as many messages as fit under
// the byte bound, heartbeats that the compact form carries in its packed
// arrays and the rest as GroupMessages. One batch is one stream write.
import type { pb } from '@rheo/wire';
import { CoalescedBuilder, CoalesceKind } from './coalesce.js';
import { batchFixedBytes } from './frame-size.js';
import type { PeerQueue } from './peer-queue.js';
import { encodeRaftMessage } from './raft-codec.js';

export interface TakenBatch {
  readonly batch: pb.RaftBatch;
  readonly messages: number;
}

/** Takes messages off `queue` (at least one) until the next would pass `batchBytesMax`; notes their groups in `sent`. */
export function takeBatch(queue: PeerQueue, batchBytesMax: number, sent: Set<number>): TakenBatch {
  const messages: pb.GroupMessage[] = [];
  const heartbeats = new CoalescedBuilder(true);
  const responses = new CoalescedBuilder(false);
  let bytes = batchFixedBytes;
  let count = 0;
  for (let item = queue.peek(); item !== undefined; item = queue.peek()) {
    if (count > 0 && bytes + item.bytes > batchBytesMax) break;
    queue.shift();
    count++;
    bytes += item.bytes;
    sent.add(item.groupId);
    if (item.kind === CoalesceKind.Heartbeat) heartbeats.add(item.groupId, item.msg);
    else if (item.kind === CoalesceKind.Response) responses.add(item.groupId, item.msg);
    else messages.push({ groupId: item.groupId, message: encodeRaftMessage(item.msg) });
  }
  return {
    batch: { messages, heartbeats: heartbeats.build(), heartbeatResponses: responses.build() },
    messages: count,
  };
}
