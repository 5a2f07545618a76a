// The shape every crash scenario shares: start a LocalCluster with one
// static stream, write with the Workload, run the scenario's faults while it
// writes, stop writing, read every shard back on every replica and hand the
// history to the checker. Teardown (producers, clients, every node process
// by pid, the temp dir) is the caller's afterEach via `teardown()`.
//
// RHEO_DURABILITY_TICK_MS=<ms> runs the nodes with a shorter Raft tick (the
// node's default when unset): with 20, elections churn under load, a harsher
// run for hunting bugs by hand; the suite runs with the default.
import { RheoClient } from '@rheo/client';
import { LocalCluster, pidAlive } from '@rheo/testkit';
import { expect } from 'vitest';
import {
  checkDurability,
  checkSnapshots,
  formatViolations,
  type ReplicaReadBack,
} from './durability-check.js';
import {
  historyOf,
  readAllReplicas,
  readSnapshot,
  shardIdsOf,
  Workload,
  type WorkloadOptions,
  type WorkloadResult,
  workloadDefaults,
} from './durability-workload.js';

export const STREAM = 'durable';

export interface ScenarioOptions {
  readonly nodes: number;
  readonly shards: number;
  readonly workload?: Partial<Omit<WorkloadOptions, 'stream'>>;
}

export class Scenario {
  cluster: LocalCluster | undefined;
  reader: RheoClient | undefined;
  workload: Workload | undefined;
  readonly shardIds: string[];
  private readonly started = Date.now();
  private readonly marks: string[] = [];
  private readonly results: WorkloadResult[] = [];
  private readonly snapshots: ReplicaReadBack[] = [];

  constructor(private readonly options: ScenarioOptions) {
    this.shardIds = shardIdsOf(options.shards);
  }

  async start(): Promise<LocalCluster> {
    this.cluster = await LocalCluster.start({
      nodes: this.options.nodes,
      streams: [{ name: STREAM, shards: this.options.shards }],
      ...tickOverride(),
    });
    this.reader = new RheoClient({ endpoints: this.cluster.endpoints() });
    this.mark(
      `cluster ready${process.env.RHEO_DURABILITY_TICK_MS ? ` (tick ${process.env.RHEO_DURABILITY_TICK_MS} ms)` : ''}`,
    );
    return this.cluster;
  }

  startWriting(overrides: Partial<Omit<WorkloadOptions, 'stream'>> = {}): Workload {
    this.workload = new Workload(this.cluster!.endpoints(), {
      ...workloadDefaults,
      ...this.options.workload,
      ...overrides,
      stream: STREAM,
    });
    return this.workload;
  }

  /** A timestamped note for the run's summary (and for a failure's context). */
  mark(what: string): void {
    this.marks.push(`${((Date.now() - this.started) / 1000).toFixed(1)}s ${what}`);
  }

  /** Reads every shard on every running replica now (mid-run); check() expects each read to be a prefix of the final log. */
  async snapshot(): Promise<void> {
    const snap = await readSnapshot(this.cluster!, this.reader!, STREAM, this.shardIds);
    this.snapshots.push(snap);
    const n = [...snap.values()].map((s) => [...s.values()].reduce((k, log) => k + log.length, 0));
    this.mark(`snapshot ${this.snapshots.length - 1}: records per running replica ${n.join(', ')}`);
  }

  /** Stops the current workload (flushing every send) and keeps its outcomes for check(). */
  async stopWriting(): Promise<WorkloadResult> {
    const result = await this.workload!.stop();
    this.workload = undefined;
    this.results.push(result);
    this.mark(`stopped writing: ${result.acked.length} acked, ${result.unacked.length} not`);
    return result;
  }

  /**
   * Reads every shard on every replica once they agree, and expects no
   * violation against the outcomes of every workload so far plus `extra`
   * (records a test wrote by hand). Returns the merged outcomes.
   */
  async check(extra: Partial<Pick<WorkloadResult, 'acked' | 'unacked'>> = {}): Promise<WorkloadResult> {
    const result: WorkloadResult = {
      acked: [...this.results.flatMap((r) => r.acked), ...(extra.acked ?? [])],
      unacked: [...this.results.flatMap((r) => r.unacked), ...(extra.unacked ?? [])],
      failures: new Map(this.results.flatMap((r) => [...r.failures])),
      batchesRetried: this.results.reduce((n, r) => n + r.batchesRetried, 0),
    };
    const replicas = await readAllReplicas(this.cluster!, this.reader!, STREAM, this.shardIds);
    const served = [...replicas.values()].map((s) => [...s.values()].reduce((n, log) => n + log.length, 0));
    const unackedIds = new Set(result.unacked.map((r) => `${r.key}#${r.counter}`));
    const [first] = replicas.values();
    const present = [...(first?.values() ?? [])]
      .flat()
      .filter((r) => unackedIds.has(`${r.key}#${r.counter}`));
    this.mark(
      `read back: records per replica ${served.join(', ')} (of which ${present.length} with no ack received)`,
    );
    const violations = [
      ...checkDurability(historyOf(result, replicas, this.shardIds)),
      ...checkSnapshots(this.snapshots, replicas, this.shardIds),
    ];
    expect(formatViolations(violations), this.summary(result)).toBe('');
    expect(result.acked.length).toBeGreaterThan(0);
    console.log(this.summary(result));
    return result;
  }

  async stopAndCheck(): Promise<WorkloadResult> {
    await this.stopWriting();
    return this.check();
  }

  summary(result?: WorkloadResult): string {
    const failures =
      result === undefined
        ? ''
        : `; batches retried ${result.batchesRetried}; failures ${JSON.stringify([...result.failures])}`;
    return `${this.marks.join('; ')}${failures}`;
  }

  /** Logs of one node's current process, for a failure's report. */
  nodeLog(id: number, lines = 40): string {
    return this.cluster!.output(id).slice(-lines).join('\n');
  }

  /** Stops producers, clients and every node process (by pid), removes the temp dir; expects no pid left. */
  async teardown(): Promise<void> {
    await this.workload?.stop().catch(() => undefined);
    this.reader?.close();
    const pids = this.cluster?.pids() ?? [];
    await this.cluster?.destroy();
    for (const pid of pids) expect(pidAlive(pid), `pid ${pid} still running`).toBe(false);
  }
}

function tickOverride(): { tickIntervalMs?: number } {
  const ms = Number(process.env.RHEO_DURABILITY_TICK_MS ?? '');
  return Number.isInteger(ms) && ms > 0 ? { tickIntervalMs: ms } : {};
}
