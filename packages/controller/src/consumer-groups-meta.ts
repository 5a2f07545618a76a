// Consumer groups in the metadata (issue 7 part 3): per group, its settings
// and per shard a lease (owner, counter, checkpoint). What is written here
// is what must survive a controller change: ownership changes (the
// counter, a fencing token, rises on each) and checkpoints. Renewals are
// not written: the active controller keeps expiry in memory
// (consumer-groups-coordinator.ts), and a new controller counts every
// owned lease as renewed at its takeover.
import { refuse, streamNameProblem, streamNotActive, streamNotFound } from './kinesis-rules.js';
import type { MetaTables } from './meta-tables.js';
import type { ApplyOutcome } from './types.js';

export type GroupStartName = 'TRIM_HORIZON' | 'LATEST' | 'AT_TIMESTAMP';
export const groupStartNames: readonly GroupStartName[] = Object.freeze([
  'TRIM_HORIZON',
  'LATEST',
  'AT_TIMESTAMP',
]);

/** A lease not renewed for this long may be taken, when the group does not say (KCL's default). */
export const leaseDurationMsDefault = 10_000;
/** Groups per stream, a bound on metadata size. */
export const groupsPerStreamMax = 50;

export interface GroupCheckpointRecord {
  /** The last processed record; empty when at_shard_end is the whole story. */
  readonly sequenceNumber: string;
  readonly atShardEnd: boolean;
  readonly updatedAtMs: number;
}

export interface LeaseRecord {
  readonly shardId: string;
  /** '' when free. */
  readonly owner: string;
  readonly counter: number;
  readonly checkpoint?: GroupCheckpointRecord;
}

export interface GroupRecord {
  readonly streamName: string;
  readonly name: string;
  readonly initialPosition: { readonly type: GroupStartName; readonly timestampMs: number };
  readonly leaseDurationMs: number;
  readonly createdAtMs: number;
  /** Leases by shard id; a shard with no entry is free, counter 0, no checkpoint. */
  readonly leases: Readonly<Record<string, LeaseRecord>>;
}

export interface LeaseChange {
  readonly shardId: string;
  /** The new owner; '' releases. */
  readonly owner: string;
  /** The counter the proposer saw: the change is refused if the lease moved meanwhile. */
  readonly counter: number;
}

export type GroupCommand =
  | {
      type: 'CreateGroup';
      streamName: string;
      name: string;
      initialPosition: { type: GroupStartName; timestampMs: number };
      leaseDurationMs: number;
      atMs: number;
    }
  | { type: 'DeleteGroup'; streamName: string; name: string }
  | { type: 'SetLeaseOwners'; streamName: string; name: string; changes: LeaseChange[] }
  | {
      type: 'Checkpoint';
      streamName: string;
      name: string;
      shardId: string;
      owner: string;
      counter: number;
      sequenceNumber: string;
      atShardEnd: boolean;
      atMs: number;
    };

export function groupKey(streamName: string, name: string): string {
  return `${streamName}\u0000${name}`;
}

export function groupsOf(t: MetaTables, streamName: string): GroupRecord[] {
  const prefix = groupKey(streamName, '');
  return [...t.groups.entries()]
    .filter(([k]) => k.startsWith(prefix))
    .map(([, g]) => g)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function leaseOf(g: GroupRecord, shardId: string): LeaseRecord {
  return g.leases[shardId] ?? { shardId, owner: '', counter: 0 };
}

function groupNotFound(streamName: string, name: string): ApplyOutcome {
  return refuse('ResourceNotFound', `Consumer group ${name} of stream ${streamName} not found`, 'group_name');
}

function withLease(g: GroupRecord, lease: LeaseRecord): GroupRecord {
  const leases: Record<string, LeaseRecord> = {};
  for (const id of Object.keys({ ...g.leases, [lease.shardId]: lease }).sort())
    leases[id] = id === lease.shardId ? Object.freeze(lease) : g.leases[id]!;
  return Object.freeze({ ...g, leases: Object.freeze(leases) });
}

export function applyCreateGroup(
  t: MetaTables,
  cmd: Extract<GroupCommand, { type: 'CreateGroup' }>,
): ApplyOutcome {
  const s = t.streams.get(cmd.streamName);
  if (s === undefined) return streamNotFound(cmd.streamName, t.clusterId);
  if (s.status === 'DELETING') return streamNotActive(s.name, t.clusterId, s.status);
  const nameProblem = streamNameProblem(cmd.name);
  if (nameProblem !== undefined) return { ...nameProblem, field: 'group_name' };
  if (!groupStartNames.includes(cmd.initialPosition.type))
    return refuse(
      'InvalidArgument',
      `initial position ${cmd.initialPosition.type} is not TRIM_HORIZON, LATEST or AT_TIMESTAMP`,
      'initial_position',
    );
  if (!Number.isSafeInteger(cmd.leaseDurationMs) || cmd.leaseDurationMs < 100)
    return refuse(
      'InvalidArgument',
      `lease duration ${cmd.leaseDurationMs} ms must be at least 100`,
      'lease_duration_ms',
    );
  const key = groupKey(s.name, cmd.name);
  const existing = t.groups.get(key);
  if (existing !== undefined) {
    const same =
      existing.leaseDurationMs === cmd.leaseDurationMs &&
      existing.initialPosition.type === cmd.initialPosition.type &&
      existing.initialPosition.timestampMs === cmd.initialPosition.timestampMs;
    return same
      ? { ok: true, value: { created: false } }
      : refuse(
          'ResourceInUse',
          `Consumer group ${cmd.name} of stream ${s.name} exists with other settings`,
          'group_name',
        );
  }
  if (groupsOf(t, s.name).length >= groupsPerStreamMax)
    return refuse(
      'LimitExceeded',
      `stream ${s.name} has ${groupsPerStreamMax} consumer groups, the most it may have`,
      'group_name',
    );
  t.groups.set(
    key,
    Object.freeze({
      streamName: s.name,
      name: cmd.name,
      initialPosition: Object.freeze({ ...cmd.initialPosition }),
      leaseDurationMs: cmd.leaseDurationMs,
      createdAtMs: cmd.atMs,
      leases: Object.freeze({}),
    }),
  );
  return { ok: true, value: { created: true } };
}

export function applyDeleteGroup(
  t: MetaTables,
  cmd: Extract<GroupCommand, { type: 'DeleteGroup' }>,
): ApplyOutcome {
  const key = groupKey(cmd.streamName, cmd.name);
  if (!t.groups.has(key)) return groupNotFound(cmd.streamName, cmd.name);
  t.groups.delete(key);
  return { ok: true };
}

/** All or nothing: one stale counter refuses the whole command (LeaseLost). */
export function applySetLeaseOwners(
  t: MetaTables,
  cmd: Extract<GroupCommand, { type: 'SetLeaseOwners' }>,
): ApplyOutcome {
  const key = groupKey(cmd.streamName, cmd.name);
  let g = t.groups.get(key);
  if (g === undefined) return groupNotFound(cmd.streamName, cmd.name);
  const stream = t.streams.get(cmd.streamName);
  for (const c of cmd.changes) {
    if (stream === undefined || !stream.shardIds.includes(c.shardId))
      return refuse(
        'ResourceNotFound',
        `Shard ${c.shardId} in stream ${cmd.streamName} not found`,
        'shard_id',
      );
    const lease = leaseOf(g, c.shardId);
    if (lease.counter !== c.counter)
      return refuse(
        'LeaseLost',
        `the lease of ${c.shardId} moved (counter ${lease.counter}, not ${c.counter})`,
        'lease_counter',
      );
  }
  for (const c of cmd.changes) {
    const lease = leaseOf(g, c.shardId);
    if (lease.owner !== c.owner) g = withLease(g, { ...lease, owner: c.owner, counter: lease.counter + 1 });
  }
  t.groups.set(key, g);
  return { ok: true, value: g };
}

export function applyGroupCheckpoint(
  t: MetaTables,
  cmd: Extract<GroupCommand, { type: 'Checkpoint' }>,
): ApplyOutcome {
  const key = groupKey(cmd.streamName, cmd.name);
  const g = t.groups.get(key);
  if (g === undefined) return groupNotFound(cmd.streamName, cmd.name);
  const lease = leaseOf(g, cmd.shardId);
  if (lease.owner !== cmd.owner || lease.owner === '' || lease.counter !== cmd.counter)
    return refuse(
      'LeaseLost',
      `worker ${cmd.owner} does not hold the lease of ${cmd.shardId} under counter ${cmd.counter} (owner ${lease.owner || 'none'}, counter ${lease.counter})`,
      'lease',
    );
  const prev = lease.checkpoint;
  if (prev?.atShardEnd === true && !cmd.atShardEnd)
    return refuse('InvalidArgument', `${cmd.shardId} is checkpointed at its end already`, 'sequence_number');
  if (
    !cmd.atShardEnd &&
    prev !== undefined &&
    prev.sequenceNumber !== '' &&
    BigInt(cmd.sequenceNumber) < BigInt(prev.sequenceNumber)
  )
    return refuse(
      'InvalidArgument',
      `checkpoint ${cmd.sequenceNumber} is below the stored ${prev.sequenceNumber}`,
      'sequence_number',
    );
  const checkpoint: GroupCheckpointRecord = Object.freeze({
    sequenceNumber:
      cmd.atShardEnd && cmd.sequenceNumber === '' ? (prev?.sequenceNumber ?? '') : cmd.sequenceNumber,
    atShardEnd: cmd.atShardEnd,
    updatedAtMs: cmd.atMs,
  });
  const next = withLease(g, { ...lease, checkpoint });
  t.groups.set(key, next);
  return { ok: true, value: checkpoint };
}

export function forgetGroupsOf(t: MetaTables, streamName: string): void {
  for (const g of groupsOf(t, streamName)) t.groups.delete(groupKey(streamName, g.name));
}
