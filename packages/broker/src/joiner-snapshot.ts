// A replica that joins an existing group starts with an empty log, so the
// leader catches it up with its log's snapshot (the founding snapshot at
// index 1, or a later compaction point) and then the entries after it.
// That snapshot holds the membership at its own index, which predates the
// change that added the joiner, and the Raft core (as etcd's) ignores a
// snapshot whose membership does not include the node. etcd's server gets
// round this by sending a fresh snapshot at the leader's applied index; a
// shard cannot, because its log is its data: a snapshot past the records
// would leave the joiner without them.
//
// So the joiner takes the snapshot with itself added as a learner. That is
// harmless and converges exactly: a learner counts in no quorum and never
// campaigns (as a non-member would not), and the change that added this
// node is always in the entries after the snapshot (the leader sends a
// snapshot only to a member of its configuration, and the snapshot's
// membership lacks it). Applying that change to the rewritten membership
// gives the same membership as applying it to the original, and no change
// before it names this node, so none is judged differently.

import { type Message, MessageType, type NodeId } from '@rheo/raft';

/** `m` as the joiner steps it: a snapshot whose membership lacks `self` gets `self` as a learner. */
export function snapshotForJoiner(m: Message, self: NodeId): Message {
  if (m.type !== MessageType.Snap || m.snapshot === undefined) return m;
  const meta = m.snapshot.metadata;
  const cs = meta.confState;
  const member =
    cs.voters.includes(self) ||
    cs.learners.includes(self) ||
    cs.votersOutgoing.includes(self) ||
    cs.learnersNext.includes(self);
  if (member) return m;
  return {
    ...m,
    snapshot: {
      ...m.snapshot,
      metadata: { ...meta, confState: { ...cs, learners: [...cs.learners, self].sort((a, b) => a - b) } },
    },
  };
}
