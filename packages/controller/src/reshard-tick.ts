// The active controller's resharding step, once per tick, for each UPDATING
// stream: record the parents whose closing entry committed (any replica's
// report carries the ending sequence number), then, once no child waits for
// its parents, run the next round of an UpdateShardCount, and when nothing
// is left to do and every open shard has a leader, set the stream ACTIVE.
import type { TickContext } from './controller-tick.js';
import { forgettableAtMs } from './meta-apply-reshard.js';
import { opCommand } from './reshard-admin.js';
import { closingShards, isPending } from './reshard-lineage.js';
import { uniformScalingRound } from './reshard-plan.js';
import type { StreamRecord } from './types.js';

/** Told of each split or merge a scaling plan proposed (the metrics count them). */
export type ScalingActionSink = (action: 'split' | 'merge', reason: string) => void;

export async function reshardTick(c: TickContext, onAction?: ScalingActionSink): Promise<void> {
  await forgetExpiredShards(c);
  for (const stream of c.meta.state().streams()) {
    if (stream.status !== 'UPDATING') continue;
    await recordClosures(c, stream);
    await advance(c, stream.name, onAction);
  }
}

/** The ending sequence number a replica of `groupId` reports, if any does. */
export function reportedEnding(c: TickContext, groupId: number): string | undefined {
  for (const hb of c.observations.reports().values()) {
    for (const r of hb.replicas)
      if (r.groupId === groupId && r.endingSequenceNumber !== '') return r.endingSequenceNumber;
  }
  return undefined;
}

async function recordClosures(c: TickContext, stream: StreamRecord): Promise<void> {
  for (const shard of closingShards(c.meta.state().shardsOf(stream.name))) {
    const ending = reportedEnding(c, shard.groupId);
    if (ending === undefined) continue;
    await c.propose({
      type: 'CloseShard',
      streamName: stream.name,
      shardId: shard.shardId,
      endingSequenceNumber: ending,
      atMs: c.nowMs,
    });
  }
}

async function advance(c: TickContext, name: string, onAction?: ScalingActionSink): Promise<void> {
  const state = c.meta.state();
  const stream = state.stream(name);
  if (stream === undefined || stream.status !== 'UPDATING') return;
  const shards = state.shardsOf(name);
  if (shards.some(isPending) || closingShards(shards).length > 0) return;
  const target = state.reshard(name).scalingTarget;
  if (target !== undefined) {
    const round = uniformScalingRound(
      shards.filter((s) => s.open),
      target,
    );
    if (round.length > 0) {
      for (const op of round) {
        const cmd = opCommand(c.meta.state(), stream, op, c.nowMs);
        if (cmd !== undefined && (await c.propose(cmd)).ok) onAction?.(op.kind, 'update-shard-count');
      }
      return;
    }
  }
  if (shards.every((s) => !s.open || s.leader !== undefined))
    await c.propose({ type: 'FinishReshard', name });
}

/** Bound on ForgetShard proposals per tick. */
const forgetsPerTickMax = 64;

/** Closed shards whose records are all past their stream's retention leave the metadata. */
async function forgetExpiredShards(c: TickContext): Promise<void> {
  let n = 0;
  for (const stream of c.meta.state().streams()) {
    if (stream.status === 'DELETING') continue;
    for (const shard of c.meta.state().shardsOf(stream.name)) {
      const at = forgettableAtMs(shard, stream.retentionHours);
      if (at === undefined || c.nowMs < at) continue;
      await c.propose({
        type: 'ForgetShard',
        streamName: stream.name,
        shardId: shard.shardId,
        atMs: c.nowMs,
      });
      if (++n >= forgetsPerTickMax) return;
    }
  }
}
