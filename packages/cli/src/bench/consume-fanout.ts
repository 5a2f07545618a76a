// `rheo bench --fanout`: the reader is an enhanced fan-out consumer
// (`rheo-bench`, registered if need be) subscribed to every open shard with
// client.subscribe, so end-to-end latency measures commit-to-push rather
// than a polling interval (compare with --poll-interval-ms 1000, Kinesis's
// usual GetRecords cadence). Same counters and latency as the pull reader.
import type { IteratorStart, RheoClient, ShardSubscriber } from '@rheo/client';
import { type ConsumeRun, countRead, newConsumeCounters } from './consume-run.js';
import { LatencyRecorder } from './latency.js';
import type { MeasureWindow } from './measure-window.js';

const consumerName = 'rheo-bench';

export async function startFanout(
  client: RheoClient,
  streamName: string,
  start: IteratorStart,
  window: MeasureWindow,
): Promise<ConsumeRun> {
  const counters = newConsumeCounters();
  const e2e = new LatencyRecorder();
  const consumer = await client.consumers.ensureActive(streamName, consumerName);
  const routes = await client.shardRoutes(streamName);
  const subscribers: ShardSubscriber[] = routes.map.shards.map((s) =>
    client.subscribe(streamName, consumer.consumerArn, s.shardId, start),
  );
  const done = Promise.all(
    subscribers.map(async (sub) => {
      for await (const ev of sub) countRead(ev.records, counters, e2e, window);
    }),
  ).then(() => undefined);
  return {
    counters,
    e2e,
    done,
    stop: () => {
      for (const s of subscribers) s.close();
    },
  };
}
