// The consume side of `rheo bench`: one Consumer over every shard of the
// stream. Each record's end-to-end latency is the read time minus the send
// time the producer embedded in its data (payload.ts); both clocks are this
// machine's wall clock when producer and reader run in one bench process.
// Records sent during the warm-up are read and counted for the drain, but
// not in the figures (measure-window.ts).
import type { IteratorStart, RheoClient } from '@rheo/client';
import { LatencyRecorder } from './latency.js';
import type { MeasureWindow } from './measure-window.js';
import { sentAtMs, wallClockMs } from './payload.js';

export interface ConsumeCounters {
  /** Every record read, warm-up included (the drain waits for all acked records). */
  records: number;
  bytes: number;
  /** Records sent after the warm-up (all of them without a window), and their data bytes. */
  measuredRecords: number;
  measuredBytes: number;
  /** When the first and the last read carrying measured records returned (performance.now()). */
  firstReadMs: number | undefined;
  lastReadMs: number | undefined;
}

export function newConsumeCounters(): ConsumeCounters {
  return {
    records: 0,
    bytes: 0,
    measuredRecords: 0,
    measuredBytes: 0,
    firstReadMs: undefined,
    lastReadMs: undefined,
  };
}

/** Counts one read's records, and the end-to-end latency of those sent inside the window. */
export function countRead(
  records: readonly { readonly data: Uint8Array }[],
  counters: ConsumeCounters,
  e2e: LatencyRecorder,
  window: MeasureWindow | undefined,
): void {
  const now = wallClockMs();
  let measured = false;
  for (const record of records) {
    counters.records++;
    counters.bytes += record.data.length;
    const sent = sentAtMs(record.data);
    if (window !== undefined && (sent === undefined || !window.sentWallInWindow(sent))) continue;
    measured = true;
    counters.measuredRecords++;
    counters.measuredBytes += record.data.length;
    if (sent !== undefined && sent <= now) e2e.recordMs(now - sent);
  }
  if (measured) {
    counters.firstReadMs ??= performance.now();
    counters.lastReadMs = performance.now();
  }
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
  window?: MeasureWindow,
): ConsumeRun {
  const counters = newConsumeCounters();
  const e2e = new LatencyRecorder();
  const consumer = client.consumer(streamName, { start, idleWaitMs: pollIntervalMs });
  const done = (async () => {
    for await (const read of consumer) countRead(read.records, counters, e2e, window);
  })();
  return { counters, e2e, done, stop: () => consumer.close() };
}
