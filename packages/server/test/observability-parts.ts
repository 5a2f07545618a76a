// A real node's parts for the observability tests, without its gRPC server:
// a NodeStore (LevelDB in a temp dir), a ReplicaHost leading single-replica
// shards, and a RaftTransport with one peer that never answers (so the
// transport has a per-peer row to report).
import { entryArrivalMs, ReplicaHost, type ShardReplica, type ShardSpec } from '@rheo/broker';
import { NodeStore } from '@rheo/storage';
import { tempDir } from '@rheo/testkit';
import { encodeBatch, fullHashRange } from '@rheo/wire';
import { RaftTransport } from '../src/transport/raft-transport.js';

export interface NodeParts {
  readonly dir: string;
  readonly store: NodeStore;
  readonly host: ReplicaHost;
  readonly transport: RaftTransport;
  /** The replica of `stream`'s shard 0, once it leads and serves. */
  leader(stream: string): Promise<ShardReplica>;
  close(): Promise<void>;
}

export function shardSpec(groupId: number, stream: string): ShardSpec {
  const shardId = 'shardId-000000000000';
  return {
    groupId,
    groupName: `shard/${stream}/${shardId}`,
    streamName: stream,
    shardId,
    hashRange: fullHashRange,
    sequenceBase: 0n,
    replicas: [1],
  };
}

/** Node 1 hosting shard 0 of each stream, alone (replication factor 1). */
export async function startNodeParts(streams: readonly string[]): Promise<NodeParts> {
  const dir = await tempDir('observability');
  const store = await NodeStore.open(dir.path, { entryTimeMs: entryArrivalMs });
  let transport: RaftTransport | undefined;
  const host = new ReplicaHost({
    nodeId: 1,
    store,
    transport: { send: (g, m) => transport?.send(g, m) },
    options: { iteratorSecret: new Uint8Array(32).fill(3), tickIntervalMs: 10 },
  });
  transport = new RaftTransport({
    nodeId: 1,
    clusterId: 'observability-test',
    // Port 1 refuses: the peer stays down, and the transport keeps a row for it.
    peers: [{ id: 2, address: '127.0.0.1:1' }],
    handler: (g, m) => host.deliver(g, m),
    hasGroup: (g) => host.hasGroup(g),
  });
  for (const [i, s] of streams.entries()) await host.addShard(shardSpec(i + 1, s));
  host.start();
  const t = transport;
  return {
    dir: dir.path,
    store,
    host,
    transport: t,
    async leader(stream) {
      const deadline = Date.now() + 10_000;
      for (;;) {
        const r = [...host.replicas()].find((x) => x.spec.streamName === stream);
        if (r?.status().serving) return r;
        if (Date.now() > deadline) throw new Error(`no serving leader for ${stream}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    async close() {
      await host.stop();
      t.close();
      await store.close();
      await dir.remove();
    },
  };
}

/** A client batch of `count` records of `bytes` bytes each. */
export function batchOf(count: number, bytes: number): Buffer {
  return encodeBatch(
    Array.from({ length: count }, (_, i) => ({ partitionKey: `k${i}`, data: Buffer.alloc(bytes, i) })),
  );
}

/** Produces `count` records into `replica`, then reads them back from the trim horizon. */
export async function produceAndRead(replica: ShardReplica, count: number, bytes: number): Promise<number> {
  await replica.produce(batchOf(count, bytes));
  const it = await replica.getShardIterator({ type: 'TRIM_HORIZON' });
  const res = await replica.getRecords(it);
  return res.recordCount;
}
