// The shard replicas the controller placed on this node, remembered in the
// node's metadata keyspace (`replica-spec/<groupId>`, one small JSON value
// per group) so that a restarted node reopens them at once, before its
// first heartbeat, instead of waiting for the controller to repeat its
// CREATE_REPLICA commands: shards recover their leaders without the
// controller. A record is written before its replica is opened (a replica
// with data on disk is never forgotten). Deleting marks the record first,
// then deletes the data, then removes the record: a restart that finds a
// marked record finishes the deletion, where reopening it would bootstrap
// a founder's group anew on the deleted data's place.
//
// Also here: the ShardSpec a CREATE_REPLICA command describes.
import type { ShardSpec } from '@rheo/broker';
import type { MetaStore } from '@rheo/storage';
import { META_LIST_ENTRIES_MAX } from '@rheo/storage';
import { hashRange, parseHashKey, type pb, RheoError } from '@rheo/wire';

/** A replica as created: its spec and whether it joined an existing group empty. */
export interface PersistedReplica {
  readonly spec: ShardSpec;
  /** True when it was created as a replacement (a learner to be added), starting with an empty log. */
  readonly join: boolean;
  /** Set while its data is being deleted: a restart finishes the deletion instead of reopening it. */
  readonly deleting?: boolean;
}

const KEY_PREFIX = 'replica-spec/';
/** Group ids are safe integers: 16 digits keep the keys in group order. */
const GROUP_ID_DIGITS = 16;
const FORMAT_VERSION = 1;

interface StoredForm {
  readonly v: number;
  readonly groupId: number;
  readonly groupName: string;
  readonly streamName: string;
  readonly shardId: string;
  readonly hashStart: string;
  readonly hashEnd: string;
  readonly sequenceBase: string;
  readonly replicas: readonly number[];
  readonly join: boolean;
  readonly deleting?: boolean;
}

/** The storage name of a shard replica's group; the group id suffix keeps a re-created stream off old data. */
export function shardGroupName(streamName: string, shardId: string, groupId: number): string {
  return `shard/${streamName}/${shardId}/${groupId}`;
}

/** The replica a CREATE_REPLICA command asks for; InvalidArgument (with the field) when the command is malformed. */
export function replicaFromCreateCommand(cmd: pb.ReplicaCommand__Output): PersistedReplica {
  const groupId = Number(cmd.groupId);
  if (!Number.isSafeInteger(groupId) || groupId < 2)
    throw invalid('group_id', `group id ${cmd.groupId} is not a shard group (2 or more)`);
  if (cmd.streamName === '') throw invalid('stream_name', 'the stream name is empty');
  if (cmd.shardId === '') throw invalid('shard_id', 'the shard id is empty');
  if (cmd.hashKeyRange === null) throw invalid('hash_key_range', 'the hash key range is missing');
  const start = parseHashKey(cmd.hashKeyRange.startingHashKey, 'hash_key_range.starting_hash_key');
  const end = parseHashKey(cmd.hashKeyRange.endingHashKey, 'hash_key_range.ending_hash_key');
  const base = cmd.startingSequenceNumber === '' ? '0' : cmd.startingSequenceNumber;
  if (!/^\d{1,56}$/.test(base))
    throw invalid('starting_sequence_number', `"${base}" is not a decimal sequence number`);
  const voters = cmd.confState?.voters ?? [];
  for (const v of voters)
    if (!Number.isSafeInteger(v) || v <= 0) throw invalid('conf_state.voters', `voter ${v} is not a node id`);
  return {
    spec: {
      groupId,
      groupName: shardGroupName(cmd.streamName, cmd.shardId, groupId),
      streamName: cmd.streamName,
      shardId: cmd.shardId,
      hashRange: hashRange(start, end),
      sequenceBase: BigInt(base),
      replicas: [...voters].sort((a, b) => a - b),
    },
    // No voters: a replacement that starts empty and learns the membership from the leader.
    join: voters.length === 0,
  };
}

function invalid(field: string, message: string): RheoError {
  return new RheoError('InvalidArgument', `CREATE_REPLICA: ${message}`, { field });
}

function keyOf(groupId: number): Uint8Array {
  return Buffer.from(`${KEY_PREFIX}${String(groupId).padStart(GROUP_ID_DIGITS, '0')}`);
}

/** Remembers a replica (synced: it must survive the crash that may follow). */
export function saveReplica(meta: MetaStore, r: PersistedReplica): Promise<void> {
  const s = r.spec;
  const stored: StoredForm = {
    v: FORMAT_VERSION,
    groupId: s.groupId,
    groupName: s.groupName,
    streamName: s.streamName,
    shardId: s.shardId,
    hashStart: s.hashRange.start.toString(),
    hashEnd: s.hashRange.end.toString(),
    sequenceBase: s.sequenceBase.toString(),
    replicas: s.replicas,
    join: r.join,
    ...(r.deleting === true ? { deleting: true } : {}),
  };
  return meta.write({ puts: [[keyOf(s.groupId), Buffer.from(JSON.stringify(stored))]], sync: true });
}

/** Forgets a replica (its data is gone); a group with no record is a no-op. */
export function removeReplica(meta: MetaStore, groupId: number): Promise<void> {
  return meta.write({ dels: [keyOf(groupId)], sync: true });
}

/** The record of one group, if any. */
export async function loadReplica(meta: MetaStore, groupId: number): Promise<PersistedReplica | undefined> {
  const v = await meta.get(keyOf(groupId));
  return v === undefined ? undefined : decode(v);
}

/**
 * Every remembered replica, in group order. A record that does not decode
 * (written by a newer version, or a bug) is passed to `onBad` and skipped:
 * its data stays, and the controller's CREATE_REPLICA or DELETE_REPLICA
 * settles it.
 */
export async function loadReplicas(
  meta: MetaStore,
  onBad: (key: string, err: unknown) => void,
): Promise<PersistedReplica[]> {
  const prefix = Buffer.from(KEY_PREFIX);
  const out: PersistedReplica[] = [];
  let after: Uint8Array | undefined;
  for (;;) {
    const page = await meta.list(prefix, META_LIST_ENTRIES_MAX, after);
    for (const [k, v] of page) {
      try {
        out.push(decode(v));
      } catch (err) {
        onBad(Buffer.from(k).toString('utf8'), err);
      }
    }
    if (page.length < META_LIST_ENTRIES_MAX) return out;
    after = page[page.length - 1]![0];
  }
}

function decode(v: Uint8Array): PersistedReplica {
  const s = JSON.parse(Buffer.from(v).toString('utf8')) as StoredForm;
  if (s.v !== FORMAT_VERSION) throw new Error(`record format ${String(s.v)} is not ${FORMAT_VERSION}`);
  if (!Number.isSafeInteger(s.groupId) || typeof s.groupName !== 'string' || !Array.isArray(s.replicas))
    throw new Error('record fields missing');
  return {
    spec: {
      groupId: s.groupId,
      groupName: s.groupName,
      streamName: s.streamName,
      shardId: s.shardId,
      hashRange: hashRange(BigInt(s.hashStart), BigInt(s.hashEnd)),
      sequenceBase: BigInt(s.sequenceBase),
      replicas: s.replicas,
    },
    join: s.join === true,
    ...(s.deleting === true ? { deleting: true } : {}),
  };
}
