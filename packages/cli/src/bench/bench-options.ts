// `rheo bench` options after commander has parsed them: checked once, with
// defaults written out, and frozen. Numbers come in as strings from the
// command line; a bad one is a usage error naming the flag.
import { resolveEndpoints } from '../commands/common.js';
import { UsageError } from '../usage-error.js';
import { payloadHeaderBytes } from './payload.js';

export type BenchMode = 'produce' | 'consume' | 'all';

export interface BenchOptions {
  readonly mode: BenchMode;
  /** Seed endpoints of a running cluster; empty with `local`. */
  readonly endpoints: readonly string[];
  /** Nodes of a throwaway local cluster; 0 for none. */
  readonly local: number;
  readonly replicas: number;
  readonly stream: string;
  readonly shards: number;
  readonly recordBytes: number;
  readonly batchRecords: number;
  readonly producers: number;
  /** Records per second over all producers; undefined for unbounded. */
  readonly rate: number | undefined;
  readonly durationS: number;
  /** Seconds of producing before the measured `durationS` begins (produce and both modes). */
  readonly warmupS: number;
  readonly lingerMs: number;
  readonly inflightPerShard: number;
  readonly bufferBytes: number;
  readonly baselineS: number;
  readonly json: boolean;
  /** Keep the cluster's per-shard throughput limits (default: the bench's stream runs unthrottled, bench-limits.ts). */
  readonly kinesisLimits: boolean;
  /** The reader of `bench` (both sides) is an enhanced fan-out subscriber per shard instead of pull reads. */
  readonly fanout: boolean;
  /** Pull reader: the wait between reads of a caught-up shard (Kinesis's usual poll is 1000 ms). */
  readonly pollIntervalMs: number;
  /** Where to write every measured acknowledgement's time and latency (latency-log.ts); undefined for nowhere. */
  readonly latencyLog: string | undefined;
  /** `--local` only: keep the cluster's directory (data, LevelDB's LOG, each node's stdout and stderr) instead of removing it. */
  readonly keepData: boolean;
  /** `--local` only: more Node/V8 flags for every node, before the entry script (`--trace-gc`). */
  readonly nodeFlags: readonly string[];
}

export { UsageError };

/** The raw option values commander hands over (strings, or absent). */
export interface RawBenchOptions {
  readonly endpoint?: string[];
  readonly local?: string;
  readonly replicas?: string;
  readonly stream?: string;
  readonly shards?: string;
  readonly recordBytes?: string;
  readonly batchRecords?: string;
  readonly producers?: string;
  readonly rate?: string;
  readonly duration?: string;
  readonly warmup?: string;
  readonly lingerMs?: string;
  readonly inflightPerShard?: string;
  readonly bufferBytes?: string;
  readonly baselineSeconds?: string;
  readonly baseline?: boolean;
  readonly json?: boolean;
  readonly kinesisLimits?: boolean;
  readonly fanout?: boolean;
  readonly pollIntervalMs?: string;
  readonly latencyLog?: string;
  readonly keepData?: boolean;
  readonly nodeFlags?: string;
}

/** `--node-flags "--a --b=1"`: whitespace-separated, each a flag (for node, not the node's own options). */
function nodeFlagList(text: string | undefined, local: number): readonly string[] {
  if (text === undefined) return Object.freeze([]);
  if (local === 0) throw new UsageError('--node-flags applies to the nodes --local starts');
  const flags = text.split(/\s+/).filter((f) => f !== '');
  if (flags.length === 0) throw new UsageError('--node-flags needs at least one flag, such as --trace-gc');
  const bad = flags.find((f) => !/^--[a-z0-9][a-z0-9_-]*(=\S+)?$/i.test(f));
  if (bad !== undefined)
    throw new UsageError(`--node-flags takes flags for node such as --trace-gc, got "${bad}"`);
  return Object.freeze(flags);
}

function number(
  flag: string,
  text: string | undefined,
  fallback: number,
  min: number,
  max: number,
  integer = true,
): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    throw new UsageError(
      `--${flag} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}, got "${text}"`,
    );
  }
  return value;
}

export function resolveBenchOptions(
  mode: BenchMode,
  raw: RawBenchOptions,
  env: NodeJS.ProcessEnv,
): BenchOptions {
  const local = number('local', raw.local, 0, 0, 9);
  if (local > 0 && raw.endpoint !== undefined) throw new UsageError('give --local or --endpoint, not both');
  const endpoints = local === 0 ? resolveEndpoints(raw.endpoint, env) : [];
  const stream = raw.stream ?? 'bench';
  if (mode === 'consume' && raw.warmup !== undefined)
    throw new UsageError(
      '--warmup applies to produce and to both (it produces before measuring), not to consume',
    );
  if (raw.latencyLog !== undefined && mode === 'consume')
    throw new UsageError('--latency-log records produce acknowledgements: use it with produce or both');
  if (raw.latencyLog !== undefined && raw.latencyLog.trim() === '')
    throw new UsageError('--latency-log needs a file name');
  if (raw.keepData === true && local === 0)
    throw new UsageError('--keep-data keeps the directory of the cluster --local starts');
  if (!/^[a-zA-Z0-9_.-]{1,128}$/.test(stream))
    throw new UsageError(`--stream "${stream}" is not a stream name`);
  return Object.freeze({
    mode,
    endpoints: Object.freeze(endpoints),
    local,
    replicas: number('replicas', raw.replicas, Math.min(3, Math.max(1, local)), 1, Math.max(1, local || 9)),
    stream,
    shards: number('shards', raw.shards, 4, 1, 1000),
    recordBytes: number('record-bytes', raw.recordBytes, 1024, payloadHeaderBytes, 1024 * 1024 - 64),
    batchRecords: number('batch-records', raw.batchRecords, 500, 1, 500),
    producers: number('producers', raw.producers, 1, 1, 256),
    rate: raw.rate === undefined ? undefined : number('rate', raw.rate, 0, 1, 1e9, false),
    durationS: number('duration', raw.duration, 10, 0.1, 86_400, false),
    warmupS: number('warmup', raw.warmup, 0, 0, 3_600, false),
    lingerMs: number('linger-ms', raw.lingerMs, 5, 0, 10_000),
    inflightPerShard: number('inflight-per-shard', raw.inflightPerShard, 4, 1, 64),
    bufferBytes: number('buffer-bytes', raw.bufferBytes, 16 * 1024 * 1024, 1024, 2 ** 34),
    baselineS: raw.baseline === false ? 0 : number('baseline-seconds', raw.baselineSeconds, 3, 0, 600, false),
    json: raw.json === true,
    kinesisLimits: raw.kinesisLimits === true,
    fanout: raw.fanout === true,
    pollIntervalMs: number('poll-interval-ms', raw.pollIntervalMs, 20, 1, 60_000),
    latencyLog: raw.latencyLog,
    keepData: raw.keepData === true,
    nodeFlags: nodeFlagList(raw.nodeFlags, local),
  });
}
