// MetaState's stream commands: create, delete, forget, status, tags and
// retention. Every refusal is checked before the first change.
import { evenHashRanges } from '@rheo/wire';
import { forgetGroupsOf } from './consumer-groups-meta.js';
import {
  type Refusal,
  refuse,
  retentionBoundsProblem,
  retentionDirectionProblem,
  shardCountProblem,
  streamExists,
  streamNameProblem,
  streamNotActive,
  streamNotFound,
  tagsPerStreamMax,
  tagsProblem,
  tooManyTags,
} from './kinesis-rules.js';
import { forgetConsumersOf } from './meta-apply-consumers.js';
import { compactShardLimits, shardLimitsProblem } from './meta-apply-limits.js';
import { replicaSetProblem } from './meta-apply-shards.js';
import { type MetaTables, shardIdOf, shardKey, sortedTags, streamArnOf } from './meta-tables.js';
import {
  type ApplyOutcome,
  type MetaCommand,
  type ShardRecord,
  type StreamRecord,
  streamModeNames,
  streamStatusNames,
} from './types.js';

type Cmd<T extends MetaCommand['type']> = Extract<MetaCommand, { type: T }>;

function createProblem(t: MetaTables, cmd: Cmd<'CreateStream'>): Refusal | undefined {
  const problem =
    streamNameProblem(cmd.name) ??
    shardCountProblem(cmd.shardCount) ??
    retentionBoundsProblem(cmd.retentionHours) ??
    (cmd.shardLimits === undefined ? undefined : shardLimitsProblem(cmd.shardLimits));
  if (problem !== undefined) return problem;
  if (t.streams.has(cmd.name)) return streamExists(cmd.name, t.clusterId);
  if (!streamModeNames.includes(cmd.mode))
    return refuse('InvalidArgument', `unknown stream mode ${cmd.mode}`, 'StreamModeDetails');
  if (!Number.isSafeInteger(cmd.replicationFactor) || cmd.replicationFactor < 1) {
    return refuse(
      'InvalidArgument',
      `replication factor ${cmd.replicationFactor} must be at least 1`,
      'replicationFactor',
    );
  }
  if (!Number.isFinite(cmd.atMs))
    return refuse('InvalidArgument', `creation time ${cmd.atMs} is not a number`, 'atMs');
  if (Object.keys(cmd.tags).length > tagsPerStreamMax) return tooManyTags(cmd.name, t.clusterId);
  const tagProblem = tagsProblem(cmd.tags, cmd.name, t.clusterId);
  if (tagProblem !== undefined) return tagProblem;
  if (cmd.placement.length !== cmd.shardCount) {
    return refuse(
      'InvalidArgument',
      `placement has ${cmd.placement.length} replica sets for ${cmd.shardCount} shards`,
      'placement',
    );
  }
  for (const set of cmd.placement) {
    const setProblem = replicaSetProblem(t, set, cmd.replicationFactor);
    if (setProblem !== undefined) return setProblem;
  }
  return undefined;
}

export function applyCreateStream(t: MetaTables, cmd: Cmd<'CreateStream'>): ApplyOutcome {
  const problem = createProblem(t, cmd);
  if (problem !== undefined) return problem;
  const ranges = evenHashRanges(cmd.shardCount);
  const shardIds: string[] = [];
  for (let i = 0; i < cmd.shardCount; i++) {
    const shardId = shardIdOf(i);
    const replicas = Object.freeze([...cmd.placement[i]!].sort((a, b) => a - b));
    const groupId = t.nextGroupId++;
    const shard: ShardRecord = Object.freeze({
      streamName: cmd.name,
      shardId,
      groupId,
      hashRange: ranges[i]!,
      // The group id, unique in the cluster: a sequence number then names its shard, so one
      // passed to another shard's GetShardIterator is refused instead of read at the same index.
      sequenceBase: BigInt(groupId),
      open: true,
      founders: replicas,
      replicas,
      createdAtMs: cmd.atMs,
    });
    t.shards.set(shard.groupId, shard);
    t.shardGroups.set(shardKey(cmd.name, shardId), shard.groupId);
    shardIds.push(shardId);
  }
  t.nextShardNumber.set(cmd.name, cmd.shardCount);
  const record: StreamRecord = Object.freeze({
    name: cmd.name,
    arn: streamArnOf(t.clusterId, cmd.name),
    status: 'CREATING',
    mode: cmd.mode,
    retentionHours: cmd.retentionHours,
    replicationFactor: cmd.replicationFactor,
    createdAtMs: cmd.atMs,
    tags: sortedTags(cmd.tags),
    shardIds: Object.freeze(shardIds),
    enhancedMetrics: Object.freeze([]),
    ...(compactShardLimits(cmd.shardLimits) === undefined
      ? {}
      : { shardLimits: compactShardLimits(cmd.shardLimits) }),
  });
  t.streams.set(cmd.name, record);
  return { ok: true, value: record };
}

export function applyDeleteStream(t: MetaTables, cmd: Cmd<'DeleteStream'>): ApplyOutcome {
  const s = t.streams.get(cmd.name);
  if (s === undefined) return streamNotFound(cmd.name, t.clusterId);
  // Deleting a stream that is already being deleted changes nothing and is no error.
  if (s.status !== 'DELETING') t.streams.set(s.name, Object.freeze({ ...s, status: 'DELETING' }));
  return { ok: true };
}

export function applyForgetStream(t: MetaTables, cmd: Cmd<'ForgetStream'>): ApplyOutcome {
  const s = t.streams.get(cmd.name);
  if (s === undefined) return streamNotFound(cmd.name, t.clusterId);
  if (s.status !== 'DELETING')
    return refuse('ResourceInUse', `stream ${s.name} is ${s.status}, not DELETING`, 'StreamName');
  for (const shardId of s.shardIds) {
    const key = shardKey(s.name, shardId);
    const groupId = t.shardGroups.get(key);
    if (groupId !== undefined) t.shards.delete(groupId);
    t.shardGroups.delete(key);
  }
  t.streams.delete(s.name);
  t.nextShardNumber.delete(s.name);
  forgetConsumersOf(t, s.name);
  forgetGroupsOf(t, s.name);
  t.reshard.delete(s.name);
  return { ok: true };
}

export function applySetStreamStatus(t: MetaTables, cmd: Cmd<'SetStreamStatus'>): ApplyOutcome {
  const s = t.streams.get(cmd.name);
  if (s === undefined) return streamNotFound(cmd.name, t.clusterId);
  if (!streamStatusNames.includes(cmd.status))
    return refuse('InvalidArgument', `unknown stream status ${cmd.status}`, 'status');
  // DELETING is entered by DeleteStream and left only by ForgetStream.
  if (cmd.status === 'DELETING' || s.status === 'DELETING') {
    return refuse('ResourceInUse', `stream ${s.name} cannot go from ${s.status} to ${cmd.status}`, 'status');
  }
  t.streams.set(s.name, Object.freeze({ ...s, status: cmd.status }));
  return { ok: true };
}

function liveStream(t: MetaTables, name: string): StreamRecord | Refusal {
  const s = t.streams.get(name);
  if (s === undefined) return streamNotFound(name, t.clusterId);
  if (s.status === 'DELETING') return streamNotActive(name, t.clusterId, s.status);
  return s;
}

export function applyAddTags(t: MetaTables, cmd: Cmd<'AddTags'>): ApplyOutcome {
  const s = liveStream(t, cmd.name);
  if ('ok' in s) return s;
  const problem = tagsProblem(cmd.tags, s.name, t.clusterId);
  if (problem !== undefined) return problem;
  const tags = { ...s.tags, ...cmd.tags };
  if (Object.keys(tags).length > tagsPerStreamMax) return tooManyTags(s.name, t.clusterId);
  t.streams.set(s.name, Object.freeze({ ...s, tags: sortedTags(tags) }));
  return { ok: true };
}

export function applyRemoveTags(t: MetaTables, cmd: Cmd<'RemoveTags'>): ApplyOutcome {
  const s = liveStream(t, cmd.name);
  if ('ok' in s) return s;
  const tags: Record<string, string> = { ...s.tags };
  for (const key of cmd.keys) delete tags[key];
  t.streams.set(s.name, Object.freeze({ ...s, tags: sortedTags(tags) }));
  return { ok: true };
}

export function applySetRetention(t: MetaTables, cmd: Cmd<'SetRetention'>): ApplyOutcome {
  const s = t.streams.get(cmd.name);
  if (s === undefined) return streamNotFound(cmd.name, t.clusterId);
  if (s.status !== 'ACTIVE') return streamNotActive(s.name, t.clusterId, s.status);
  if (cmd.direction !== 'increase' && cmd.direction !== 'decrease') {
    return refuse(
      'InvalidArgument',
      `retention change direction ${cmd.direction} is not increase or decrease`,
    );
  }
  const problem =
    retentionBoundsProblem(cmd.hours) ??
    retentionDirectionProblem(s.name, s.retentionHours, cmd.hours, cmd.direction);
  if (problem !== undefined) return problem;
  t.streams.set(s.name, Object.freeze({ ...s, retentionHours: cmd.hours }));
  return { ok: true };
}
