// Proves that the SDK's Producer lives with a shard's write limit: a
// producer sending at twice the limit of a two-shard stream (an in-process
// node, replication factor 1, 100 records/s per shard from node flags) is
// throttled (ProvisionedThroughputExceeded, counted on the replicas), backs
// off and retries, and in the end every record is acknowledged and read back
// exactly once, each partition key's records in the order they were sent;
// the shards took no more than their limit per second (plus the one-second
// burst) while doing it.
import { RheoClient } from '@rheo/client';
import { createLogger, loadConfig, type RheoNode, startNode } from '@rheo/server';
import { freePorts, LOOPBACK, tempDir } from '@rheo/testkit';
import { afterAll, beforeAll, expect, test } from 'vitest';

const RECORDS_PER_S = 100;
const SHARDS = 2;
const KEYS = 8;
const SEND_SECONDS = 1.5;

let node: RheoNode;
let client: RheoClient;
let dir: Awaited<ReturnType<typeof tempDir>>;

beforeAll(async () => {
  dir = await tempDir('limits-producer');
  const [grpcPort, metricsPort] = await freePorts(2);
  const argv = [
    ...['--node-id', '1', '--roles', 'broker', '--data-dir', `${dir.path}/n1`],
    ...['--grpc-listen', `${LOOPBACK}:${grpcPort}`, '--metrics-listen', `${LOOPBACK}:${metricsPort}`],
    ...['--streams', `lim:${SHARDS}:1`, '--tick-interval-ms', '50', '--election-ticks', '20'],
    ...['--shard-write-records-per-s', String(RECORDS_PER_S), '--shard-read-calls-per-s', '100'],
  ];
  const config = loadConfig({
    argv,
    env: { RHEO_CLUSTER_SECRET: 'limits-test-secret-of-forty-characters!!' },
  });
  node = await startNode(config, { logger: createLogger({ nodeId: 1, level: 'silent' }) });
  client = new RheoClient({ endpoints: [node.grpcAddress] });
  await client.admin.waitForActive('lim', 20_000);
}, 30_000);

afterAll(async () => {
  client?.close();
  await node?.stop();
  await dir?.remove();
});

test('a producer at twice the write limit is throttled, retries, and loses or reorders nothing', async () => {
  const producer = client.producer({ lingerMs: 5 });
  const total = Math.round(2 * RECORDS_PER_S * SHARDS * SEND_SECONDS);
  const acks: Array<Promise<unknown>> = [];
  const started = Date.now();
  for (let i = 0; i < total; i++) {
    // Paced at twice what the two shards take.
    const wait = started + (i * 1000) / (2 * RECORDS_PER_S * SHARDS) - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const key = `key-${i % KEYS}`;
    acks.push(producer.send('lim', { partitionKey: key, data: Buffer.from(`${key}:${i}`) }));
  }
  const settled = await Promise.allSettled(acks);
  const elapsedS = (Date.now() - started) / 1000;
  expect(settled.filter((s) => s.status === 'rejected')).toEqual([]);
  await producer.close();

  const replicas = [...node.host.replicas()];
  const throttled = replicas.reduce((n, r) => n + r.counters.writeThrottledRecords, 0);
  expect(throttled).toBeGreaterThan(0);
  expect(producer.stats.batchesRetried).toBeGreaterThan(0);
  // The shards paced the producer: at most their limit per second plus one second's burst.
  expect(total).toBeLessThanOrEqual(RECORDS_PER_S * SHARDS * (elapsedS + 1));

  // Every record once, each key's in the order sent.
  const byKey = new Map<string, number[]>();
  for (const shard of replicas.map((r) => r.spec.shardId)) {
    let iterator = await client.getShardIterator('lim', shard, { type: 'TRIM_HORIZON' });
    for (;;) {
      const page = await client.getRecords('lim', shard, iterator);
      for (const r of page.records) {
        const [key, n] = r.data.toString().split(':');
        if (!byKey.has(key!)) byKey.set(key!, []);
        byKey.get(key!)!.push(Number(n));
      }
      iterator = page.nextShardIterator;
      if (page.records.length === 0) break;
    }
  }
  expect(byKey.size).toBe(KEYS);
  for (let k = 0; k < KEYS; k++) {
    const sent = Array.from({ length: total }, (_, i) => i).filter((i) => i % KEYS === k);
    expect(byKey.get(`key-${k}`)).toEqual(sent);
  }
}, 30_000);
