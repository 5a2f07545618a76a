// snapshotForJoiner: a snapshot whose membership lacks the receiving node
// gets it as a learner (joiner-snapshot.ts says why that is safe); a
// snapshot that names the node in any role, and every other message, pass
// through untouched.
import { type ConfState, MessageType, newMessage } from '@rheo/raft';
import { describe, expect, it } from 'vitest';
import { snapshotForJoiner } from '../src/joiner-snapshot.js';

function snap(cs: Partial<ConfState>) {
  const confState = {
    voters: [],
    learners: [],
    votersOutgoing: [],
    learnersNext: [],
    autoLeave: false,
    ...cs,
  };
  return newMessage({
    type: MessageType.Snap,
    to: 4,
    from: 1,
    term: 2,
    snapshot: { metadata: { index: 1, term: 1, confState }, data: new Uint8Array([9]) },
  });
}

describe('snapshotForJoiner', () => {
  it('adds the node as a learner to a snapshot that lacks it', () => {
    const m = snap({ voters: [1, 2, 3], learners: [5] });
    const out = snapshotForJoiner(m, 4);
    expect(out.snapshot?.metadata.confState).toEqual({ ...m.snapshot!.metadata.confState, learners: [4, 5] });
    expect(out.snapshot?.metadata.index).toBe(1);
    expect(out.snapshot?.data).toBe(m.snapshot!.data);
    expect(m.snapshot!.metadata.confState.learners).toEqual([5]); // the original is not changed
  });

  it('passes through a snapshot naming the node, and other messages', () => {
    for (const cs of [{ voters: [4] }, { learners: [4] }, { votersOutgoing: [4] }, { learnersNext: [4] }]) {
      const m = snap(cs);
      expect(snapshotForJoiner(m, 4)).toBe(m);
    }
    const app = newMessage({ type: MessageType.App, to: 4, from: 1, term: 2 });
    expect(snapshotForJoiner(app, 4)).toBe(app);
  });
});
