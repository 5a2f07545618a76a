// The produce side of `rheo bench`: `producers` Producer instances (each its
// own producer id, all on one client), each fed by a loop that makes records
// as fast as the token bucket (--rate) and the producer's buffer bound
// allow, without awaiting each acknowledgement. Every ack's latency (send
// to ack) goes into one histogram.
import type { Producer, RheoClient } from '@rheo/client';
import { LatencyRecorder } from './latency.js';
import { PayloadMaker } from './payload.js';
import type { TokenBucket } from './token-bucket.js';

export interface ProduceRunOptions {
  readonly streamName: string;
  readonly producers: number;
  readonly recordBytes: number;
  readonly batchRecords: number;
  readonly durationMs: number;
  readonly lingerMs: number;
  readonly inflightBatchesPerShard: number;
  /** Bound on each producer's unacknowledged bytes. */
  readonly bufferBytes: number;
  readonly bucket: TokenBucket | undefined;
}

export interface ProduceCounters {
  sent: number;
  acked: number;
  failed: number;
  ackedBytes: number;
  firstError: string | undefined;
}

export interface ProduceResult extends ProduceCounters {
  readonly elapsedMs: number;
  readonly latency: LatencyRecorder;
}

/** Records made per turn of a producer loop: one timer per group keeps a high rate cheap. */
const groupRecordsMax = 50;
/** Groups per second a rated loop aims at (about one per 5 ms), so a low rate is not sent in bursts. */
const groupsPerSecond = 200;

/** Records per group: the whole group bound when unbounded, else about 5 ms worth of each loop's share. */
export function groupRecords(ratePerS: number | undefined, producers: number): number {
  if (ratePerS === undefined) return groupRecordsMax;
  return Math.max(1, Math.min(groupRecordsMax, Math.round(ratePerS / producers / groupsPerSecond)));
}

export async function runProduce(
  client: RheoClient,
  options: ProduceRunOptions,
  counters: ProduceCounters,
): Promise<ProduceResult> {
  const latency = new LatencyRecorder();
  const producers: Producer[] = Array.from({ length: options.producers }, () =>
    client.producer({
      lingerMs: options.lingerMs,
      batchRecordsMax: options.batchRecords,
      inflightBatchesPerShardMax: options.inflightBatchesPerShard,
      bufferedBytesMax: options.bufferBytes,
    }),
  );
  // Fetch the map before the clock starts, so the first records do not wait on it.
  await client.shardRoutes(options.streamName);
  const started = performance.now();
  const deadline = started + options.durationMs;
  await Promise.all(producers.map((p, i) => produceLoop(p, i, options, deadline, latency, counters)));
  await Promise.all(producers.map((p) => p.close()));
  return { ...counters, elapsedMs: performance.now() - started, latency };
}

async function produceLoop(
  producer: Producer,
  index: number,
  options: ProduceRunOptions,
  deadline: number,
  latency: LatencyRecorder,
  counters: ProduceCounters,
): Promise<void> {
  const payloads = new PayloadMaker(options.recordBytes, index);
  const onError = (err: unknown) => {
    counters.failed++;
    counters.firstError ??= err instanceof Error ? err.message : String(err);
  };
  const group = groupRecords(options.bucket?.ratePerS, options.producers);
  while (performance.now() < deadline) {
    if (options.bucket !== undefined) await options.bucket.take(group);
    for (let i = 0; i < group; i++) {
      if (producer.full) await producer.waitForRoom();
      const record = payloads.next();
      const sentAt = performance.now();
      counters.sent++;
      producer.send(options.streamName, record).then(
        () => {
          latency.recordMs(performance.now() - sentAt);
          counters.acked++;
          counters.ackedBytes += record.data.length;
          payloads.done(record);
        },
        (err: unknown) => {
          onError(err);
          payloads.done(record);
        },
      );
    }
    // Let acks and timers run between groups even when the buffer never fills.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
