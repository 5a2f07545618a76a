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

export class EnhancedMonitoring {
  private readonly byStream = new Map<string, ReadonlySet<ShardLevelMetric>>();

  /**
   * Sets the stream's shard-level metrics to exactly `metrics` ('ALL' for
   * every one; none turns them off) and returns the resulting list. An
   * unknown name is refused with InvalidArgument and changes nothing.
   */
  set(stream: string, metrics: readonly string[]): ShardLevelMetric[] {
    for (const m of metrics)
      if (m !== 'ALL' && !known.has(m))
        throw new RheoError(
          'InvalidArgument',
          `unknown shard-level metric ${JSON.stringify(m)}; expected ALL or one of ${shardLevelMetricNames.join(', ')}`,
          { field: 'shard_level_metrics' },
        );
    const chosen = metrics.includes('ALL')
      ? new Set<ShardLevelMetric>(shardLevelMetricNames)
      : new Set(metrics as readonly ShardLevelMetric[]);
    if (chosen.size === 0) this.byStream.delete(stream);
    else this.byStream.set(stream, chosen);
    return this.get(stream);
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
