// The produce side of `rheo bench`: `producers` Producer instances (each its
// own producer id, all on one client), each fed by a loop that makes records
// as fast as the token bucket (--rate) and the producer's buffer bound
// allow, without awaiting each acknowledgement. Every ack's latency (send
// to ack) goes into one histogram, for records sent after the warm-up
// (measure-window.ts).
import type { Producer, RheoClient } from '@rheo/client';
import { LatencyRecorder } from './latency.js';
import type { LatencyLog } from './latency-log.js';
import type { MeasureWindow } from './measure-window.js';
import { PayloadMaker } from './payload.js';
import type { TokenBucket } from './token-bucket.js';

export interface ProduceRunOptions {
  readonly streamName: string;
  readonly producers: number;
  readonly recordBytes: number;
  readonly batchRecords: number;
  readonly durationMs: number;
  /** Producing before the measured durationMs. */
  readonly warmupMs: number;
  readonly lingerMs: number;
  readonly inflightBatchesPerShard: number;
  /** Bound on each producer's unacknowledged bytes. */
  readonly bufferBytes: number;
  readonly bucket: TokenBucket | undefined;
  /** Also logs every measured acknowledgement (`--latency-log`). */
  readonly latencyLog?: LatencyLog;
}

/** Everything produced, warm-up included: the progress line, failures, and the reader's drain. */
export interface ProduceCounters {
  sent: number;
  acked: number;
  failed: number;
  ackedBytes: number;
  firstError: string | undefined;
}

export interface ProduceResult extends ProduceCounters {
  /** From the end of the warm-up until the last acknowledgement. */
  readonly elapsedMs: number;
  /** Acknowledged records sent after the warm-up, and their data bytes: what the figures count. */
  readonly measured: { readonly acked: number; readonly bytes: number };
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
  window: MeasureWindow,
): Promise<ProduceResult> {
  const latency = new LatencyRecorder();
  const measured = { acked: 0, bytes: 0 };
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
  window.start(options.warmupMs);
  const deadline = window.startMs + options.durationMs;
  const tally: Tally = { window, latency, counters, measured };
  await Promise.all(producers.map((p, i) => produceLoop(p, i, options, deadline, tally)));
  await Promise.all(producers.map((p) => p.close()));
  return { ...counters, elapsedMs: performance.now() - window.startMs, measured, latency };
}

/** Where a producer loop counts its acknowledgements. */
interface Tally {
  readonly window: MeasureWindow;
  readonly latency: LatencyRecorder;
  readonly counters: ProduceCounters;
  readonly measured: { acked: number; bytes: number };
}

async function produceLoop(
  producer: Producer,
  index: number,
  options: ProduceRunOptions,
  deadline: number,
  tally: Tally,
): Promise<void> {
  const { window, latency, counters, measured } = tally;
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
          counters.acked++;
          counters.ackedBytes += record.data.length;
          if (window.sentInWindow(sentAt)) {
            const now = performance.now();
            latency.recordMs(now - sentAt);
            options.latencyLog?.record(performance.timeOrigin + now, now - sentAt);
            measured.acked++;
            measured.bytes += record.data.length;
          }
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
