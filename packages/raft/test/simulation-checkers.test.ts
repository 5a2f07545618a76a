// Proves the simulator's checkers are not vacuous: each is fed a fabricated
// history that breaks its invariant (two leaders in one term, a stale read,
// diverging logs, a lost acknowledged write, ...) and must throw, while the
// matching correct history passes. The checkers only see observations, so no
// Raft core is needed here.

import { describe, expect, test } from 'vitest';
import { Checkers, InvariantViolation } from './sim/checkers/index.js';

function logView(chains: Record<number, number>, last: number) {
  return { chainAt: (i: number) => chains[i], lastIndex: () => last };
}

function violation(fn: () => void): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof InvariantViolation) return e.invariant;
    throw e;
  }
  return 'none';
}

describe('checkers catch fabricated violations', () => {
  test('two leaders in one term', () => {
    const c = new Checkers();
    c.electionSafety.observeLeader(3, 1);
    c.electionSafety.observeLeader(3, 1);
    c.electionSafety.observeLeader(4, 2);
    expect(violation(() => c.electionSafety.observeLeader(3, 2))).toBe('election-safety');
  });

  test('a stale lease read after an acknowledged write', () => {
    const c = new Checkers();
    c.reads.observeAck(5, 10);
    c.reads.observeRead(1, 'lease', 4, 9); // began before the ack: may miss it
    c.reads.observeRead(1, 'lease', 6, 10);
    expect(violation(() => c.reads.observeRead(2, 'lease', 6, 9))).toBe('stale-lease-read');
    expect(violation(() => c.reads.observeRead(2, 'read-index', 7, 3))).toBe('stale-read-index-read');
  });

  test('two nodes apply different entries at one index', () => {
    const c = new Checkers();
    c.stateMachineSafety.observeApply(1, 1, 111);
    c.stateMachineSafety.observeApply(2, 1, 111);
    expect(violation(() => c.stateMachineSafety.observeApply(3, 1, 222))).toBe('state-machine-safety');
  });

  test('durable logs that agree on (index, term) but not on the prefix', () => {
    const c = new Checkers();
    c.logMatching.observeDurable(1, 4, 2, 900);
    c.logMatching.observeDurable(2, 4, 2, 900);
    c.logMatching.observeDurable(3, 4, 3, 901); // another term at the index is fine
    expect(violation(() => c.logMatching.observeDurable(3, 4, 2, 902))).toBe('log-matching');
  });

  test('a new leader missing an entry committed in an earlier term', () => {
    const c = new Checkers();
    c.commitStability.observeCommit(1, 5, 55, 5);
    c.leaderCompleteness.observeLeaderCommit(2, 5);
    c.leaderCompleteness.observeNewLeader(2, 3, logView({ 5: 55 }, 6));
    // A leader of term 2 (elected late, with older votes) need not hold what term 2 committed.
    c.leaderCompleteness.observeNewLeader(3, 2, logView({ 4: 44 }, 4));
    expect(violation(() => c.leaderCompleteness.observeNewLeader(3, 4, logView({ 4: 44 }, 4)))).toBe(
      'leader-completeness',
    );
    expect(violation(() => c.leaderCompleteness.observeNewLeader(3, 5, logView({ 5: 56 }, 7)))).toBe(
      'leader-completeness',
    );
  });

  test('a new leader committing an entry of an older term by counting', () => {
    const c = new Checkers();
    c.leaderOwnTerm.observeTenureStart(1, 5, 10);
    c.leaderOwnTerm.observeLeaderCommit(1, 5, 12, 5);
    expect(violation(() => c.leaderOwnTerm.observeLeaderCommit(1, 5, 13, 4))).toBe('leader-own-term-commit');
    expect(violation(() => c.leaderOwnTerm.observeLeaderRead(1, 5, 'lease', 4))).toBe(
      'leader-own-term-commit',
    );
  });

  test('a committed entry that moves or a commit past the log', () => {
    const c = new Checkers();
    c.commitStability.observeCommit(1, 3, 33, 5);
    expect(violation(() => c.commitStability.observeCommit(2, 3, 34, 5))).toBe('commit-stability');
    expect(violation(() => c.commitStability.observeCommit(2, 9, undefined, 5))).toBe('commit-stability');
  });

  test('an acknowledged write missing from the final leader', () => {
    const c = new Checkers();
    c.stateMachineSafety.observeApply(1, 7, 77);
    c.durability.observeAck(42, 7);
    c.durability.checkLeader(1, 7, logView({ 7: 77 }, 7));
    expect(violation(() => c.durability.checkLeader(2, 6, logView({ 6: 66 }, 6)))).toBe('acked-write-lost');
    expect(violation(() => c.durability.checkLeader(2, 8, logView({ 7: 70 }, 8)))).toBe('acked-write-lost');
  });

  test('a commit counted on copies that are not synced on a majority', () => {
    const c = new Checkers();
    const disks = new Map([
      [1, { durableChainAt: (i: number) => (i <= 9 ? 90 : undefined) }],
      [2, { durableChainAt: (_: number) => 'covered' as const }],
      [3, { durableChainAt: (_: number) => undefined }],
    ]);
    const noDamage = () => false;
    c.committedOnMajority.observeLeaderCommit(1, 9, 90, [[1, 2, 3]], (id) => disks.get(id), noDamage);
    expect(
      violation(() =>
        c.committedOnMajority.observeLeaderCommit(1, 10, 100, [[1, 2, 3]], (id) => disks.get(id), noDamage),
      ),
    ).toBe('committed-on-majority');
    // A joint membership needs a majority of each half.
    expect(
      violation(() =>
        c.committedOnMajority.observeLeaderCommit(
          1,
          9,
          90,
          [
            [1, 2, 3],
            [3, 4, 5],
          ],
          (id) => disks.get(id),
          noDamage,
        ),
      ),
    ).toBe('committed-on-majority');
  });

  test('an ack or a vote before fsync, and a damaged node that votes or leads', () => {
    const c = new Checkers();
    c.persistBeforeAck.observeSend(1, 2, 'append-ack', false, false);
    c.persistBeforeAck.observeSend(1, 2, 'other', true, true);
    expect(violation(() => c.persistBeforeAck.observeSend(1, 2, 'append-ack', true, false))).toBe(
      'persist-before-ack',
    );
    expect(violation(() => c.persistBeforeAck.observeSend(1, 2, 'vote-granted', true, false))).toBe(
      'persist-before-ack',
    );
    expect(violation(() => c.persistBeforeAck.observeSend(1, 2, 'vote-granted', false, true))).toBe(
      'repair-discipline',
    );
    expect(violation(() => c.persistBeforeAck.observeLeader(1, 4, true))).toBe('repair-discipline');
  });
});
