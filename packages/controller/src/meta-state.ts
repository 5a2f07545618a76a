// MetaState: the metadata group's state machine (docs/cluster.md). Pure and
// deterministic: the same commands at the same indexes give the same state,
// byte for byte in encode(). apply never throws on a bad command; a refused
// command changes nothing but the applied index.

import {
  applyCreateGroup,
  applyDeleteGroup,
  applyGroupCheckpoint,
  applySetLeaseOwners,
  type GroupRecord,
  groupKey,
  groupsOf,
} from './consumer-groups-meta.js';
import { refuse } from './kinesis-rules.js';
import {
  applyForgetConsumer,
  applyRegisterConsumer,
  applySetConsumerStatus,
  type ConsumerRecord,
  consumerByArn,
  consumerKey,
  consumersOf,
} from './meta-apply-consumers.js';
import { applySetStreamLimits } from './meta-apply-limits.js';
import { applySetEnhancedMonitoring } from './meta-apply-monitoring.js';
import { applyRegisterNode, applyRemoveNode, applySetNodeState } from './meta-apply-nodes.js';
import {
  applyCloseShard,
  applyFinishReshard,
  applyForgetShard,
  applyMergeShards,
  applySplitShard,
} from './meta-apply-reshard.js';
import {
  applyNoteAutoscaleMerge,
  applyRecordWriteThroughput,
  applySetScalingTarget,
  applySetStreamMode,
  reshardRecord,
} from './meta-apply-reshard-capacity.js';
import { applyReportLeaders, applySetShardReplicas } from './meta-apply-shards.js';
import {
  applyAddTags,
  applyCreateStream,
  applyDeleteStream,
  applyForgetStream,
  applyRemoveTags,
  applySetRetention,
  applySetStreamStatus,
} from './meta-apply-streams.js';
import { decodeTables, encodeTables } from './meta-snapshot.js';
import { emptyTables, type MetaTables, shardKey } from './meta-tables.js';
import type { ReshardRecord } from './reshard-types.js';
import type { ApplyOutcome, MetaCommand, NodeRecord, ShardRecord, StreamRecord } from './types.js';

export class MetaState {
  readonly #t: MetaTables;

  private constructor(tables: MetaTables) {
    this.#t = tables;
  }

  static empty(clusterId: string): MetaState {
    return new MetaState(emptyTables(clusterId));
  }

  /** The state a snapshot holds; RheoError('Corrupt') when the bytes are not one. */
  static decode(bytes: Uint8Array): MetaState {
    return new MetaState(decodeTables(bytes));
  }

  encode(): Uint8Array {
    return encodeTables(this.#t);
  }

  get clusterId(): string {
    return this.#t.clusterId;
  }

  /** The index of the last applied entry: the metadata epoch. */
  get appliedIndex(): number {
    return this.#t.appliedIndex;
  }

  /** The group id the next shard will take: every lower id (from 2) was allocated by this state. */
  get nextGroupId(): number {
    return this.#t.nextGroupId;
  }

  apply(cmd: MetaCommand, index: number): ApplyOutcome {
    if (!Number.isSafeInteger(index) || index <= this.#t.appliedIndex) {
      // Entries apply in index order exactly once; anything else is a bug in the host.
      throw new Error(
        `MetaState.apply: index ${index} is not above the applied index ${this.#t.appliedIndex}`,
      );
    }
    this.#t.appliedIndex = index;
    try {
      return dispatch(this.#t, cmd);
    } catch (err) {
      // A command whose shape the decoder did not check (built in memory) must still not throw.
      return refuse('InvalidArgument', `malformed ${cmd?.type ?? 'metadata'} command: ${String(err)}`);
    }
  }

  node(id: number): NodeRecord | undefined {
    return this.#t.nodes.get(id);
  }

  /** Every node, sorted by id. */
  nodes(): NodeRecord[] {
    return [...this.#t.nodes.values()].sort((a, b) => a.id - b.id);
  }

  /** A stream by name, or by the ARN this cluster gives it. */
  stream(nameOrArn: string): StreamRecord | undefined {
    const prefix = `arn:rheo:kinesis:${this.#t.clusterId}::stream/`;
    const name = nameOrArn.startsWith(prefix) ? nameOrArn.slice(prefix.length) : nameOrArn;
    return this.#t.streams.get(name);
  }

  /** Every stream, sorted by name. */
  streams(): StreamRecord[] {
    return [...this.#t.streams.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  shard(streamName: string, shardId: string): ShardRecord | undefined {
    const groupId = this.#t.shardGroups.get(shardKey(streamName, shardId));
    return groupId === undefined ? undefined : this.#t.shards.get(groupId);
  }

  /** A stream's shards in creation order; empty when there is no such stream. */
  shardsOf(streamName: string): ShardRecord[] {
    const s = this.#t.streams.get(streamName);
    if (s === undefined) return [];
    return s.shardIds.map((id) => this.shard(streamName, id)!);
  }

  shardByGroup(groupId: number): ShardRecord | undefined {
    return this.#t.shards.get(groupId);
  }

  /** Every shard, by group id. */
  allShards(): ShardRecord[] {
    return [...this.#t.shards.values()].sort((a, b) => a.groupId - b.groupId);
  }

  /** Resharding's record of a stream: 24-hour call logs, the scaling target, the write history. */
  reshard(streamName: string): ReshardRecord {
    return reshardRecord(this.#t, streamName);
  }

  /** A stream's fan-out consumers, sorted by name. */
  consumersOf(streamName: string): ConsumerRecord[] {
    return consumersOf(this.#t, streamName);
  }

  consumer(streamName: string, name: string): ConsumerRecord | undefined {
    return this.#t.consumers.get(consumerKey(streamName, name));
  }

  consumerByArn(arn: string): ConsumerRecord | undefined {
    return consumerByArn(this.#t, arn);
  }

  /** A stream's consumer groups, sorted by name. */
  groupsOf(streamName: string): GroupRecord[] {
    return groupsOf(this.#t, streamName);
  }

  group(streamName: string, name: string): GroupRecord | undefined {
    return this.#t.groups.get(groupKey(streamName, name));
  }
}

function dispatch(t: MetaTables, cmd: MetaCommand): ApplyOutcome {
  switch (cmd.type) {
    case 'RegisterNode':
      return applyRegisterNode(t, cmd);
    case 'SetNodeState':
      return applySetNodeState(t, cmd);
    case 'RemoveNode':
      return applyRemoveNode(t, cmd);
    case 'CreateStream':
      return applyCreateStream(t, cmd);
    case 'DeleteStream':
      return applyDeleteStream(t, cmd);
    case 'ForgetStream':
      return applyForgetStream(t, cmd);
    case 'SetStreamStatus':
      return applySetStreamStatus(t, cmd);
    case 'SetShardReplicas':
      return applySetShardReplicas(t, cmd);
    case 'ReportLeaders':
      return applyReportLeaders(t, cmd);
    case 'AddTags':
      return applyAddTags(t, cmd);
    case 'RemoveTags':
      return applyRemoveTags(t, cmd);
    case 'SetRetention':
      return applySetRetention(t, cmd);
    case 'SetStreamLimits':
      return applySetStreamLimits(t, cmd);
    case 'SetEnhancedMonitoring':
      return applySetEnhancedMonitoring(t, cmd);
    case 'SplitShard':
      return applySplitShard(t, cmd);
    case 'MergeShards':
      return applyMergeShards(t, cmd);
    case 'CloseShard':
      return applyCloseShard(t, cmd);
    case 'FinishReshard':
      return applyFinishReshard(t, cmd);
    case 'SetScalingTarget':
      return applySetScalingTarget(t, cmd);
    case 'SetStreamMode':
      return applySetStreamMode(t, cmd);
    case 'RecordWriteThroughput':
      return applyRecordWriteThroughput(t, cmd);
    case 'NoteAutoscaleMerge':
      return applyNoteAutoscaleMerge(t, cmd);
    case 'ForgetShard':
      return applyForgetShard(t, cmd);
    case 'RegisterConsumer':
      return applyRegisterConsumer(t, cmd);
    case 'SetConsumerStatus':
      return applySetConsumerStatus(t, cmd);
    case 'ForgetConsumer':
      return applyForgetConsumer(t, cmd);
    case 'CreateGroup':
      return applyCreateGroup(t, cmd);
    case 'DeleteGroup':
      return applyDeleteGroup(t, cmd);
    case 'SetLeaseOwners':
      return applySetLeaseOwners(t, cmd);
    case 'Checkpoint':
      return applyGroupCheckpoint(t, cmd);
    default:
      return refuse(
        'InvalidArgument',
        `unknown metadata command ${JSON.stringify((cmd as { type?: unknown }).type)}`,
      );
  }
}
