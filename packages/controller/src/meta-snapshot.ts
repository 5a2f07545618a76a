// MetaState's snapshot form: JSON in UTF-8 with a version field, bigints as
// decimal strings, every collection in a fixed order so equal states encode
// to equal bytes. The decoder checks every field and answers Corrupt.
import { type HashRange, hashKeyMax, RheoError } from '@rheo/wire';
import { decodeConsumerTables, encodeConsumerTables } from './meta-apply-consumers-codec.js';
import { shardLimitsField } from './meta-apply-limits.js';
import { decodeReshardTables, encodeReshardTables } from './meta-apply-reshard-codec.js';
import { emptyTables, type MetaTables, shardKey, sortedTags } from './meta-tables.js';
import {
  arr,
  bigintStr,
  bool,
  corrupt,
  int,
  ints,
  type Json,
  jsonBytes,
  num,
  obj,
  oneOf,
  optional,
  parseJsonBytes,
  str,
  stringMap,
  strings,
} from './shape.js';
import {
  type NodeRecord,
  nodeRoleNames,
  nodeStateNames,
  type ShardRecord,
  type StreamRecord,
  streamModeNames,
  streamStatusNames,
} from './types.js';

export const metaSnapshotVersion = 1;

export function encodeTables(t: MetaTables): Uint8Array {
  const byNumber = (a: number, b: number) => a - b;
  return jsonBytes({
    version: metaSnapshotVersion,
    clusterId: t.clusterId,
    appliedIndex: t.appliedIndex,
    nextGroupId: t.nextGroupId,
    nodes: [...t.nodes.keys()].sort(byNumber).map((id) => t.nodes.get(id)),
    streams: [...t.streams.keys()].sort().map((name) => ({
      ...t.streams.get(name),
      nextShardNumber: t.nextShardNumber.get(name) ?? 0,
    })),
    shards: [...t.shards.keys()].sort(byNumber).map((g) => shardJson(t.shards.get(g)!)),
    ...encodeConsumerTables(t),
    ...encodeReshardTables(t),
  });
}

/** Fields in one fixed order, whatever order the record's spreads left them in. */
function shardJson(s: ShardRecord): object {
  return {
    streamName: s.streamName,
    shardId: s.shardId,
    groupId: s.groupId,
    hashRange: { start: s.hashRange.start.toString(), end: s.hashRange.end.toString() },
    parentShardId: s.parentShardId,
    adjacentParentShardId: s.adjacentParentShardId,
    sequenceBase: s.sequenceBase.toString(),
    endingSequenceNumber: s.endingSequenceNumber,
    closedAtMs: s.closedAtMs,
    open: s.open,
    founders: s.founders,
    replicas: s.replicas,
    leader: s.leader === undefined ? undefined : { nodeId: s.leader.nodeId, term: s.leader.term },
    createdAtMs: s.createdAtMs,
  };
}

export function decodeTables(bytes: Uint8Array): MetaTables {
  try {
    return readTables(obj(parseJsonBytes(bytes, 'metadata snapshot'), 'snapshot'));
  } catch (err) {
    if (err instanceof RheoError && err.code === 'Corrupt') throw err;
    throw new RheoError('Corrupt', `metadata snapshot: ${err instanceof Error ? err.message : String(err)}`, {
      cause: err,
    });
  }
}

function readTables(o: Record<string, Json>): MetaTables {
  const version = int(o.version, 'version');
  if (version !== metaSnapshotVersion)
    throw corrupt(`snapshot version ${version} is not ${metaSnapshotVersion}`);
  const t = emptyTables(str(o.clusterId, 'clusterId'));
  t.appliedIndex = int(o.appliedIndex, 'appliedIndex');
  t.nextGroupId = int(o.nextGroupId, 'nextGroupId');
  if (t.appliedIndex < 0 || t.nextGroupId < 2) throw corrupt('snapshot counters are out of range');
  arr(o.nodes, 'nodes').forEach((x, i) => {
    const n = readNode(obj(x, `nodes[${i}]`), `nodes[${i}]`);
    if (t.nodes.has(n.id)) throw corrupt(`node ${n.id} appears twice`);
    t.nodes.set(n.id, n);
  });
  arr(o.streams, 'streams').forEach((x, i) => {
    const so = obj(x, `streams[${i}]`);
    const s = readStream(so, `streams[${i}]`);
    if (t.streams.has(s.name)) throw corrupt(`stream ${s.name} appears twice`);
    t.streams.set(s.name, s);
    t.nextShardNumber.set(s.name, int(so.nextShardNumber, `streams[${i}].nextShardNumber`));
  });
  arr(o.shards, 'shards').forEach((x, i) => {
    const s = readShard(obj(x, `shards[${i}]`), `shards[${i}]`);
    if (t.shards.has(s.groupId) || s.groupId >= t.nextGroupId)
      throw corrupt(`shard group ${s.groupId} is a duplicate or above the counter`);
    const stream = t.streams.get(s.streamName);
    if (stream === undefined || !stream.shardIds.includes(s.shardId))
      throw corrupt(`shard ${s.shardId} belongs to no stream`);
    t.shards.set(s.groupId, s);
    t.shardGroups.set(shardKey(s.streamName, s.shardId), s.groupId);
  });
  decodeConsumerTables(o, t);
  decodeReshardTables(o, t);
  for (const s of t.streams.values()) {
    for (const id of s.shardIds) {
      if (!t.shardGroups.has(shardKey(s.name, id)))
        throw corrupt(`stream ${s.name} names missing shard ${id}`);
    }
  }
  return t;
}

function readNode(o: Record<string, Json>, p: string): NodeRecord {
  return Object.freeze({
    id: int(o.id, `${p}.id`),
    address: str(o.address, `${p}.address`),
    gatewayAddress: str(o.gatewayAddress, `${p}.gatewayAddress`),
    roles: Object.freeze(
      arr(o.roles, `${p}.roles`).map((r, i) => oneOf(r, nodeRoleNames, `${p}.roles[${i}]`)),
    ),
    rack: str(o.rack, `${p}.rack`),
    incarnation: str(o.incarnation, `${p}.incarnation`),
    state: oneOf(o.state, nodeStateNames, `${p}.state`),
    registeredAtMs: num(o.registeredAtMs, `${p}.registeredAtMs`),
  });
}

function readStream(o: Record<string, Json>, p: string): StreamRecord {
  return Object.freeze({
    name: str(o.name, `${p}.name`),
    arn: str(o.arn, `${p}.arn`),
    status: oneOf(o.status, streamStatusNames, `${p}.status`),
    mode: oneOf(o.mode, streamModeNames, `${p}.mode`),
    retentionHours: int(o.retentionHours, `${p}.retentionHours`),
    replicationFactor: int(o.replicationFactor, `${p}.replicationFactor`),
    createdAtMs: num(o.createdAtMs, `${p}.createdAtMs`),
    tags: sortedTags(stringMap(o.tags, `${p}.tags`)),
    shardIds: Object.freeze(strings(o.shardIds, `${p}.shardIds`)),
    enhancedMetrics: Object.freeze(strings(o.enhancedMetrics, `${p}.enhancedMetrics`)),
    ...shardLimitsField(o.shardLimits, `${p}.shardLimits`),
  });
}

function readShard(o: Record<string, Json>, p: string): ShardRecord {
  const parent = optional(o.parentShardId, str, `${p}.parentShardId`);
  const adjacent = optional(o.adjacentParentShardId, str, `${p}.adjacentParentShardId`);
  const ending = optional(o.endingSequenceNumber, str, `${p}.endingSequenceNumber`);
  const closedAtMs = optional(o.closedAtMs, num, `${p}.closedAtMs`);
  const leader = optional(
    o.leader,
    (x, lp) => {
      const l = obj(x, lp);
      return Object.freeze({ nodeId: int(l.nodeId, `${lp}.nodeId`), term: int(l.term, `${lp}.term`) });
    },
    `${p}.leader`,
  );
  return Object.freeze({
    streamName: str(o.streamName, `${p}.streamName`),
    shardId: str(o.shardId, `${p}.shardId`),
    groupId: int(o.groupId, `${p}.groupId`),
    hashRange: readRange(o.hashRange, `${p}.hashRange`),
    ...(parent === undefined ? {} : { parentShardId: parent }),
    ...(adjacent === undefined ? {} : { adjacentParentShardId: adjacent }),
    sequenceBase: bigintStr(o.sequenceBase, `${p}.sequenceBase`),
    ...(ending === undefined ? {} : { endingSequenceNumber: ending }),
    ...(closedAtMs === undefined ? {} : { closedAtMs }),
    open: bool(o.open, `${p}.open`),
    founders: Object.freeze(ints(o.founders, `${p}.founders`)),
    replicas: Object.freeze(ints(o.replicas, `${p}.replicas`)),
    ...(leader === undefined ? {} : { leader }),
    createdAtMs: num(o.createdAtMs, `${p}.createdAtMs`),
  });
}

function readRange(v: Json, p: string): HashRange {
  const o = obj(v, p);
  const start = bigintStr(o.start, `${p}.start`);
  const end = bigintStr(o.end, `${p}.end`);
  if (start > end || end > hashKeyMax) throw corrupt(`${p} is not a hash range`);
  return Object.freeze({ start, end });
}
