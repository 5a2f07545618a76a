// The deterministic simulator (test/sim, see docs/simulation.md) inside
// `npm test`: SEEDS seeds, alternating 3- and 5-node groups, each a safety
// phase under faults then a liveness phase, with every checker on at every
// step. A failure names its seed and the command that replays it. Also
// proven here: one seed gives one trace (determinism), and a deliberately
// broken driver (acks before fsync), a storage that hides damage, and
// broken cores (voters that grant every vote; no fsync for a new vote) are
// caught in full runs, so the checkers are not vacuous.

import { describe, expect, test } from 'vitest';
import { brokenCore } from './sim/broken-cores.js';
import type { DriverBug } from './sim/context.js';
import { coreAdapter } from './sim/core.js';
import { SimulationFailure } from './sim/failure.js';
import { KNOWN_FAILURES } from './sim/known-failures.js';
import { nodesForSeed } from './sim/seeds.js';
import { runSimulation } from './sim/simulation.js';

const SEEDS = Number(process.env.RHEO_SIM_SEEDS ?? 500);
const FIRST_SEED = Number(process.env.RHEO_SIM_FIRST_SEED ?? 1);
/** Seeds per vitest case, so progress shows and one slow chunk is easy to spot. */
const CHUNK = 100;

const known = new Set(KNOWN_FAILURES.map((k) => `${k.seed}/${k.nodes}`));

function runSeeds(from: number, to: number): string[] {
  const failures: string[] = [];
  for (let seed = from; seed < to; seed++) {
    const nodes = nodesForSeed(seed);
    if (known.has(`${seed}/${nodes}`)) continue;
    try {
      runSimulation({ seed, nodes, core: coreAdapter });
    } catch (e) {
      if (!(e instanceof SimulationFailure)) throw e;
      failures.push(e.message.split('\nlast events:')[0]!);
    }
  }
  return failures;
}

describe(`simulation: ${SEEDS} seeds from ${FIRST_SEED}, 3 and 5 nodes`, () => {
  for (let from = FIRST_SEED; from < FIRST_SEED + SEEDS; from += CHUNK) {
    const to = Math.min(from + CHUNK, FIRST_SEED + SEEDS);
    test(`seeds ${from}..${to - 1}`, () => {
      const failures = runSeeds(from, to);
      if (failures.length > 0) console.error(failures.join('\n\n'));
      expect(failures, failures.join('\n\n')).toEqual([]);
    });
  }

  test('known core bugs: seeds that still fail are reported, not hidden', () => {
    for (const k of KNOWN_FAILURES) {
      try {
        runSimulation({ seed: k.seed, nodes: k.nodes, core: coreAdapter });
        console.warn(
          `known failure seed ${k.seed} (${k.invariant}) now passes: remove it from known-failures.ts`,
        );
      } catch (e) {
        if (!(e instanceof SimulationFailure)) throw e;
        console.warn(
          `known core bug still present: seed ${k.seed} nodes ${k.nodes}: ${k.invariant} (${k.why})`,
        );
      }
    }
  });
});

describe('simulation: determinism and non-vacuity', () => {
  test('one seed, one trace: two runs of a seed have the same trace hash', () => {
    for (const [seed, nodes] of [
      [12345, 5],
      [777, 3],
    ] as const) {
      const a = runSimulation({ seed, nodes, core: coreAdapter });
      const b = runSimulation({ seed, nodes, core: coreAdapter });
      expect(b.traceHash).toBe(a.traceHash);
      expect(b).toEqual(a);
    }
    const c = runSimulation({ seed: 12346, nodes: 5, core: coreAdapter });
    const a = runSimulation({ seed: 12345, nodes: 5, core: coreAdapter });
    expect(c.traceHash).not.toBe(a.traceHash);
  });

  function firstFailure(
    driverBug: DriverBug,
    seedsMax: number,
    core = coreAdapter,
  ): SimulationFailure | null {
    for (let seed = 1; seed <= seedsMax; seed++) {
      try {
        runSimulation({ seed, nodes: nodesForSeed(seed), core, driverBug });
      } catch (e) {
        if (!(e instanceof SimulationFailure)) throw e;
        return e;
      }
    }
    return null;
  }

  test('a driver that acknowledges before fsync is caught', () => {
    const caught = firstFailure('ack-before-sync', 60);
    expect(caught, 'no seed in 1..60 caught the ack-before-sync driver').not.toBeNull();
    expect(caught!.message).toMatch(/seed=\d+ nodes=\d phase=\w+ tick=\d+ invariant=/);
    expect(caught!.message).toContain('--bug ack-before-sync');
    expect(caught!.replay).toMatch(/^npm run test:sim -- --seed \d+ --nodes \d .*--verbose$/);
  });

  test('a storage that hides log damage (the node votes with a hole) is caught', () => {
    const caught = firstFailure('hide-damage', 60);
    expect(caught, 'no seed in 1..60 caught the hide-damage storage').not.toBeNull();
    expect(caught!.info.invariant).toBe('repair-discipline');
  });

  test('a core whose voters grant every vote is caught (two leaders in a term)', () => {
    const caught = firstFailure('none', 20, brokenCore(coreAdapter, 'grant-every-vote'));
    expect(caught, 'no seed in 1..20 caught the grant-every-vote core').not.toBeNull();
    expect(['election-safety', 'repair-discipline', 'leader-completeness']).toContain(caught!.info.invariant);
  });

  test('a core that does not ask for fsync when only its vote changed is caught', () => {
    const caught = firstFailure('none', 20, brokenCore(coreAdapter, 'vote-without-sync'));
    expect(caught?.info.invariant).toBe('persist-before-ack');
  });
});
