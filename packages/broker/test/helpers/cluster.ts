// In-process clusters for broker tests: N ReplicaHosts, each with its own
// real NodeStore (LevelDB in a temp dir), joined by a MemNetwork. Nodes can
// be stopped gracefully, crashed (halted without persisting anything more,
// then the store closed) and restarted on the same directory.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeStore, type StorageOptions } from '@rheo/storage';
import { evenHashRanges, fullHashRange, type HashRange } from '@rheo/wire';
import {
  entryArrivalMs,
  type GetRecordsResult,
  ReplicaHost,
  type ReplicaOptions,
  type ShardReplica,
  type ShardSpec,
} from '../../src/index.js';
import { type DeliveredRecord, delivered } from './batches.js';
import { MemNetwork } from './mem-network.js';

export const SECRET = new Uint8Array(32).fill(7);

export function shardSpec(
  n: number,
  replicas: readonly number[],
  range: HashRange = fullHashRange,
): ShardSpec {
  const shardId = `shardId-${String(n).padStart(12, '0')}`;
  return {
    groupId: n + 1,
    groupName: `shard/s/${shardId}`,
    streamName: 's',
    shardId,
    hashRange: range,
    sequenceBase: 0n,
    replicas,
  };
}

export { evenHashRanges };

export interface ClusterOptions {
  readonly nodes?: number;
  readonly shards?: readonly ShardSpec[];
  readonly replica?: Partial<ReplicaOptions>;
  /** Storage options of every node (a small entry cache, say). */
  readonly store?: Partial<StorageOptions>;
  readonly nowMs?: () => number;
}

interface NodeSlot {
  readonly dir: string;
  host: ReplicaHost | undefined;
  store: NodeStore | undefined;
}

export class TestCluster {
  readonly net = new MemNetwork();
  readonly ids: number[];
  readonly shards: readonly ShardSpec[];
  private readonly slots = new Map<number, NodeSlot>();
  private readonly root: string;

  constructor(private readonly opts: ClusterOptions = {}) {
    const n = opts.nodes ?? 3;
    this.ids = Array.from({ length: n }, (_, i) => i + 1);
    this.shards = opts.shards ?? [shardSpec(0, this.ids)];
    this.root = mkdtempSync(join(tmpdir(), 'rheo-broker-'));
    for (const id of this.ids)
      this.slots.set(id, { dir: join(this.root, `n${id}`), host: undefined, store: undefined });
  }

  static async start(opts: ClusterOptions = {}): Promise<TestCluster> {
    const c = new TestCluster(opts);
    await Promise.all(c.ids.map((id) => c.startNode(id)));
    return c;
  }

  async startNode(id: number): Promise<ReplicaHost> {
    const slot = this.slots.get(id)!;
    const store = await NodeStore.open(slot.dir, { entryTimeMs: entryArrivalMs, ...this.opts.store });
    const host = new ReplicaHost({
      nodeId: id,
      store,
      transport: this.net.outbound(id),
      options: { iteratorSecret: SECRET, tickIntervalMs: 10, ...this.opts.replica },
      ...(this.opts.nowMs ? { nowMs: this.opts.nowMs } : {}),
    });
    for (const s of this.shards) if (s.replicas.includes(id)) await host.addShard(s);
    slot.host = host;
    slot.store = store;
    this.net.attach(id, host);
    host.start();
    return host;
  }

  host(id: number): ReplicaHost {
    const h = this.slots.get(id)?.host;
    if (h === undefined) throw new Error(`node ${id} is down`);
    return h;
  }

  store(id: number): NodeStore {
    const s = this.slots.get(id)?.store;
    if (s === undefined) throw new Error(`node ${id} is down`);
    return s;
  }

  isUp(id: number): boolean {
    return this.slots.get(id)?.host !== undefined;
  }

  replica(id: number, groupId = this.shards[0]!.groupId): ShardReplica {
    const r = this.host(id).replica(groupId);
    if (r === undefined) throw new Error(`node ${id} has no group ${groupId}`);
    return r;
  }

  /** Waits until one up node leads the group and serves (applied an entry of its term). */
  async leader(groupId = this.shards[0]!.groupId, timeoutMs = 10_000): Promise<ShardReplica> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (const id of this.ids) {
        if (!this.isUp(id)) continue;
        const r = this.host(id).replica(groupId);
        if (r?.status().serving) return r;
      }
      if (Date.now() > deadline) throw new Error(`no serving leader for group ${groupId}`);
      await sleep(10);
    }
  }

  leaderId(r: ShardReplica): number {
    for (const id of this.ids) if (this.isUp(id) && this.host(id).replica(r.spec.groupId) === r) return id;
    throw new Error('replica not found');
  }

  /** Graceful stop of one node (its store closed). */
  async stopNode(id: number): Promise<void> {
    const slot = this.slots.get(id)!;
    this.net.detach(id);
    await slot.host?.stop();
    await slot.store?.close();
    slot.host = undefined;
    slot.store = undefined;
  }

  /** A crash: the node stops at once, nothing more is proposed or applied; its store then closes. */
  async crashNode(id: number): Promise<void> {
    const slot = this.slots.get(id)!;
    this.net.detach(id);
    slot.host?.halt();
    slot.host = undefined;
    await slot.store?.close();
    slot.store = undefined;
  }

  /** Every record of the group as `id`'s replica serves it (follower reads), from the trim horizon. */
  async readAll(id: number, groupId = this.shards[0]!.groupId): Promise<DeliveredRecord[]> {
    const r = this.replica(id, groupId);
    let it = await r.getShardIterator({ type: 'TRIM_HORIZON' }, { allowFollower: true });
    const out: DeliveredRecord[] = [];
    for (;;) {
      const res: GetRecordsResult = await r.getRecords(it, { allowFollower: true });
      out.push(...delivered(res.batches, res.firstBatchSkipRecords, res.recordCount));
      if (res.recordCount === 0) return out;
      it = res.nextIterator;
    }
  }

  /** Waits until every up replica of the group has applied at least `index`. */
  async converge(groupId = this.shards[0]!.groupId, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const up = this.ids.filter((id) => this.isUp(id) && this.host(id).replica(groupId));
      const st = up.map((id) => this.replica(id, groupId).status());
      const commit = Math.max(...st.map((s) => s.commitIndex));
      if (st.every((s) => s.appliedIndex >= commit && s.lastIndex >= commit)) return;
      if (Date.now() > deadline) throw new Error(`group ${groupId} did not converge: ${JSON.stringify(st)}`);
      await sleep(10);
    }
  }

  async close(): Promise<void> {
    for (const id of this.ids) if (this.isUp(id)) await this.stopNode(id);
    rmSync(this.root, { recursive: true, force: true });
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
