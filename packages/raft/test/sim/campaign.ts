// The long-campaign CLI (npm run test:sim): runs seeds one after another and
// prints progress, then a summary with every failure's replay command.
//
//   npm run test:sim -- --seeds 100000 [--start 1] [--nodes 3|5|both]
//   npm run test:sim -- --seed 12345 --nodes 5 --verbose
//
// With --nodes both (the default for --seeds), seed s runs with 3 nodes when
// s is even and 5 when odd, as the vitest suite does.

import { parseArgs } from 'node:util';
import type { DriverBug } from './context.js';
import { coreAdapter } from './core.js';
import { SimulationFailure } from './failure.js';
import type { FaultCounts } from './faults.js';
import { nodesForSeed } from './seeds.js';
import { runSimulation, SAFETY_TICKS_DEFAULT, type SimResult } from './simulation.js';

/** A campaign is bounded: it stops after this many failures as well. */
const FAILURES_MAX = 20;
const SEEDS_MAX = 10_000_000;

function parse() {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string' },
      seeds: { type: 'string' },
      start: { type: 'string', default: '1' },
      nodes: { type: 'string', default: 'both' },
      ticks: { type: 'string', default: String(SAFETY_TICKS_DEFAULT) },
      bug: { type: 'string', default: 'none' },
      verbose: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const int = (s: string, name: string, min: number, max: number): number => {
    const n = Number(s);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new Error(`--${name} must be an integer in [${min}, ${max}]`);
    return n;
  };
  const one = values.seed !== undefined;
  const nodes = values.nodes === 'both' ? null : int(values.nodes, 'nodes', 1, 9);
  const bugs: DriverBug[] = ['none', 'ack-before-sync', 'hide-damage', 'no-clock-catch-up'];
  if (!bugs.includes(values.bug as DriverBug)) throw new Error(`--bug must be one of ${bugs.join(', ')}`);
  return {
    start: one ? int(values.seed!, 'seed', 0, 0xffffffff) : int(values.start, 'start', 0, 0xffffffff),
    count: one ? 1 : int(values.seeds ?? '100', 'seeds', 1, SEEDS_MAX),
    nodes,
    ticks: int(values.ticks, 'ticks', 1, 1_000_000),
    bug: values.bug as DriverBug,
    verbose: values.verbose,
  };
}

function addFaults(total: Record<string, number>, f: FaultCounts): void {
  for (const [k, v] of Object.entries(f)) total[k] = (total[k] ?? 0) + v;
}

function main(): number {
  const a = parse();
  const failures: SimulationFailure[] = [];
  const faults: Record<string, number> = {};
  const totals = { seeds: 0, ticks: 0, acked: 0, reads: 0, confChanges: 0, transfers: 0 };
  const started = performance.now();
  let lastReport = started;
  for (let i = 0; i < a.count && failures.length < FAILURES_MAX; i++) {
    const seed = a.start + i;
    const nodes = a.nodes ?? nodesForSeed(seed);
    let r: SimResult;
    try {
      r = runSimulation({
        seed,
        nodes,
        core: coreAdapter,
        safetyTicks: a.ticks,
        verbose: a.verbose,
        driverBug: a.bug,
      });
    } catch (e) {
      if (!(e instanceof SimulationFailure)) throw e;
      failures.push(e);
      console.log(e.message);
      continue;
    }
    totals.seeds++;
    totals.ticks += r.ticks;
    totals.acked += r.acked;
    totals.reads += r.reads;
    totals.confChanges += r.confChanges;
    totals.transfers += r.transfers;
    addFaults(faults, r.faults);
    if (a.count === 1) console.log(JSON.stringify(r));
    const now = performance.now();
    if (now - lastReport > 5000) {
      lastReport = now;
      console.log(
        `… ${i + 1}/${a.count} seeds, ${failures.length} failed, ${((now - started) / 1000).toFixed(1)} s`,
      );
    }
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `\nsummary: ${totals.seeds + failures.length} seeds from ${a.start} in ${seconds.toFixed(1)} s; ` +
      `${failures.length} failed; ${totals.ticks} ticks, ${totals.acked} acked writes, ${totals.reads} reads, ` +
      `${totals.confChanges} conf changes, ${totals.transfers} transfers`,
  );
  console.log(`faults: ${JSON.stringify(faults)}`);
  for (const f of failures) console.log(`FAILED seed ${f.info.seed} (${f.info.invariant}): ${f.replay}`);
  return failures.length === 0 ? 0 : 1;
}

process.exitCode = main();
