// The durability scenarios' workload and read-back, over real node
// processes (testkit's LocalCluster) and the SDK (@rheo/client):
// - writers: N idempotent Producers (one RheoClient each, as N independent
//   applications), each with its own partition keys and a per-key counter
//   in the data (`key|counter|padding`), paced, bounded in records, and
//   stopped on demand; every send's outcome is recorded: acked (shard,
//   sequence number) or not (the record may or may not be written);
// - leaders: each shard's leader as the running nodes report it
//   (Cluster.GetShardMap), once they agree;
// - read-back: every shard read from TRIM_HORIZON on one given node
//   (GetShardIterator and GetRecords sent to that node, follower reads
//   allowed), CRCs checked by the SDK's decoder, until every replica serves
//   the same last sequence number (or a deadline, and the checker reports
//   the divergence).

import { type ServiceError, status } from '@grpc/grpc-js';
import { forEachStoredRecord, type Producer, RheoClient, type RheoError } from '@rheo/client';
import type { LocalCluster } from '@rheo/testkit';
import { errorDetailFromMetadata, formatSequenceNumber, fromErrorDetail, type pb } from '@rheo/wire';
import type {
  AckedRecord,
  DurabilityHistory,
  ReadBackRecord,
  ReplicaReadBack,
  SentRecord,
} from './durability-check.js';

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export interface WorkloadOptions {
  readonly stream: string;
  /** Prefixes keys and producer ids, so two workloads on one stream never share either. */
  readonly tag: string;
  readonly producers: number;
  readonly keysPerProducer: number;
  /** Bound on the records one producer sends in all. */
  readonly recordsPerProducerMax: number;
  /** Records each producer sends per tick (one tick every `tickMs`). */
  readonly recordsPerTick: number;
  readonly tickMs: number;
  /** Sends of one producer not yet settled; the loop waits past it. */
  readonly unsettledMax: number;
  readonly dataBytes: number;
}

export const workloadDefaults: Omit<WorkloadOptions, 'stream'> = Object.freeze({
  tag: 'w',
  producers: 8,
  keysPerProducer: 4,
  recordsPerProducerMax: 4000,
  recordsPerTick: 5,
  tickMs: 20,
  unsettledMax: 400,
  dataBytes: 64,
});

export interface WorkloadResult {
  readonly acked: AckedRecord[];
  readonly unacked: SentRecord[];
  /** Reasons of the sends that failed for good, with counts. */
  readonly failures: Map<string, number>;
  /** Batches the producers sent again (after NotLeader, a broken stream, OutcomeUnknown, ...). */
  readonly batchesRetried: number;
}

/** Producers writing until stop() (or their record bound); stop() flushes and returns every outcome. */
export class Workload {
  readonly acked: AckedRecord[] = [];
  readonly unacked: SentRecord[] = [];
  readonly failures = new Map<string, number>();
  private stopped = false;
  /** Producers that sent their recordsPerProducerMax. */
  private exhausted = 0;
  /** Per producer: records sent and not settled. */
  private readonly pending: Array<Set<SentRecord>> = [];
  /** Per producer: resolves when it is crashed (crash()). */
  private readonly crashes: Array<{ crashed: boolean; signal: Promise<void>; fire: () => void }> = [];
  private readonly clients: RheoClient[] = [];
  private readonly producers: Producer[] = [];
  private readonly loops: Promise<void>[] = [];

  constructor(
    endpoints: readonly string[],
    private readonly options: WorkloadOptions,
  ) {
    for (let p = 0; p < options.producers; p++) {
      const client = new RheoClient({ endpoints: [...endpoints] });
      this.clients.push(client);
      // A bounded retry budget: a batch that cannot be written in 45 s fails the run rather than hanging it.
      const producer = client.producer({
        producerId: `durability-${options.tag}p${p}`,
        retry: { totalMs: 45_000 },
      });
      this.producers.push(producer);
      this.pending.push(new Set());
      let fire!: () => void;
      const signal = new Promise<void>((resolve) => {
        fire = resolve;
      });
      this.crashes.push({ crashed: false, signal, fire });
      this.loops.push(this.run(producer, p));
    }
  }

  /** Records acknowledged so far. */
  get ackedCount(): number {
    return this.acked.length;
  }

  /** Waits until `n` more records than now are acknowledged (or `timeoutMs`). */
  async waitForAcks(n: number, timeoutMs: number): Promise<void> {
    const target = this.acked.length + n;
    const deadline = Date.now() + timeoutMs;
    while (this.acked.length < target) {
      if (Date.now() > deadline)
        throw new Error(`only ${this.acked.length} of ${target} records acked within ${timeoutMs} ms`);
      if (this.exhausted === this.options.producers)
        throw new Error(
          `every producer sent its ${this.options.recordsPerProducerMax} records before ${target} were acked: raise recordsPerProducerMax`,
        );
      await sleep(50);
    }
  }

  /**
   * Producer `p` crashes: its client closes at once, without flushing. Every
   * record it sent and had no answer for becomes unacked (the producer never
   * learns its outcome: it may or may not be written), and an answer that
   * would arrive later is never seen.
   */
  crash(p: number): number {
    const c = this.crashes[p]!;
    if (c.crashed) return 0;
    c.crashed = true;
    const lost = [...this.pending[p]!];
    this.unacked.push(...lost);
    this.pending[p]!.clear();
    this.clients[p]!.close();
    c.fire();
    return lost.length;
  }

  async stop(): Promise<WorkloadResult> {
    this.stopped = true;
    try {
      await Promise.all(this.loops);
    } finally {
      for (const c of this.clients) c.close();
    }
    const batchesRetried = this.producers.reduce((n, p) => n + p.stats.batchesRetried, 0);
    return { acked: this.acked, unacked: this.unacked, failures: this.failures, batchesRetried };
  }

  private async run(producer: Producer, p: number): Promise<void> {
    const o = this.options;
    const keys = Array.from({ length: o.keysPerProducer }, (_, k) => `${o.tag}p${p}-k${k}`);
    const counters = keys.map(() => 0);
    const unsettled = new Set<Promise<void>>();
    let sent = 0;
    const crash = this.crashes[p]!;
    while (!this.stopped && !crash.crashed && sent < o.recordsPerProducerMax) {
      for (let i = 0; i < o.recordsPerTick && sent < o.recordsPerProducerMax; i++, sent++) {
        const k = sent % keys.length;
        const record = { key: keys[k]!, counter: counters[k]!++ };
        const settled = this.sendOne(producer, p, o.stream, record, o.dataBytes);
        unsettled.add(settled);
        void settled.finally(() => unsettled.delete(settled));
      }
      while (unsettled.size >= o.unsettledMax && !crash.crashed)
        await Promise.race([...unsettled, crash.signal]);
      await sleep(o.tickMs);
    }
    if (crash.crashed) return;
    if (sent === o.recordsPerProducerMax) this.exhausted++;
    await Promise.all(unsettled);
    await producer.close();
  }

  private async sendOne(
    producer: Producer,
    p: number,
    stream: string,
    r: SentRecord,
    bytes: number,
  ): Promise<void> {
    const pending = this.pending[p]!;
    pending.add(r);
    try {
      const ack = await producer.send(stream, { partitionKey: r.key, data: encodeData(r, bytes) });
      if (!pending.delete(r)) return; // crashed before the answer came: never seen
      this.acked.push({ ...r, shardId: ack.shardId, sequenceNumber: ack.sequenceNumber });
    } catch (err) {
      if (!pending.delete(r)) return;
      this.unacked.push(r);
      const reason = (err as RheoError).code ?? String(err);
      this.failures.set(reason, (this.failures.get(reason) ?? 0) + 1);
    }
  }
}

export function encodeData(r: SentRecord, bytes: number): Buffer {
  return Buffer.from(`${r.key}|${r.counter}|`.padEnd(bytes, '.'));
}

function decodeData(data: Buffer): SentRecord {
  const [key = '', counter = ''] = data.toString('latin1').split('|');
  return { key, counter: /^\d+$/.test(counter) ? Number(counter) : Number.NaN };
}

/** A failed call to one node: the gRPC status on the wire, and the RheoError its `rheo-error-bin` trailer says. */
export class NodeCallError extends Error {
  readonly statusName: string;

  constructor(
    readonly grpcStatus: status,
    readonly error: RheoError,
  ) {
    const name = status[grpcStatus] ?? String(grpcStatus);
    super(`${name}: ${error.code} (field ${error.field ?? 'none'}): ${error.message}`);
    this.statusName = name;
  }
}

/** A unary call to one node; rejects with a NodeCallError. */
export function call<Req, Res>(
  client: object,
  method: string,
  request: Req,
  deadlineMs = 10_000,
): Promise<Res> {
  return new Promise((resolve, reject) => {
    const fn = (client as Record<string, (...args: unknown[]) => unknown>)[method]!;
    fn.call(client, request, { deadline: Date.now() + deadlineMs }, (err: ServiceError | null, res?: Res) => {
      if (err === null) resolve(res!);
      else reject(nodeCallError(err));
    });
  });
}

export function nodeCallError(err: ServiceError): NodeCallError {
  return new NodeCallError(
    err.code,
    fromErrorDetail(errorDetailFromMetadata(err.metadata), err.code, err.details),
  );
}

/**
 * Leader node id of every shard, once every running node names the same one
 * for each and none is a node in `excluding` (a killed node its peers may
 * still name until they elect another); throws after `timeoutMs`.
 */
export async function shardLeaders(
  cluster: LocalCluster,
  reader: RheoClient,
  stream: string,
  { excluding = [], timeoutMs = 30_000 }: { excluding?: readonly number[]; timeoutMs?: number } = {},
): Promise<Map<string, number>> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    const views = await Promise.all(
      cluster
        .ids()
        .filter((id) => cluster.running(id))
        .map((id) =>
          call<pb.GetShardMapRequest, pb.GetShardMapResponse__Output>(
            reader.connections.get(cluster.node(id).address).cluster,
            'GetShardMap',
            { streamNames: [stream], knownEpoch: 0 },
          ).catch(() => undefined),
        ),
    );
    const agreed = agreeOnLeaders(views);
    if (agreed !== undefined && ![...agreed.values()].some((id) => excluding.includes(id))) return agreed;
    last = JSON.stringify(views.map((v) => v?.streams[0]?.shards.map((s) => s.leaderNodeId)));
    if (Date.now() > deadline)
      throw new Error(
        `no agreed leader (outside ${excluding.join(',') || 'none'}) for every shard within ${timeoutMs} ms: ${last}`,
      );
    await sleep(100);
  }
}

function agreeOnLeaders(
  views: ReadonlyArray<pb.GetShardMapResponse__Output | undefined>,
): Map<string, number> | undefined {
  const out = new Map<string, number>();
  for (const view of views) {
    const shards = view?.streams[0]?.shards;
    if (shards === undefined) return undefined;
    for (const s of shards) {
      const running = s.leaderNodeId;
      if (running === 0 || (out.has(s.shardId) && out.get(s.shardId) !== running)) return undefined;
      out.set(s.shardId, running);
    }
  }
  return out;
}

/** The node that leads the most shards (lowest id on a tie). */
export function busiestLeader(leaders: ReadonlyMap<string, number>): number {
  const counts = new Map<number, number>();
  for (const id of leaders.values()) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
}

/** Every record node `nodeId` serves for one shard, from TRIM_HORIZON to its end (follower reads allowed). */
export async function readShardOn(
  cluster: LocalCluster,
  reader: RheoClient,
  nodeId: number,
  stream: string,
  shardId: string,
): Promise<ReadBackRecord[]> {
  const data = reader.connections.get(cluster.node(nodeId).address).data;
  const it = await call<pb.GetShardIteratorRequest, pb.GetShardIteratorResponse__Output>(
    data,
    'GetShardIterator',
    { streamName: stream, shardId, shardIteratorType: 'SHARD_ITERATOR_TYPE_TRIM_HORIZON' },
  );
  const out: ReadBackRecord[] = [];
  let iterator = it.shardIterator;
  // Bounded: a page holds at least one record until the end, and no run writes a million records.
  for (let page = 0; page < 1000; page++) {
    const res = await call<pb.GetRecordsRequest, pb.GetRecordsResponse__Output>(data, 'GetRecords', {
      shardIterator: iterator,
      allowFollowerRead: true,
    });
    forEachStoredRecord(res, (cursor, sequence) => {
      out.push({ ...decodeData(cursor.data()), sequenceNumber: formatSequenceNumber(sequence) });
    });
    if (res.recordCount === 0 || res.nextShardIterator === '') return out;
    iterator = res.nextShardIterator;
  }
  throw new Error(`node ${nodeId} ${shardId}: more than 1000 pages`);
}

/** Reads every shard on every replica, again until all replicas serve the same last sequence number per shard. */
export async function readAllReplicas(
  cluster: LocalCluster,
  reader: RheoClient,
  stream: string,
  shardIds: readonly string[],
  timeoutMs = 30_000,
): Promise<ReplicaReadBack> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const replicas = new Map<number, Map<string, ReadBackRecord[]>>();
    let failed: unknown;
    for (const id of cluster.ids()) {
      const shards = new Map<string, ReadBackRecord[]>();
      for (const shardId of shardIds) {
        try {
          shards.set(shardId, await readShardOn(cluster, reader, id, stream, shardId));
        } catch (err) {
          failed ??= new Error(`reading ${shardId} on node ${id} failed: ${String(err)}`, { cause: err });
        }
      }
      replicas.set(id, shards);
    }
    if (failed === undefined && (converged(replicas, shardIds) || Date.now() > deadline)) return replicas;
    if (failed !== undefined && Date.now() > deadline) throw failed;
    await sleep(250);
  }
}

/**
 * One read of every shard on every running replica, taken mid-run and not
 * waiting for anything: each replica serves whatever it has committed (a
 * shard whose read fails, e.g. a replica still starting, is left out).
 */
export async function readSnapshot(
  cluster: LocalCluster,
  reader: RheoClient,
  stream: string,
  shardIds: readonly string[],
): Promise<ReplicaReadBack> {
  const replicas = new Map<number, Map<string, ReadBackRecord[]>>();
  for (const id of cluster.ids().filter((i) => cluster.running(i))) {
    const shards = new Map<string, ReadBackRecord[]>();
    for (const shardId of shardIds) {
      const log = await readShardOn(cluster, reader, id, stream, shardId).catch(() => undefined);
      if (log !== undefined) shards.set(shardId, log);
    }
    replicas.set(id, shards);
  }
  return replicas;
}

function converged(replicas: ReplicaReadBack, shardIds: readonly string[]): boolean {
  return shardIds.every((shardId) => {
    const tails = [...replicas.values()].map((s) => {
      const log = s.get(shardId) ?? [];
      return `${log.length}/${log.at(-1)?.sequenceNumber ?? ''}`;
    });
    return new Set(tails).size === 1;
  });
}

/** The shard ids of a static stream of `n` shards. */
export function shardIdsOf(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `shardId-${String(i).padStart(12, '0')}`);
}

export function historyOf(
  result: WorkloadResult,
  replicas: ReplicaReadBack,
  shardIds: readonly string[],
): DurabilityHistory {
  return { acked: result.acked, unacked: result.unacked, replicas, shardIds };
}
