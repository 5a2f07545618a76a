// Which streams publish per-shard series, and which of them: Kinesis's
// EnableEnhancedMonitoring / DisableEnhancedMonitoring, with its metric
// names. Per-shard series multiply a stream's series by its shard count, so
// they are off until an operator asks for them (bounded cardinality).
import { RheoError } from '@rheo/wire';

/** Kinesis's shard-level metric names; 'ALL' stands for every one. */
export const shardLevelMetricNames = Object.freeze([
  'IncomingBytes',
  'IncomingRecords',
  'OutgoingBytes',
  'OutgoingRecords',
  'WriteProvisionedThroughputExceeded',
  'ReadProvisionedThroughputExceeded',
  'IteratorAgeMilliseconds',
] as const);

export type ShardLevelMetric = (typeof shardLevelMetricNames)[number];

const known: ReadonlySet<string> = new Set(shardLevelMetricNames);

/** The contract's enum name (SHARD_LEVEL_METRIC_INCOMING_BYTES) of a Kinesis name, and back; 'ALL' included. */
export function shardLevelMetricToProto(m: ShardLevelMetric | 'ALL'): string {
  return `SHARD_LEVEL_METRIC_${m.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase()}`;
}

const fromProto = new Map<string, string>(
  [...shardLevelMetricNames, 'ALL' as const].map((m) => [shardLevelMetricToProto(m), m]),
);

/** The Kinesis name of a contract enum name; the name itself when it is not one (set() then refuses it). */
export function shardLevelMetricFromProto(name: string): string {
  return fromProto.get(name) ?? name;
}

/** Enable/DisableEnhancedMonitoring's answer: the metrics on before the call, and after. */
export interface EnhancedMonitoringChange {
  readonly current: ShardLevelMetric[];
  readonly desired: ShardLevelMetric[];
}

export class EnhancedMonitoring {
  private readonly byStream = new Map<string, ReadonlySet<ShardLevelMetric>>();

  /**
   * Sets the stream's shard-level metrics to exactly `metrics` ('ALL' for
   * every one; none turns them off) and returns the resulting list. An
   * unknown name is refused with InvalidArgument and changes nothing.
   */
  set(stream: string, metrics: readonly string[]): ShardLevelMetric[] {
    checkNames(metrics);
    const chosen = metrics.includes('ALL')
      ? new Set<ShardLevelMetric>(shardLevelMetricNames)
      : new Set(metrics as readonly ShardLevelMetric[]);
    if (chosen.size === 0) this.byStream.delete(stream);
    else this.byStream.set(stream, chosen);
    return this.get(stream);
  }

  /** EnableEnhancedMonitoring: adds `metrics` to the stream's ('ALL' for every one). */
  enable(stream: string, metrics: readonly string[]): EnhancedMonitoringChange {
    const current = this.get(stream);
    return { current, desired: this.set(stream, [...current, ...metrics]) };
  }

  /** DisableEnhancedMonitoring: removes `metrics` from the stream's ('ALL' for every one). */
  disable(stream: string, metrics: readonly string[]): EnhancedMonitoringChange {
    checkNames(metrics);
    const current = this.get(stream);
    const off = new Set(metrics.includes('ALL') ? shardLevelMetricNames : metrics);
    return {
      current,
      desired: this.set(
        stream,
        current.filter((m) => !off.has(m)),
      ),
    };
  }

  get(stream: string): ShardLevelMetric[] {
    const s = this.byStream.get(stream);
    return s === undefined ? [] : shardLevelMetricNames.filter((m) => s.has(m));
  }

  /** Does the stream publish this per-shard metric? */
  has(stream: string, metric: ShardLevelMetric): boolean {
    return this.byStream.get(stream)?.has(metric) ?? false;
  }
}

function checkNames(metrics: readonly string[]): void {
  for (const m of metrics)
    if (m !== 'ALL' && !known.has(m))
      throw new RheoError(
        'InvalidArgument',
        `unknown shard-level metric ${JSON.stringify(m)}; expected ALL or one of ${shardLevelMetricNames.join(', ')}`,
        { field: 'shard_level_metrics' },
      );
}
