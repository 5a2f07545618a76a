// What only the gRPC services see: how long each put and get took, and
// which requests were throttled. The services call these (a histogram
// observation is a few array writes); everything else is pulled.
//
// A stream label comes from a request, so it is taken only for a stream this
// node hosts: a client naming a million streams must not make a million
// series. Others are counted under stream="" ("not hosted here").
import type { ReplicaHost } from '@rheo/broker';
import { RheoError } from '@rheo/wire';
import { Counter, Histogram, type Registry } from 'prom-client';
import type { EnhancedMonitoring } from './enhanced-monitoring.js';
import { setTotal } from './per-scrape.js';

/** Called by the services; `result` is 'ok' or the RheoError reason the call was answered with. */
export interface ServiceMetrics {
  /** One PutRecord / PutRecords call or Produce batch, from arrival to answer. */
  observePut(stream: string, seconds: number, result?: string): void;
  /** One GetRecords call, from arrival to answer. */
  observeGet(stream: string, seconds: number, result?: string): void;
  /** Records of a write refused for the shard's or stream's throughput limits. */
  throttledWrite(stream: string, shardId: string, records: number): void;
  /** A read refused for the shard's read limits. */
  throttledRead(stream: string, shardId: string): void;
}

/** observePut or observeGet, or undefined where no metrics are kept (tests, tools). */
export type ObserveCall = ((stream: string, seconds: number, result?: string) => void) | undefined;

/**
 * Starts timing one call; the function returned reports it to `observe`,
 * with the stream (which a GetRecords call learns only from its iterator)
 * and the error the call failed with, if any.
 */
export function callTimer(observe: ObserveCall): (stream: string, err?: unknown) => void {
  if (observe === undefined) return () => {};
  const startedMs = performance.now();
  return (stream, err) =>
    observe(stream, (performance.now() - startedMs) / 1000, err === undefined ? 'ok' : resultOf(err));
}

/** The `result` label of a failed call: its RheoError reason, or Internal for anything else. */
export function resultOf(err: unknown): string {
  return err instanceof RheoError ? err.code : 'Internal';
}

/** Seconds: 1 ms to 10 s, the range between a lone fast write and a stalled commit. */
export const latencyBucketsSeconds = Object.freeze([
  0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
]);

/** Distinct shards whose throttles are remembered for per-shard series. */
export const throttledShardsMax = 10_000;

/** How often the set of hosted streams is refreshed when a name is not in it. */
const streamRefreshMs = 1_000;

export function createServiceMetrics(
  registry: Registry,
  host: ReplicaHost,
  enhanced: EnhancedMonitoring,
): ServiceMetrics {
  const hosted = hostedStreams(host);
  const histogram = (name: string, what: string) =>
    new Histogram({
      name,
      help: `Time from a ${what} call's arrival to its answer, by stream and result ('ok' or the error reason).`,
      labelNames: ['stream', 'result'],
      buckets: [...latencyBucketsSeconds],
      registers: [registry],
    });
  const put = histogram('rheo_stream_put_duration_seconds', 'PutRecord / PutRecords / Produce batch');
  const get = histogram('rheo_stream_get_duration_seconds', 'GetRecords');
  const writeThrottled = new Counter({
    name: 'rheo_stream_write_throttled_records_total',
    help: 'Records refused because a shard or the stream was over its write throughput (WriteProvisionedThroughputExceeded).',
    labelNames: ['stream'],
    registers: [registry],
  });
  const readThrottled = new Counter({
    name: 'rheo_stream_read_throttled_requests_total',
    help: 'GetRecords calls refused because a shard was over its read throughput (ReadProvisionedThroughputExceeded).',
    labelNames: ['stream'],
    registers: [registry],
  });
  const perShard = registerShardThrottles(registry, enhanced);
  return {
    observePut: (stream, seconds, result = 'ok') => put.observe({ stream: hosted(stream), result }, seconds),
    observeGet: (stream, seconds, result = 'ok') => get.observe({ stream: hosted(stream), result }, seconds),
    throttledWrite(stream, shardId, records) {
      const s = hosted(stream);
      writeThrottled.inc({ stream: s }, records);
      if (s !== '') perShard.add(s, shardId, 'write', records);
    },
    throttledRead(stream, shardId) {
      const s = hosted(stream);
      readThrottled.inc({ stream: s });
      if (s !== '') perShard.add(s, shardId, 'read', 1);
    },
  };
}

/** The stream name when this node hosts a shard of it, else ''. */
function hostedStreams(host: ReplicaHost): (stream: string) => string {
  let names = new Set<string>();
  let refreshedMs = Number.NEGATIVE_INFINITY;
  return (stream) => {
    if (names.has(stream)) return stream;
    const now = performance.now();
    if (now - refreshedMs < streamRefreshMs) return '';
    refreshedMs = now;
    names = new Set([...host.replicas()].map((r) => r.spec.streamName));
    return names.has(stream) ? stream : '';
  };
}

interface ShardThrottles {
  readonly stream: string;
  readonly shard: string;
  write: number;
  read: number;
}

function registerShardThrottles(registry: Registry, enhanced: EnhancedMonitoring) {
  const shards = new Map<string, ShardThrottles>();
  const counter = (
    name: string,
    help: string,
    op: 'write' | 'read',
    metric: Parameters<EnhancedMonitoring['has']>[1],
  ) =>
    new Counter({
      name,
      help,
      labelNames: ['stream', 'shard'],
      registers: [registry],
      collect() {
        setTotal(
          this,
          [...shards.values()]
            .filter((t) => t[op] > 0 && enhanced.has(t.stream, metric))
            .map((t) => [{ stream: t.stream, shard: t.shard }, t[op]] as const),
        );
      },
    });
  counter(
    'rheo_shard_write_throttled_records_total',
    'Records refused for write throughput, per shard, for streams with enhanced monitoring (WriteProvisionedThroughputExceeded).',
    'write',
    'WriteProvisionedThroughputExceeded',
  );
  counter(
    'rheo_shard_read_throttled_requests_total',
    'GetRecords calls refused for read throughput, per shard, for streams with enhanced monitoring (ReadProvisionedThroughputExceeded).',
    'read',
    'ReadProvisionedThroughputExceeded',
  );
  return {
    add(stream: string, shard: string, op: 'write' | 'read', n: number) {
      const key = `${stream}\u0000${shard}`;
      let t = shards.get(key);
      if (t === undefined) {
        if (shards.size >= throttledShardsMax) return;
        t = { stream, shard, write: 0, read: 0 };
        shards.set(key, t);
      }
      t[op] += n;
    },
  };
}
