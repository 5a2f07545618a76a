// Opening the metadata group's storage (Raft group 1, storage name `meta`)
// on a controller-role node: bootstrapping it on first start, recovering
// the state after a restart.
//
// Bootstrap, as a shard's founding replica does (broker replica-open.ts):
// a snapshot at index 1, term 1 holds the founding membership (the
// controller voters) and the empty MetaState, so every voter starts from
// the same point and a voter with an empty log could learn it from a
// snapshot.
//
// Recovery: the state is the last snapshot's (written at every compaction,
// so at most `compactEveryEntries` entries behind), and the core re-hands
// the committed entries after it. A snapshot's state may reflect entries
// past its index (it is taken when the compaction runs, not at its index):
// apply skips entries at or below the state's own applied index.

import { openFoundedGroup } from '@rheo/broker';
import { MetaState } from '@rheo/controller';
import { type NodeId, type RaftLogger, type RandomSource, RawNode, ReadOnlyOption } from '@rheo/raft';
import type { GroupLog, NodeStore } from '@rheo/storage';

/** The metadata group's Raft group id (shard groups start at 2). */
export const metaGroupId = 1;
/** Its storage group name in the node's store. */
export const metaGroupName = 'meta';

export interface OpenedMetaGroup {
  readonly log: GroupLog;
  readonly state: MetaState;
  /** The index the core starts from (the snapshot's). */
  readonly applied: number;
}

export async function openMetaGroup(
  store: NodeStore,
  clusterId: string,
  voters: readonly number[],
): Promise<OpenedMetaGroup> {
  const sorted = [...voters].sort((a, b) => a - b);
  const log = await openFoundedGroup(store, metaGroupName, sorted, () => MetaState.empty(clusterId).encode());
  const snap = log.snapshot();
  const state = snap.data.length > 0 ? MetaState.decode(snap.data) : MetaState.empty(clusterId);
  return { log, state, applied: snap.metadata.index };
}

export interface MetaRaftOptions {
  readonly electionTicks: number;
  readonly heartbeatTicks: number;
}

/** Bounds of the metadata group's messages and proposals: metadata is small and rarely written. */
const MSG_BYTES_MAX = 1024 * 1024;
const INFLIGHT_MSGS_MAX = 64;
const UNCOMMITTED_BYTES_MAX = 16 * 1024 * 1024;
const APPLY_BYTES_MAX = 16 * 1024 * 1024;

/** The metadata group's core: check-quorum and pre-vote (a partitioned voter does not disrupt the leader). */
export function metaRaftNode(
  id: NodeId,
  log: GroupLog,
  applied: number,
  o: MetaRaftOptions,
  random: RandomSource,
  logger: RaftLogger | undefined,
): RawNode {
  return new RawNode({
    id,
    electionTick: o.electionTicks,
    heartbeatTick: o.heartbeatTicks,
    storage: log,
    applied,
    maxSizePerMsgBytes: MSG_BYTES_MAX,
    maxInflightMsgs: INFLIGHT_MSGS_MAX,
    maxInflightBytes: 0,
    maxUncommittedEntriesBytes: UNCOMMITTED_BYTES_MAX,
    maxCommittedSizePerReadyBytes: APPLY_BYTES_MAX,
    checkQuorum: true,
    preVote: true,
    readOnlyOption: ReadOnlyOption.Safe,
    leaseSafetyMarginTicks: 1,
    random,
    ...(logger ? { logger } : {}),
  });
}
