// Micro-benchmark of the Producer's own cost per record: send() -> route
// (MD5, shard-map lookup) -> per-shard batch -> encode once -> ack -> one
// promise per record settled. The network is replaced by a sender that
// acknowledges each batch at once, and the shard map is given, so the figure
// is the client's ceiling, to hold against `rheo bench`. MB is 10^6 bytes of
// record data. Run: npm run bench -- client
import { evenHashRanges, type pb } from '@rheo/wire';
import { RheoClient } from '../src/index.js';
import { ShardMapCache } from '../src/shard-map-cache.js';

const shardCount = 4;
const dataBytes = 1024;
const records = 200_000;
const rounds = 3;

function shardMapAnswer(): pb.GetShardMapResponse__Output {
  const ranges = evenHashRanges(shardCount);
  return {
    epoch: 1,
    unchanged: false,
    nodes: [{ nodeId: 1, address: '127.0.0.1:1' } as pb.NodeInfo__Output],
    streams: [
      {
        streamName: 's',
        streamArn: 'arn',
        streamStatus: 'STREAM_STATUS_ACTIVE',
        shards: ranges.map((r, i) => ({
          shardId: `shardId-${i}`,
          hashKeyRange: { startingHashKey: String(r.start), endingHashKey: String(r.end) },
          open: true,
          groupId: i + 2,
          replicaNodeIds: [1],
          leaderNodeId: 1,
          leaderTerm: 1,
        })),
      },
    ],
  };
}

async function round(): Promise<number> {
  const client = new RheoClient({ endpoints: '127.0.0.1:1' });
  const maps = new ShardMapCache(async () => shardMapAnswer(), Date.now, 50);
  await maps.refresh('s');
  (client as unknown as { shardMaps: ShardMapCache }).shardMaps = maps;
  const producer = client.producer({ lingerMs: 1, inflightBatchesPerShardMax: 4 });
  let sequence = 0n;
  (producer as unknown as { sender: unknown }).sender = {
    send: async (_s: string, shardId: string) => {
      const first = sequence;
      sequence += 1000n;
      return { shardId, firstSequenceNumber: String(first), recordCount: 0, duplicate: false, arrivalMs: 0 };
    },
    end: () => undefined,
  };
  const data = Buffer.alloc(dataBytes, 7);
  const keys = Array.from({ length: 1024 }, (_v, i) => `key-${i}`);
  const start = performance.now();
  let acked = 0;
  for (let i = 0; i < records; i++) {
    if (producer.full) await producer.waitForRoom();
    producer.send('s', { partitionKey: keys[i % keys.length]!, data }).then(() => acked++);
    if (i % 500 === 499) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  await producer.close();
  client.close();
  if (acked !== records) throw new Error(`acked ${acked} of ${records}`);
  return records / ((performance.now() - start) / 1000);
}

const rates: number[] = [];
for (let r = 0; r < rounds; r++) rates.push(await round());
rates.sort((a, b) => a - b);
const median = rates[Math.floor(rates.length / 2)]!;
console.log(
  `producer send->ack, ${shardCount} shards, ${dataBytes}-byte records, instant acks: ` +
    `${Math.round(median).toLocaleString('en-US')} records/s, ${((median * dataBytes) / 1e6).toFixed(1)} MB/s (median of ${rounds})`,
);
