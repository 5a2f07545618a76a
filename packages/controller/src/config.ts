// The active controller's settings, with the defaults written out.
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
}

export const controllerDefaults = Object.freeze({
  heartbeatIntervalMs: 500,
  nodeSuspectAfterMs: 1_500,
  nodeDeadAfterMs: 30_000,
  defaultReplicationFactor: 3,
  shardLimit: 1000,
  learnerCatchUpEntries: 64,
} satisfies Omit<ControllerConfig, 'clusterId'>);

/** A frozen config: `clusterId` plus any settings given, the defaults for the rest. */
export function controllerConfig(
  clusterId: string,
  settings: Partial<Omit<ControllerConfig, 'clusterId'>> = {},
): ControllerConfig {
  return Object.freeze({ ...controllerDefaults, ...settings, clusterId });
}
