// SplitShard, MergeShards, UpdateShardCount and UpdateStreamMode on the
// active controller: the checks that need the configuration or the live
// cluster (the open-shard limit, the scaling bounds, placement) before the
// one proposal; MetaState's apply checks the rest again, deterministically.
import { RheoError } from '@rheo/wire';
import type { ControllerConfig } from './config.js';
import { type Refusal, streamNotActive, streamNotFound } from './kinesis-rules.js';
import type { MetaAccess } from './meta-access.js';
import type { MetaState } from './meta-state.js';
import { placeReplicaSets } from './placement.js';
import { isPending } from './reshard-lineage.js';
import type { ReshardOp } from './reshard-plan.js';
import type { ApplyOutcome, MetaCommand, StreamModeName, StreamRecord } from './types.js';

export interface UpdateShardCountResult {
  readonly streamName: string;
  readonly streamArn: string;
  readonly currentShardCount: number;
  readonly targetShardCount: number;
}

function thrown(r: Refusal): RheoError {
  return new RheoError(r.reason, r.message, r.field === undefined ? {} : { field: r.field });
}

/** Open shards plus children waiting to open: what the shard limit counts. */
export function countedShards(state: MetaState): number {
  return state.allShards().filter((s) => s.open || isPending(s)).length;
}

/** Replica sets for `count` new shards of `s`, placed as CreateStream places; undefined when too few brokers. */
export function placeChildren(state: MetaState, s: StreamRecord, count: number): number[][] | undefined {
  return placeReplicaSets({ nodes: state.nodes(), shards: state.allShards() }, count, s.replicationFactor);
}

/** The command for one planned operation (UpdateShardCount rounds, the autoscaler); undefined when unplaceable. */
export function opCommand(
  state: MetaState,
  s: StreamRecord,
  op: ReshardOp,
  atMs: number,
): MetaCommand | undefined {
  const placement = placeChildren(state, s, op.kind === 'split' ? 2 : 1);
  if (placement === undefined) return undefined;
  return op.kind === 'split'
    ? {
        type: 'SplitShard',
        streamName: s.name,
        shardId: op.shardId,
        newStartingHashKey: op.newStartingHashKey,
        atMs,
        placement,
        planned: true,
      }
    : {
        type: 'MergeShards',
        streamName: s.name,
        shardId: op.shardId,
        adjacentShardId: op.adjacentShardId,
        atMs,
        placement,
        planned: true,
      };
}

export class ReshardAdmin {
  constructor(
    private readonly meta: MetaAccess,
    private readonly config: ControllerConfig,
    private readonly nowMs: () => number,
    private readonly proposeOrThrow: (cmd: MetaCommand) => Promise<ApplyOutcome>,
    private readonly onAction?: (action: 'split' | 'merge', reason: string) => void,
  ) {}

  private activeStream(name: string): StreamRecord {
    const state = this.meta.state();
    const s = state.stream(name);
    if (s === undefined) throw thrown(streamNotFound(name, state.clusterId));
    if (s.status !== 'ACTIVE') throw thrown(streamNotActive(s.name, state.clusterId, s.status));
    return s;
  }

  private checkLimit(added: number, field: string): void {
    const state = this.meta.state();
    const counted = countedShards(state);
    if (counted + added > this.config.shardLimit) {
      throw new RheoError(
        'LimitExceeded',
        `This request would exceed the shard limit for the account ${state.clusterId}. Current limit of shards is ${this.config.shardLimit}; ${counted} are open or opening.`,
        { field },
      );
    }
  }

  /** Replica sets for `count` new shards of `s`; LimitExceeded when too few brokers can take them. */
  placement(s: StreamRecord, count: number): number[][] {
    const sets = placeChildren(this.meta.state(), s, count);
    if (sets === undefined)
      throw new RheoError(
        'LimitExceeded',
        `stream ${s.name} needs ${s.replicationFactor} live brokers for a new shard's replicas`,
        { field: 'replicationFactor' },
      );
    return sets;
  }

  async splitShard(name: string, shardId: string, newStartingHashKey: string): Promise<void> {
    const s = this.activeStream(name);
    this.checkLimit(1, 'ShardToSplit');
    await this.proposeOrThrow({
      type: 'SplitShard',
      streamName: s.name,
      shardId,
      newStartingHashKey,
      atMs: this.nowMs(),
      placement: this.placement(s, 2),
    });
    this.onAction?.('split', 'operator');
  }

  async mergeShards(name: string, shardId: string, adjacentShardId: string): Promise<void> {
    const s = this.activeStream(name);
    await this.proposeOrThrow({
      type: 'MergeShards',
      streamName: s.name,
      shardId,
      adjacentShardId,
      atMs: this.nowMs(),
      placement: this.placement(s, 1),
    });
    this.onAction?.('merge', 'operator');
  }

  async updateShardCount(name: string, target: number): Promise<UpdateShardCountResult> {
    const s = this.activeStream(name);
    const state = this.meta.state();
    const current = state.shardsOf(s.name).filter((r) => r.open).length;
    const f = this.config.scalingFactorMax;
    if (!Number.isSafeInteger(target) || target < 1)
      throw new RheoError('InvalidArgument', `TargetShardCount ${target} must be a positive integer`, {
        field: 'TargetShardCount',
      });
    if (target > current * f || target * f < current) {
      throw new RheoError(
        'LimitExceeded',
        `UpdateShardCount to ${target} from ${current} open shards of stream ${s.name}: a call may scale at most to ${f}x or down to 1/${f} of the current count`,
        { field: 'TargetShardCount' },
      );
    }
    if (target > current) this.checkLimit(target - current, 'TargetShardCount');
    await this.proposeOrThrow({
      type: 'SetScalingTarget',
      name: s.name,
      target,
      atMs: this.nowMs(),
      callsPerDayMax: this.config.scalingCallsPerDayMax,
    });
    return { streamName: s.name, streamArn: s.arn, currentShardCount: current, targetShardCount: target };
  }

  async updateStreamMode(name: string, mode: StreamModeName): Promise<void> {
    const s = this.activeStream(name);
    await this.proposeOrThrow({
      type: 'SetStreamMode',
      name: s.name,
      mode,
      atMs: this.nowMs(),
      switchesPerDayMax: this.config.modeSwitchesPerDayMax,
    });
  }
}
