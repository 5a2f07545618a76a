// Which streams publish per-shard series, and which of them: Kinesis's
// EnableEnhancedMonitoring / DisableEnhancedMonitoring, with its metric
// names. Per-shard series multiply a stream's series by its shard count, so
// they are off until an operator asks for them (bounded cardinality).
//
// In cluster mode the setting is in each stream's metadata record (the
// SetEnhancedMonitoring command), and every node follows the metadata it
// reads: follow() makes the metadata the truth, re-read whenever its epoch
// moves (a number compared per look-up). Static mode has no metadata; the
// setting is then this node's own (set, enable, disable).
import { type ShardLevelMetricName, shardLevelMetricNames } from '@rheo/controller';
import { RheoError } from '@rheo/wire';

export { shardLevelMetricNames };

/** Kinesis's shard-level metric names; 'ALL' stands for every one. */
export type ShardLevelMetric = ShardLevelMetricName;

/** What follow() reads: the metadata (a MetaState fits), undefined until a node has it. */
export interface MonitoredStreams {
  /** Moves whenever the metadata changes (the metadata's applied index). */
  readonly appliedIndex: number;
  streams(): Iterable<{ readonly name: string; readonly enhancedMetrics: readonly string[] }>;
}

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
  private source: (() => MonitoredStreams | undefined) | undefined;
  private followed: { state: MonitoredStreams; epoch: number } | undefined;

  /** From now on, the streams' settings are the metadata's (`source` is asked on each look-up; keep it cheap). */
  follow(source: () => MonitoredStreams | undefined): void {
    this.source = source;
    this.followed = undefined;
  }

  /** Re-reads the followed metadata when it moved since the last look. */
  private sync(): void {
    const state = this.source?.();
    if (state === undefined) return;
    const f = this.followed;
    if (f !== undefined && f.state === state && f.epoch === state.appliedIndex) return;
    this.followed = { state, epoch: state.appliedIndex };
    this.byStream.clear();
    for (const s of state.streams()) {
      const on = s.enhancedMetrics.filter((m): m is ShardLevelMetric => known.has(m));
      if (on.length > 0) this.byStream.set(s.name, new Set(on));
    }
  }

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
    this.sync();
    const s = this.byStream.get(stream);
    return s === undefined ? [] : shardLevelMetricNames.filter((m) => s.has(m));
  }

  /** Does the stream publish this per-shard metric? */
  has(stream: string, metric: ShardLevelMetric): boolean {
    this.sync();
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
