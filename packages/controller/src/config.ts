// The active controller's settings, with the defaults written out, checked
// once and frozen.
import { RheoError } from '@rheo/wire';

export interface ControllerConfig {
  readonly clusterId: string;
  /** How often brokers heartbeat (told to them in every answer). */
  readonly heartbeatIntervalMs: number;
  /** Silence after which a node is SUSPECT. */
  readonly nodeSuspectAfterMs: number;
  /** Silence after which a node is DEAD and its replicas are re-placed (the grace period). */
  readonly nodeDeadAfterMs: number;
  /** Replicas per shard when CreateStream names none; above the live brokers is refused. */
  readonly defaultReplicationFactor: number;
  /** Open shards in the cluster; a CreateStream past it is refused (LimitExceeded). */
  readonly shardLimit: number;
  /** A replica within this many entries of the leader's last index counts as caught up. */
  readonly learnerCatchUpEntries: number;
  /** UpdateShardCount calls accepted per stream per rolling 24 h (Kinesis: 10). */
  readonly scalingCallsPerDayMax: number;
  /** One UpdateShardCount moves the open-shard count at most this factor up or down (Kinesis: 2). */
  readonly scalingFactorMax: number;
  /** UpdateStreamMode switches per stream per rolling 24 h (Kinesis: 2). */
  readonly modeSwitchesPerDayMax: number;
}

export const controllerDefaults = Object.freeze({
  heartbeatIntervalMs: 500,
  nodeSuspectAfterMs: 1_500,
  nodeDeadAfterMs: 30_000,
  defaultReplicationFactor: 3,
  shardLimit: 1000,
  learnerCatchUpEntries: 64,
  scalingCallsPerDayMax: 10,
  scalingFactorMax: 2,
  modeSwitchesPerDayMax: 2,
} satisfies Omit<ControllerConfig, 'clusterId'>);

/** Suspicion follows the heartbeat interval when not set: three missed heartbeats. */
const suspectAfterHeartbeats = 3;

/**
 * A frozen config: `clusterId` plus any settings given, the defaults for the
 * rest. InvalidArgument for an unknown key, a value that is not a positive
 * integer (learnerCatchUpEntries may be 0), or suspicion after death.
 */
export function controllerConfig(
  clusterId: string,
  settings: Partial<Omit<ControllerConfig, 'clusterId'>> = {},
): ControllerConfig {
  for (const [key, value] of Object.entries(settings)) {
    if (!Object.hasOwn(controllerDefaults, key)) {
      throw new RheoError('InvalidArgument', `unknown controller setting ${key}`, { field: key });
    }
    const min = key === 'learnerCatchUpEntries' ? 0 : 1;
    if (value !== undefined && (!Number.isSafeInteger(value) || (value as number) < min)) {
      throw new RheoError(
        'InvalidArgument',
        `controller setting ${key} = ${value} must be an integer >= ${min}`,
        {
          field: key,
        },
      );
    }
  }
  const defined = Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined));
  const heartbeatIntervalMs = defined.heartbeatIntervalMs ?? controllerDefaults.heartbeatIntervalMs;
  const config: ControllerConfig = Object.freeze({
    ...controllerDefaults,
    nodeSuspectAfterMs: suspectAfterHeartbeats * heartbeatIntervalMs,
    ...defined,
    clusterId,
  });
  if (config.nodeSuspectAfterMs > config.nodeDeadAfterMs) {
    throw new RheoError(
      'InvalidArgument',
      `nodeSuspectAfterMs ${config.nodeSuspectAfterMs} must not exceed nodeDeadAfterMs ${config.nodeDeadAfterMs}`,
      { field: 'nodeSuspectAfterMs' },
    );
  }
  return config;
}
