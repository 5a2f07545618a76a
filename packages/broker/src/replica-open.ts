// Opening a shard replica's storage: creating and bootstrapping a new group,
// and recovering the shard state of an existing one.
//
// Bootstrap. A founding replica starts from a snapshot at index 1, term 1
// that holds the founding membership and an empty shard state (as the raft
// simulator's bootstrapSnapshot does). Putting the membership in a snapshot
// rather than relying on the log is what lets a replica that joins later
// with an empty log learn it: the leader cannot send index 1, so it sends
// the snapshot. A joiner opens with `join` and starts empty.
//
// Recovery. The state persisted with the applied index (every
// statePersistEntries entries or statePersistIntervalMs) is loaded, and the
// core re-hands the committed entries after it, which rebuild the rest:
// bounded by the persist interval. If the persisted state is missing,
// damaged, or older than the log's snapshot (a snapshot was installed and
// the process died before the state was written), the snapshot's data is
// the state, and the entries after the snapshot are re-applied. Apply skips
// entries at or below the state's own applied index, so a state that is
// ahead of the log's compaction point is never applied twice.

import {
  type ConfState,
  type NodeId,
  type RaftLogger,
  type RandomSource,
  RawNode,
  ReadOnlyOption,
} from '@rheo/raft';
import { CorruptDataError, type GroupLog, type NodeStore } from '@rheo/storage';
import { isRheoError } from '@rheo/wire';
import type { ReplicaOptions } from './options.js';
import { ShardState, type StateBounds } from './shard-state.js';

/** The app-state key of the shard state within its group. */
export const STATE_KEY = new TextEncoder().encode('shard-state');

export interface OpenedGroup {
  readonly log: GroupLog;
  readonly state: ShardState;
  /** The index the core starts from (what it considers applied). */
  readonly applied: number;
}

export function confStateOf(voters: readonly number[]): ConfState {
  return { voters: [...voters], learners: [], votersOutgoing: [], learnersNext: [], autoLeave: false };
}

/**
 * Opens a Raft group's log, bootstrapping a fresh one (unless it joins) with
 * the founding snapshot at index 1, term 1: the founding membership and the
 * state machine's empty state (`founding()`). Shard groups and the metadata
 * group start the same way.
 */
export async function openFoundedGroup(
  store: NodeStore,
  groupName: string,
  voters: readonly number[],
  founding: () => Uint8Array,
  join = false,
): Promise<GroupLog> {
  const confState = confStateOf(voters);
  const log = await store.openGroup(groupName, { confState });
  const fresh = log.snapshot().metadata.index === 0 && log.lastIndex() === 0 && log.hardState().term === 0;
  if (fresh && !join) {
    await log.persist({
      snapshot: { metadata: { index: 1, term: 1, confState }, data: founding() },
      entries: [],
      hardState: { term: 1, vote: 0, commit: 1 },
      mustSync: true,
    });
  }
  return log;
}

export async function openShardGroup(
  store: NodeStore,
  groupName: string,
  voters: readonly number[],
  bounds: StateBounds,
  join: boolean,
): Promise<OpenedGroup> {
  const log = await openFoundedGroup(
    store,
    groupName,
    voters,
    () => new ShardState(1, bounds).encode(),
    join,
  );
  const snapIndex = log.snapshot().metadata.index;
  const stored = await storedState(log, bounds);
  if (stored !== undefined && stored.appliedIndex >= snapIndex) {
    const applied = Math.max(
      snapIndex,
      Math.min(stored.appliedIndex, log.hardState().commit, log.lastIndex()),
    );
    return { log, state: stored, applied };
  }
  // From the snapshot the core starts at its index, so that membership changes after it are applied
  // to the core again (the snapshot's state may reflect entries past its index; apply skips their data).
  return { log, state: stateFromSnapshot(log.snapshot().data, snapIndex, bounds), applied: snapIndex };
}

async function storedState(log: GroupLog, bounds: StateBounds): Promise<ShardState | undefined> {
  try {
    const bytes = await log.getState(STATE_KEY);
    return bytes === undefined ? undefined : ShardState.decode(bytes, bounds);
  } catch (e) {
    // A damaged state value is rebuilt from the snapshot and the log (getState reported it).
    if (e instanceof CorruptDataError || isRheoError(e, 'Corrupt')) return undefined;
    throw e;
  }
}

/** The shard state a snapshot carries (it reflects at least `index`). */
export function stateFromSnapshot(data: Uint8Array, index: number, bounds: StateBounds): ShardState {
  const s = data.length > 0 ? ShardState.decode(data, bounds) : new ShardState(index, bounds);
  if (s.appliedIndex < index) s.appliedIndex = index;
  return s;
}

/** The shard group's Raft core: check-quorum, pre-vote and lease-based reads, over the group's log. */
export function shardRaftNode(
  id: NodeId,
  log: GroupLog,
  applied: number,
  o: ReplicaOptions,
  random: RandomSource,
  logger: RaftLogger | undefined,
): RawNode {
  return new RawNode({
    id,
    electionTick: o.electionTicks,
    heartbeatTick: o.heartbeatTicks,
    storage: log,
    applied,
    maxSizePerMsgBytes: o.raftMsgBytesMax,
    maxInflightMsgs: o.raftInflightMsgsMax,
    maxInflightBytes: o.raftInflightBytesMax,
    // A second bound behind inflightBytesMax: proposals past it are refused (Backpressure).
    maxUncommittedEntriesBytes: o.inflightBytesMax * 2,
    maxCommittedSizePerReadyBytes: o.raftApplyBytesMax,
    checkQuorum: true,
    preVote: true,
    readOnlyOption: ReadOnlyOption.LeaseBased,
    leaseSafetyMarginTicks: o.leaseSafetyMarginTicks,
    maxReadiesInFlight: o.raftReadiesInFlightMax,
    // Under load the next App carries the commit anyway; at a trickle the
    // empty Apps (and their answers) were half of a shard's messages. Only
    // follower reads see the commit up to a heartbeat later (docs/raft.md).
    lazyCommitSpread: true,
    random,
    ...(logger ? { logger } : {}),
  });
}
