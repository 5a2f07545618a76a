// MetaState's resharding commands (docs/resharding.md): SplitShard and
// MergeShards create the children at once (pending: no writes until every
// parent is closed) and set the stream UPDATING; CloseShard records a
// parent's ending sequence number and opens the children whose parents are
// all closed; FinishReshard sets the stream ACTIVE again. Every refusal is
// checked before the first change.
import { areAdjacent, type HashRange, hashKeyMax, mergeHashRanges, splitHashRange } from '@rheo/wire';
import { type Refusal, refuse, streamNotActive, streamNotFound } from './kinesis-rules.js';
import { replicaSetProblem } from './meta-apply-shards.js';
import { type MetaTables, shardIdOf, shardKey } from './meta-tables.js';
import { childrenOf, isPending, parentsOf } from './reshard-lineage.js';
import type { ReshardCommand } from './reshard-types.js';
import type { ApplyOutcome, ShardRecord, StreamRecord } from './types.js';

type Cmd<T extends ReshardCommand['type']> = Extract<ReshardCommand, { type: T }>;

const decimalKey = /^(0|[1-9][0-9]{0,38})$/;

function shardOf(t: MetaTables, stream: string, shardId: string): ShardRecord | undefined {
  const g = t.shardGroups.get(shardKey(stream, shardId));
  return g === undefined ? undefined : t.shards.get(g);
}

export function shardNotFound(t: MetaTables, stream: string, shardId: string, field: string): Refusal {
  return refuse(
    'ResourceNotFound',
    `Could not find shard ${shardId} in stream ${stream} under account ${t.clusterId}.`,
    field,
  );
}

function notEligible(t: MetaTables, stream: string, shardId: string, field: string): Refusal {
  return refuse(
    'ResourceInUse',
    `Shard ${shardId} in stream ${stream} under account ${t.clusterId} has already been merged or split, and thus is not eligible for merging or splitting.`,
    field,
  );
}

/** The stream a change may start on: ACTIVE, or UPDATING for a step of a scaling plan. */
function changeableStream(t: MetaTables, name: string, planned: boolean | undefined): StreamRecord | Refusal {
  const s = t.streams.get(name);
  if (s === undefined) return streamNotFound(name, t.clusterId);
  if (s.status !== 'ACTIVE' && !(planned === true && s.status === 'UPDATING'))
    return streamNotActive(name, t.clusterId, s.status);
  return s;
}

/** An open shard that takes part in no change yet. */
function eligibleShard(
  t: MetaTables,
  s: StreamRecord,
  shardId: string,
  field: string,
): ShardRecord | Refusal {
  const shard = shardOf(t, s.name, shardId);
  if (shard === undefined) return shardNotFound(t, s.name, shardId, field);
  const siblings = s.shardIds.map((id) => shardOf(t, s.name, id)!);
  if (!shard.open || childrenOf(siblings, shardId).length > 0) return notEligible(t, s.name, shardId, field);
  return shard;
}

function placementProblem(
  t: MetaTables,
  placement: number[][],
  count: number,
  rf: number,
): Refusal | undefined {
  if (!Array.isArray(placement) || placement.length !== count)
    return refuse('InvalidArgument', `placement must hold ${count} replica sets`, 'placement');
  for (const set of placement) {
    const p = replicaSetProblem(t, set, rf);
    if (p !== undefined) return p;
  }
  return undefined;
}

/** The hash key a SplitShard names, or the refusal Kinesis gives for it. */
export function splitRanges(
  parent: ShardRecord,
  key: string,
  streamName: string,
  account: string,
): [HashRange, HashRange] | Refusal {
  const bad = refuse(
    'InvalidArgument',
    `NewStartingHashKey ${key} used in SplitShard() on shard ${parent.shardId} in stream ${streamName} under account ${account} is not both greater than the shard's StartingHashKey ${parent.hashRange.start} and no greater than its EndingHashKey ${parent.hashRange.end}.`,
    'NewStartingHashKey',
  );
  if (typeof key !== 'string' || !decimalKey.test(key)) return bad;
  const k = BigInt(key);
  if (k > hashKeyMax || k <= parent.hashRange.start || k > parent.hashRange.end) return bad;
  return splitHashRange(parent.hashRange, k);
}

function addChild(
  t: MetaTables,
  stream: StreamRecord,
  range: HashRange,
  parents: readonly ShardRecord[],
  replicaSet: readonly number[],
  atMs: number,
): ShardRecord {
  const n = t.nextShardNumber.get(stream.name) ?? stream.shardIds.length;
  t.nextShardNumber.set(stream.name, n + 1);
  const replicas = Object.freeze([...replicaSet].sort((a, b) => a - b));
  const groupId = t.nextGroupId++;
  // Its own group id (unique, as a stream's first shards have), and in any case above every
  // parent's base, so every child number beats every parent number (wire childBase).
  let base = BigInt(groupId);
  for (const p of parents) if (p.sequenceBase >= base) base = p.sequenceBase + 1n;
  const child: ShardRecord = Object.freeze({
    streamName: stream.name,
    shardId: shardIdOf(n),
    groupId,
    hashRange: range,
    parentShardId: parents[0]!.shardId,
    ...(parents.length > 1 ? { adjacentParentShardId: parents[1]!.shardId } : {}),
    sequenceBase: base,
    open: false,
    founders: replicas,
    replicas,
    createdAtMs: atMs,
  });
  t.shards.set(child.groupId, child);
  t.shardGroups.set(shardKey(stream.name, child.shardId), child.groupId);
  return child;
}

function startChange(t: MetaTables, s: StreamRecord, children: readonly ShardRecord[]): void {
  t.streams.set(
    s.name,
    Object.freeze({
      ...s,
      status: 'UPDATING',
      shardIds: Object.freeze([...s.shardIds, ...children.map((c) => c.shardId)]),
    }),
  );
}

export function applySplitShard(t: MetaTables, cmd: Cmd<'SplitShard'>): ApplyOutcome<ShardRecord[]> {
  const s = changeableStream(t, cmd.streamName, cmd.planned);
  if ('ok' in s) return s;
  const parent = eligibleShard(t, s, cmd.shardId, 'ShardToSplit');
  if ('ok' in parent) return parent;
  const ranges = splitRanges(parent, cmd.newStartingHashKey, s.name, t.clusterId);
  if ('ok' in ranges) return ranges;
  const problem = placementProblem(t, cmd.placement, 2, s.replicationFactor);
  if (problem !== undefined) return problem;
  const children = ranges.map((r, i) => addChild(t, s, r, [parent], cmd.placement[i]!, cmd.atMs));
  startChange(t, s, children);
  return { ok: true, value: children };
}

export function applyMergeShards(t: MetaTables, cmd: Cmd<'MergeShards'>): ApplyOutcome<ShardRecord[]> {
  const s = changeableStream(t, cmd.streamName, cmd.planned);
  if ('ok' in s) return s;
  const a = eligibleShard(t, s, cmd.shardId, 'ShardToMerge');
  if ('ok' in a) return a;
  const b = eligibleShard(t, s, cmd.adjacentShardId, 'AdjacentShardToMerge');
  if ('ok' in b) return b;
  if (a.shardId === b.shardId || !areAdjacent(a.hashRange, b.hashRange)) {
    return refuse(
      'InvalidArgument',
      `Shards ${a.shardId} and ${b.shardId} in stream ${s.name} under account ${t.clusterId} are not an adjacent pair of shards eligible for merging`,
      'AdjacentShardToMerge',
    );
  }
  const problem = placementProblem(t, cmd.placement, 1, s.replicationFactor);
  if (problem !== undefined) return problem;
  const child = addChild(
    t,
    s,
    mergeHashRanges(a.hashRange, b.hashRange),
    [a, b],
    cmd.placement[0]!,
    cmd.atMs,
  );
  startChange(t, s, [child]);
  return { ok: true, value: [child] };
}

export function applyCloseShard(t: MetaTables, cmd: Cmd<'CloseShard'>): ApplyOutcome {
  const s = t.streams.get(cmd.streamName);
  if (s === undefined) return streamNotFound(cmd.streamName, t.clusterId);
  const shard = shardOf(t, s.name, cmd.shardId);
  if (shard === undefined) return shardNotFound(t, s.name, cmd.shardId, 'ShardId');
  // A repeat (a new controller reading the same reports) changes nothing.
  if (!shard.open && shard.endingSequenceNumber !== undefined) return { ok: true };
  const siblings = s.shardIds.map((id) => shardOf(t, s.name, id)!);
  const children = childrenOf(siblings, shard.shardId);
  if (!shard.open || children.length === 0)
    return refuse('InvalidArgument', `shard ${shard.shardId} is not being closed`, 'ShardId');
  if (typeof cmd.endingSequenceNumber !== 'string' || !/^[1-9][0-9]{55}$/.test(cmd.endingSequenceNumber))
    return refuse(
      'InvalidArgument',
      `ending sequence number ${cmd.endingSequenceNumber} is malformed`,
      'endingSequenceNumber',
    );
  const closed: ShardRecord = Object.freeze({
    ...shard,
    open: false,
    endingSequenceNumber: cmd.endingSequenceNumber,
    closedAtMs: cmd.atMs,
  });
  t.shards.set(shard.groupId, closed);
  for (const child of children) {
    if (!isPending(child)) continue;
    const allClosed = parentsOf(child).every((p) => {
      const r = shardOf(t, s.name, p);
      return r !== undefined && !r.open && r.endingSequenceNumber !== undefined;
    });
    // The child takes writes from now on; its start is when it opened, for ListShards' time filters.
    if (allClosed)
      t.shards.set(child.groupId, Object.freeze({ ...child, open: true, createdAtMs: cmd.atMs }));
  }
  return { ok: true };
}

export function applyFinishReshard(t: MetaTables, cmd: Cmd<'FinishReshard'>): ApplyOutcome {
  const s = t.streams.get(cmd.name);
  if (s === undefined) return streamNotFound(cmd.name, t.clusterId);
  if (s.status !== 'UPDATING')
    return refuse('ResourceInUse', `stream ${s.name} is ${s.status}, not UPDATING`, 'StreamName');
  const shards = s.shardIds.map((id) => shardOf(t, s.name, id)!);
  if (shards.some(isPending))
    return refuse(
      'ResourceInUse',
      `stream ${s.name} still has shards waiting for their parents to close`,
      'StreamName',
    );
  t.streams.set(s.name, Object.freeze({ ...s, status: 'ACTIVE' }));
  const r = t.reshard.get(s.name);
  if (r?.scalingTarget !== undefined) {
    const { scalingTarget: _done, ...rest } = r;
    t.reshard.set(s.name, Object.freeze(rest));
  }
  return { ok: true };
}

/** When a closed shard's last record is past retention: its close plus the stream's retention. */
export function forgettableAtMs(shard: ShardRecord, retentionHours: number): number | undefined {
  if (shard.open || shard.closedAtMs === undefined) return undefined;
  return shard.closedAtMs + retentionHours * 3600 * 1000;
}

/**
 * A closed shard whose records are all past the stream's retention leaves
 * the metadata (ListShards, DescribeStream); its replicas are then deleted
 * as unknown groups. Its children keep naming it as a parent, as Kinesis's do.
 */
export function applyForgetShard(t: MetaTables, cmd: Cmd<'ForgetShard'>): ApplyOutcome {
  const s = t.streams.get(cmd.streamName);
  if (s === undefined) return streamNotFound(cmd.streamName, t.clusterId);
  const shard = shardOf(t, s.name, cmd.shardId);
  if (shard === undefined) return { ok: true }; // forgotten already
  const at = forgettableAtMs(shard, s.retentionHours);
  if (at === undefined || cmd.atMs < at)
    return refuse(
      'InvalidArgument',
      `shard ${shard.shardId} is not closed past the stream's retention`,
      'ShardId',
    );
  t.shards.delete(shard.groupId);
  t.shardGroups.delete(shardKey(s.name, shard.shardId));
  t.streams.set(
    s.name,
    Object.freeze({ ...s, shardIds: Object.freeze(s.shardIds.filter((id) => id !== shard.shardId)) }),
  );
  return { ok: true };
}
