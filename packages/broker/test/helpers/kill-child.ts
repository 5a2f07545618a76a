// A one-node shard (replication factor 1) in its own process, producing as
// fast as it can with 4 idempotent producers, printing one line per ack:
// "ACK <tag> <count> <firstSequenceNumber>". The parent kills it with
// SIGKILL mid-write (kill-9.test.ts). Usage: kill-child.ts <store dir>
import { NodeStore } from '@rheo/storage';
import { entryArrivalMs, ReplicaHost } from '../../src/index.js';
import { makeBatch } from './batches.js';
import { SECRET, shardSpec } from './cluster.js';

const dir = process.argv[2]!;
const store = await NodeStore.open(dir, { entryTimeMs: entryArrivalMs });
const host = new ReplicaHost({
  nodeId: 1,
  store,
  transport: { send: () => {} },
  options: { iteratorSecret: SECRET, tickIntervalMs: 10 },
});
const shard = await host.addShard(shardSpec(0, [1]));
host.start();
while (!shard.status().serving) await new Promise((r) => setTimeout(r, 5));
process.stdout.write('READY\n');
await Promise.all(
  Array.from({ length: 4 }, async (_, p) => {
    for (let b = 1; ; b++) {
      const tag = `k${p}b${b}`;
      const count = 1 + (b % 5);
      const ack = await shard.produce(makeBatch(tag, count, 200), {
        producerId: `kill-${p}`,
        producerEpoch: 1,
        batchSequence: b,
      });
      process.stdout.write(`ACK ${tag} ${count} ${ack.firstSequenceNumber}\n`);
    }
  }),
);
