// The consume side of `rheo bench`: one Consumer over every shard of the
// stream. Each record's end-to-end latency is the read time minus the send
// time the producer embedded in its data (payload.ts); both clocks are this
// machine's wall clock when producer and reader run in one bench process.
import type { IteratorStart, RheoClient } from '@rheo/client';
import { LatencyRecorder } from './latency.js';
import { sentAtMs, wallClockMs } from './payload.js';

export interface ConsumeCounters {
  records: number;
  bytes: number;
  firstReadMs: number | undefined;
  lastReadMs: number | undefined;
}

export interface ConsumeRun {
  readonly counters: ConsumeCounters;
  readonly e2e: LatencyRecorder;
  /** Resolves when the consumer stops (stop() or an error). */
  readonly done: Promise<void>;
  stop(): void;
}

export function startConsume(
  client: RheoClient,
  streamName: string,
  start: IteratorStart,
  pollIntervalMs = 20,
): ConsumeRun {
  const counters: ConsumeCounters = { records: 0, bytes: 0, firstReadMs: undefined, lastReadMs: undefined };
  const e2e = new LatencyRecorder();
  const consumer = client.consumer(streamName, { start, idleWaitMs: pollIntervalMs });
  const done = (async () => {
    for await (const read of consumer) {
      const now = wallClockMs();
      counters.firstReadMs ??= performance.now();
      counters.lastReadMs = performance.now();
      for (const record of read.records) {
        counters.records++;
        counters.bytes += record.data.length;
        const sent = sentAtMs(record.data);
        if (sent !== undefined && sent <= now) e2e.recordMs(now - sent);
      }
    }
  })();
  return { counters, e2e, done, stop: () => consumer.close() };
}
