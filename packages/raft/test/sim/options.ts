// Per-seed options, drawn from the seed itself ("swarm testing", as the VOPR
// does): each seed switches some fault kinds on and picks their intensity,
// so that across many seeds every combination gets exercised, including
// quiet runs where rare interleavings have room to happen.

import { ReadOnlyOption as ReadOnly, type ReadOnlyOption } from '../../src/index.js';
import type { Prng } from './prng.js';
import type { NodeConfig } from './sim-node.js';

export interface SimOptions {
  readonly raft: NodeConfig;
  readonly safetyTicks: number;
  readonly latencyMaxTicks: number;
  readonly jitterMaxTicks: number;
  readonly lossProbability: number;
  readonly duplicateProbability: number;
  /** Per tick: start a partition (when none is active). */
  readonly partitionProbability: number;
  readonly partitionTicksMax: number;
  /** Per tick: crash one node (within the crash budget). */
  readonly crashProbability: number;
  /** Per tick: every node loses power at once. */
  readonly powerLossProbability: number;
  readonly downTicksMax: number;
  /** Given a crash with unsynced writes: part of the buffer survives. */
  readonly tornWriteProbability: number;
  /** Given a crash: damage the node's durable log (bit flip or lost tail), within the damage budget. */
  readonly damageProbability: number;
  readonly pauseProbability: number;
  readonly pauseTicksMax: number;
  readonly slowSyncProbability: number;
  readonly slowSyncTicksMax: number;
  readonly cacheMissProbability: number;
  /**
   * Bound on each node's clock drift (rate 1 ± drift). A leader's lease of
   * (E - m) of its ticks must end before a follower's E ticks of lease
   * stickiness: (E - m)(1 + d) <= E(1 - d), so d <= m / (2E - m); the
   * simulator stays at half of that to leave room for tick rounding.
   */
  readonly clockDriftMax: number;
  readonly compactProbability: number;
  readonly confChangeProbability: number;
  readonly transferProbability: number;
  readonly proposeProbability: number;
  readonly readProbability: number;
}

/** Turns a fault on for about `onShare` of the seeds, at an intensity up to `max`. */
function maybe(rng: Prng, onShare: number, max: number): number {
  return rng.chance(onShare) ? max * (0.2 + 0.8 * (rng.int(1000) / 1000)) : 0;
}

export function chooseOptions(rng: Prng, safetyTicks: number): SimOptions {
  const opts = chooseBaseOptions(rng, safetyTicks);
  // Drawn last, so that every other option of a seed is what it was before
  // pipelined Readies existed. Half the seeds drive several Readies at once.
  const maxReadiesInFlight = rng.chance(0.5) ? 1 : rng.range(2, 4);
  // Drawn after it for the same reason: half the seeds spread commits lazily (the broker's setting).
  const lazyCommitSpread = rng.chance(0.5);
  return { ...opts, raft: { ...opts.raft, maxReadiesInFlight, lazyCommitSpread } };
}

function chooseBaseOptions(rng: Prng, safetyTicks: number): SimOptions {
  const electionTick = rng.range(8, 14);
  const heartbeatTick = rng.range(1, 3);
  const margin = rng.range(1, 2);
  const readOnlyOption: ReadOnlyOption = rng.chance(0.7) ? ReadOnly.LeaseBased : ReadOnly.Safe;
  return {
    raft: {
      electionTick,
      heartbeatTick,
      // Small byte bounds so that batching, flow control and paging are exercised.
      maxSizePerMsgBytes: rng.pick([256, 1024, 4096]),
      maxInflightMsgs: rng.range(2, 8),
      maxInflightBytes: rng.pick([0, 512, 8192]),
      maxUncommittedEntriesBytes: rng.pick([0, 2048, 65536]),
      maxCommittedSizePerReadyBytes: rng.pick([0, 128, 4096]),
      checkQuorum: true,
      preVote: true,
      readOnlyOption,
      leaseSafetyMarginTicks: margin,
    },
    safetyTicks,
    latencyMaxTicks: rng.range(0, 3),
    jitterMaxTicks: rng.range(0, 3),
    lossProbability: maybe(rng, 0.6, 0.2),
    duplicateProbability: maybe(rng, 0.5, 0.1),
    partitionProbability: maybe(rng, 0.6, 0.03),
    partitionTicksMax: rng.range(10, 60),
    crashProbability: maybe(rng, 0.7, 0.03),
    powerLossProbability: maybe(rng, 0.2, 0.004),
    downTicksMax: rng.range(5, 40),
    tornWriteProbability: maybe(rng, 0.6, 0.8),
    damageProbability: maybe(rng, 0.5, 0.6),
    pauseProbability: maybe(rng, 0.5, 0.02),
    pauseTicksMax: rng.range(3, 40),
    slowSyncProbability: maybe(rng, 0.5, 0.3),
    slowSyncTicksMax: rng.range(1, 5),
    cacheMissProbability: maybe(rng, 0.3, 0.1),
    clockDriftMax: rng.chance(0.5) ? margin / (2 * (2 * electionTick - margin)) : 0,
    compactProbability: maybe(rng, 0.6, 0.05),
    confChangeProbability: maybe(rng, 0.6, 0.05),
    transferProbability: maybe(rng, 0.5, 0.02),
    proposeProbability: 0.3 + 0.6 * (rng.int(100) / 100),
    readProbability: 0.1 + 0.5 * (rng.int(100) / 100),
  };
}
