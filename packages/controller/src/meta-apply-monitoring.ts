// Enable/DisableEnhancedMonitoring as a metadata command (issue 8): a
// stream's shard-level metrics live in its record (StreamRecord
// .enhancedMetrics), so every node, which reads the metadata, publishes the
// same per-shard series, and the setting survives restarts and controller
// changes. The command says what to add or remove, not the resulting list:
// two calls racing each other both take effect, each computed from the
// state its entry is applied to. The outcome is Kinesis's answer: the
// metrics on before and after.
import { RheoError } from '@rheo/wire';
import { refuse, streamNotActive, streamNotFound } from './kinesis-rules.js';
import type { MetaTables } from './meta-tables.js';
import { bool, type Json, str, strings } from './shape.js';
import type { ApplyOutcome, MetaCommand } from './types.js';

/** Kinesis's shard-level metric names, in its order; 'ALL' in a request stands for every one. */
export const shardLevelMetricNames = Object.freeze([
  'IncomingBytes',
  'IncomingRecords',
  'OutgoingBytes',
  'OutgoingRecords',
  'WriteProvisionedThroughputExceeded',
  'ReadProvisionedThroughputExceeded',
  'IteratorAgeMilliseconds',
] as const);

export type ShardLevelMetricName = (typeof shardLevelMetricNames)[number];

/** Enable/DisableEnhancedMonitoring's answer: the stream's shard-level metrics before and after. */
export interface EnhancedMonitoringChange {
  readonly current: ShardLevelMetricName[];
  readonly desired: ShardLevelMetricName[];
}

/** Adds (`enable`) or removes the named metrics ('ALL' for every one) of a stream. */
export type MonitoringCommand = {
  type: 'SetEnhancedMonitoring';
  name: string;
  metrics: string[];
  enable: boolean;
};

const known: ReadonlySet<string> = new Set(shardLevelMetricNames);

/** Why a request's metric list is refused (empty, or a name Kinesis does not have); undefined when it is fine. */
export function shardLevelMetricsProblem(metrics: readonly string[]): string | undefined {
  if (metrics.length === 0) return 'shard_level_metrics must name at least one metric (or ALL)';
  const bad = metrics.find((m) => m !== 'ALL' && !known.has(m));
  return bad === undefined
    ? undefined
    : `unknown shard-level metric ${JSON.stringify(bad)}; expected ALL or one of ${shardLevelMetricNames.join(', ')}`;
}

/** A stream's metrics in Kinesis's order, each once. */
function ordered(set: ReadonlySet<string>): ShardLevelMetricName[] {
  return shardLevelMetricNames.filter((m) => set.has(m));
}

export function applySetEnhancedMonitoring(
  t: MetaTables,
  cmd: MonitoringCommand,
): ApplyOutcome<EnhancedMonitoringChange> {
  const s = t.streams.get(cmd.name);
  if (s === undefined) return streamNotFound(cmd.name, t.clusterId);
  if (s.status !== 'ACTIVE') return streamNotActive(s.name, t.clusterId, s.status);
  const problem = shardLevelMetricsProblem(cmd.metrics);
  if (problem !== undefined) return refuse('InvalidArgument', problem, 'shard_level_metrics');
  const named = new Set<string>(cmd.metrics.includes('ALL') ? shardLevelMetricNames : cmd.metrics);
  const current = ordered(new Set(s.enhancedMetrics));
  const desired = cmd.enable
    ? ordered(new Set([...current, ...named]))
    : current.filter((m) => !named.has(m));
  t.streams.set(s.name, Object.freeze({ ...s, enhancedMetrics: Object.freeze([...desired]) }));
  return { ok: true, value: { current, desired } };
}

export const monitoringCommandReaders: Record<string, (o: Record<string, Json>) => MetaCommand> = {
  SetEnhancedMonitoring: (o) => ({
    type: 'SetEnhancedMonitoring',
    name: str(o.name, 'name'),
    metrics: strings(o.metrics, 'metrics'),
    enable: bool(o.enable, 'enable'),
  }),
};

/** The change an applied SetEnhancedMonitoring answered; Internal when the outcome carries none. */
export function enhancedMonitoringChangeOf(outcome: ApplyOutcome): EnhancedMonitoringChange {
  const v = outcome.ok ? (outcome.value as EnhancedMonitoringChange | undefined) : undefined;
  if (v === undefined || !Array.isArray(v.current) || !Array.isArray(v.desired))
    throw new RheoError('Internal', 'the enhanced monitoring change was applied without an answer');
  return v;
}
