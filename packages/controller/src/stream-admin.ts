// CreateStream on the active controller: Kinesis's checks, the cluster's
// limits (replication factor against live brokers, the open-shard limit),
// then placement, all before the one proposal.
import { RheoError } from '@rheo/wire';
import type { ControllerConfig } from './config.js';
import {
  type Refusal,
  retentionBoundsProblem,
  retentionHoursDefault,
  shardCountProblem,
  streamExists,
  streamNameProblem,
} from './kinesis-rules.js';
import type { MetaAccess } from './meta-access.js';
import { type StreamShardLimits, shardLimitsProblem } from './meta-apply-limits.js';
import { placementCandidateCount, placeReplicaSets } from './placement.js';
import type { ApplyOutcome, MetaCommand, NodeRecord, StreamModeName, StreamRecord } from './types.js';

export interface CreateStreamRequest {
  readonly name: string;
  readonly shardCount: number;
  readonly replicationFactor?: number;
  readonly retentionHours?: number;
  readonly mode?: StreamModeName;
  readonly tags?: Record<string, string>;
  /** Per-shard throughput limits this stream overrides (meta-apply-limits.ts). */
  readonly shardLimits?: StreamShardLimits;
}

function thrown(r: Refusal): RheoError {
  return new RheoError(r.reason, r.message, r.field === undefined ? {} : { field: r.field });
}

export class StreamAdmin {
  constructor(
    private readonly meta: MetaAccess,
    private readonly config: ControllerConfig,
    private readonly nowMs: () => number,
    private readonly proposeOrThrow: (cmd: MetaCommand) => Promise<ApplyOutcome>,
    /** When this controller took over (controller clock). */
    private readonly takeoverMs: number = nowMs(),
  ) {}

  /** How long after a take-over brokers get to report before too few of them is final. */
  private settleMs(): number {
    return this.config.nodeSuspectAfterMs + 2 * this.config.heartbeatIntervalMs;
  }

  async createStream(req: CreateStreamRequest): Promise<StreamRecord> {
    const state = this.meta.state();
    const retentionHours = req.retentionHours ?? retentionHoursDefault;
    const problem =
      streamNameProblem(req.name) ??
      shardCountProblem(req.shardCount) ??
      retentionBoundsProblem(retentionHours) ??
      (req.shardLimits === undefined ? undefined : shardLimitsProblem(req.shardLimits));
    if (problem !== undefined) throw thrown(problem);
    if (state.stream(req.name) !== undefined) throw thrown(streamExists(req.name, state.clusterId));
    const rf = req.replicationFactor ?? this.config.defaultReplicationFactor;
    if (!Number.isSafeInteger(rf) || rf < 1) {
      throw new RheoError('InvalidArgument', `replication factor ${rf} must be a positive integer`, {
        field: 'replicationFactor',
      });
    }
    const live = placementCandidateCount(state.nodes());
    if (rf > live && this.nowMs() - this.takeoverMs < this.settleMs()) {
      // Right after a take-over (or a cluster's first election) brokers are still registering:
      // too few brokers is then a reason to retry, not a verdict on the cluster.
      throw new RheoError(
        'Unavailable',
        `replication factor ${rf} needs ${rf} live brokers; ${live} have reported to the active controller, which took over moments ago; retry shortly`,
      );
    }
    if (rf > live) {
      throw new RheoError(
        'LimitExceeded',
        `replication factor ${rf} needs ${rf} live brokers that take replicas; the cluster has ${live}`,
        { field: 'replicationFactor' },
      );
    }
    const open = state.allShards().filter((s) => s.open).length;
    if (open + req.shardCount > this.config.shardLimit) {
      throw new RheoError(
        'LimitExceeded',
        `This request would exceed the shard limit for the account ${state.clusterId}. Current limit of shards is ${this.config.shardLimit}; ${open} are open and ${req.shardCount} were requested.`,
        { field: 'ShardCount' },
      );
    }
    const placement = placeReplicaSets(
      { nodes: state.nodes(), shards: state.allShards() },
      req.shardCount,
      rf,
    )!;
    await this.proposeOrThrow({
      type: 'CreateStream',
      name: req.name,
      shardCount: req.shardCount,
      replicationFactor: rf,
      retentionHours,
      mode: req.mode ?? 'PROVISIONED',
      tags: { ...(req.tags ?? {}) },
      atMs: this.nowMs(),
      placement,
      ...(req.shardLimits === undefined ? {} : { shardLimits: { ...req.shardLimits } }),
    });
    const created = this.meta.state().stream(req.name);
    if (created === undefined)
      throw new RheoError('Internal', `stream ${req.name} was created but is not in the metadata`);
    return created;
  }

  nodeOrThrow(id: number): NodeRecord {
    const node = this.meta.state().node(id);
    if (node === undefined)
      throw new RheoError('ResourceNotFound', `node ${id} is not registered`, { field: 'nodeId' });
    return node;
  }
}
