// The one schema of a node's configuration. Keys are snake_case as in the
// YAML file; flags are the same keys in kebab-case (`--node-id`) and
// environment variables are RHEO_ + the key in capitals (`RHEO_NODE_ID`).
// The schema parses, checks fields against each other, and maps the result
// onto the camelCase `NodeConfig` the code uses. docs/configuration.md lists
// every key (a test holds the two together).
import { z } from 'zod';
import {
  bytesField,
  enumField,
  type HostPort,
  hostPortField,
  intField,
  listField,
  type NodeAddress,
  nodeAddressListField,
  optionalHostPortField,
  stringField,
} from './fields.js';
import {
  accessKeysField,
  accessKeysFileField,
  type GatewayAuthMode,
  gatewayAuthModes,
  gatewayKeysMissing,
  mergedAccessKeys,
} from './gateway-auth-field.js';
import { type StaticStreamConfig, streamsField } from './streams-field.js';
import { boolField, optionalPathField, tlsFilesConfig, tlsProblems } from './tls-fields.js';

const KiB = 1024;
const MiB = 1024 * KiB;
const GiB = 1024 * MiB;

export const nodeRoles = ['broker', 'controller'] as const;
export type NodeRole = (typeof nodeRoles)[number];
export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];
export const logFormats = ['json', 'pretty'] as const;
export type LogFormat = (typeof logFormats)[number];

/** Iterator tokens are signed with the secret: shorter ones are guessable. */
export const clusterSecretCharsMin = 32;

const rawShape = {
  node_id: intField(1, 2 ** 31 - 1, 'a positive integer'),
  cluster_id: stringField(
    /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/,
    'a cluster name of 1 to 64 letters, digits, ".", "_" or "-"',
  ),
  roles: listField(enumField(nodeRoles), 'a list of roles (broker, controller)'),
  data_dir: z.string({ error: 'a directory path' }).min(1, { error: 'a directory path' }),
  grpc_listen: hostPortField(true),
  metrics_listen: hostPortField(true),
  gateway_listen: optionalHostPortField(),
  gateway_auth: enumField(gatewayAuthModes),
  gateway_access_keys_file: accessKeysFileField(),
  gateway_access_keys: accessKeysField(),
  advertised_address: z.union([z.null(), hostPortField(false)], { error: 'host:port (port 1 to 65535)' }),
  tls_cert_file: optionalPathField(),
  tls_key_file: optionalPathField(),
  tls_ca_file: optionalPathField(),
  tls_client_auth: boolField(),
  controller_voters: nodeAddressListField(),
  peers: nodeAddressListField(),
  rack: stringField(
    /^[A-Za-z0-9._-]{0,64}$/,
    'a label of up to 64 letters, digits, ".", "_" or "-" (empty for none)',
  ),
  tick_interval_ms: intField(10, 10_000, 'an integer from 10 to 10000'),
  election_ticks: intField(2, 1000, 'an integer from 2 to 1000'),
  heartbeat_ticks: intField(1, 999, 'an integer from 1 to 999'),
  storage_cache_bytes: bytesField(0, 64 * GiB),
  group_commit_batch_bytes_max: bytesField(64 * KiB, 1 * GiB),
  produce_inflight_bytes_max: bytesField(1 * MiB, 64 * GiB),
  produce_stream_inflight_bytes_max: bytesField(64 * KiB, 64 * GiB),
  produce_stream_inflight_batches_max: intField(1, 1_000_000, 'an integer from 1 to 1000000'),
  peer_queue_bytes_max: bytesField(1 * MiB, 16 * GiB),
  peer_queue_messages_max: intField(16, 10_000_000, 'an integer from 16 to 10000000'),
  heartbeat_interval_ms: intField(50, 60_000, 'an integer from 50 to 60000'),
  node_suspect_after_ms: intField(100, 600_000, 'an integer from 100 to 600000'),
  node_dead_after_ms: intField(500, 86_400_000, 'an integer from 500 to 86400000'),
  default_replication_factor: intField(1, 7, 'an integer from 1 to 7'),
  shard_limit: intField(1, 100_000, 'an integer from 1 to 100000'),
  scaling_calls_per_day_max: intField(1, 10_000, 'an integer from 1 to 10000'),
  scaling_factor_max: intField(2, 1_000, 'an integer from 2 to 1000'),
  mode_switches_per_day_max: intField(1, 10_000, 'an integer from 1 to 10000'),
  shard_write_bytes_per_s: bytesField(1 * KiB, 1024 * GiB),
  shard_write_records_per_s: intField(1, 2 ** 32 - 1, 'an integer from 1 to 4294967295'),
  shard_read_bytes_per_s: bytesField(1 * KiB, 1024 * GiB),
  shard_read_calls_per_s: intField(1, 2 ** 32 - 1, 'an integer from 1 to 4294967295'),
  retention_check_interval_ms: intField(100, 86_400_000, 'an integer from 100 to 86400000'),
  subscription_lifetime_ms: intField(1_000, 86_400_000, 'an integer from 1000 to 86400000'),
  subscription_bytes_per_s: bytesField(1 * KiB, 1024 * GiB),
  subscriptions_per_node_max: intField(1, 1_000_000, 'an integer from 1 to 1000000'),
  log_level: enumField(logLevels),
  log_format: enumField(logFormats),
  streams: streamsField(),
  cluster_secret: z
    .string({ error: `a secret of at least ${clusterSecretCharsMin} characters` })
    .min(clusterSecretCharsMin, { error: `a secret of at least ${clusterSecretCharsMin} characters` }),
};

export type ConfigKey = keyof typeof rawShape;
/** Every key, in the order the docs list them. */
export const configKeys = Object.freeze(Object.keys(rawShape) as ConfigKey[]);
/** Keys whose values never appear in messages or logs. */
export const secretKeys: ReadonlySet<ConfigKey> = new Set(['cluster_secret', 'gateway_access_keys']);

/**
 * Defaults, written out. Keys absent here (node_id, cluster_secret) are
 * required. Values are in the file's form (what a YAML file would say).
 */
export const configDefaults: Readonly<Partial<Record<ConfigKey, unknown>>> = Object.freeze({
  cluster_id: 'rheo',
  roles: Object.freeze(['broker', 'controller']),
  data_dir: './rheo-data',
  grpc_listen: '127.0.0.1:7400',
  metrics_listen: '127.0.0.1:7490',
  gateway_listen: null,
  gateway_auth: 'sigv4',
  gateway_access_keys_file: null,
  gateway_access_keys: null,
  advertised_address: null,
  tls_cert_file: null,
  tls_key_file: null,
  tls_ca_file: null,
  tls_client_auth: false,
  controller_voters: Object.freeze([]),
  peers: Object.freeze([]),
  rack: '',
  tick_interval_ms: 100,
  election_ticks: 10,
  heartbeat_ticks: 1,
  storage_cache_bytes: 256 * MiB,
  group_commit_batch_bytes_max: 8 * MiB,
  produce_inflight_bytes_max: 256 * MiB,
  produce_stream_inflight_bytes_max: 32 * MiB,
  produce_stream_inflight_batches_max: 1024,
  peer_queue_bytes_max: 128 * MiB,
  peer_queue_messages_max: 100_000,
  heartbeat_interval_ms: 500,
  node_suspect_after_ms: 1_500,
  node_dead_after_ms: 30_000,
  default_replication_factor: 3,
  shard_limit: 1000,
  scaling_calls_per_day_max: 10,
  scaling_factor_max: 2,
  mode_switches_per_day_max: 2,
  shard_write_bytes_per_s: 1 * MiB,
  shard_write_records_per_s: 1000,
  shard_read_bytes_per_s: 2 * MiB,
  shard_read_calls_per_s: 5,
  retention_check_interval_ms: 60_000,
  subscription_lifetime_ms: 300_000,
  subscription_bytes_per_s: 2 * MiB,
  subscriptions_per_node_max: 1000,
  log_level: 'info',
  log_format: 'json',
  streams: Object.freeze([]),
});

type Raw = z.output<z.ZodObject<typeof rawShape>>;

function cross(ctx: z.RefinementCtx, key: ConfigKey, message: string): void {
  ctx.addIssue({ code: 'custom', path: [key], message, params: { cross: true } });
}

const WILDCARD_HOSTS: ReadonlySet<string> = new Set(['0.0.0.0', '[::]', '::']);

/** The address peers dial: advertised_address, else grpc_listen when that names one host and port. */
function advertised(raw: Raw): HostPort | undefined {
  if (raw.advertised_address !== null) return raw.advertised_address;
  const g = raw.grpc_listen;
  return WILDCARD_HOSTS.has(g.host) || g.port === 0 ? undefined : g;
}

function checkDuplicates(ctx: z.RefinementCtx, key: ConfigKey, list: readonly NodeAddress[]): void {
  const ids = new Set<number>();
  const addresses = new Set<string>();
  for (const n of list) {
    if (ids.has(n.id)) cross(ctx, key, `node id ${n.id} is listed twice`);
    if (addresses.has(n.address)) cross(ctx, key, `address ${n.address} is listed twice`);
    ids.add(n.id);
    addresses.add(n.address);
  }
}

/** Voters and peers describe one cluster: an id has one address, an address one id. */
function checkAgreement(ctx: z.RefinementCtx, raw: Raw, self: HostPort | undefined): void {
  const byId = new Map<number, string>(raw.controller_voters.map((v) => [v.id, v.address]));
  const byAddress = new Map<string, number>(raw.controller_voters.map((v) => [v.address, v.id]));
  if (self !== undefined) byId.set(raw.node_id, byId.get(raw.node_id) ?? self.address);
  for (const p of raw.peers) {
    const addr = byId.get(p.id);
    if (addr !== undefined && addr !== p.address) {
      cross(
        ctx,
        'peers',
        `node ${p.id} is at ${p.address} here but at ${addr} in controller_voters or advertised_address`,
      );
    }
    const id = byAddress.get(p.address);
    if (id !== undefined && id !== p.id)
      cross(ctx, 'peers', `address ${p.address} is node ${p.id} here but node ${id} in controller_voters`);
  }
  const voterSelf = raw.controller_voters.find((v) => v.id === raw.node_id);
  if (voterSelf !== undefined && self !== undefined && voterSelf.address !== self.address) {
    cross(
      ctx,
      'controller_voters',
      `lists this node (${raw.node_id}) at ${voterSelf.address}, but it is advertised at ${self.address}`,
    );
  }
}

/** Static streams: names unique; every replica is this node or a node with a known address. */
function checkStreams(ctx: z.RefinementCtx, raw: Raw): void {
  const known = new Set<number>([raw.node_id, ...raw.peers.map((p) => p.id)]);
  for (const v of raw.controller_voters) known.add(v.id);
  const names = new Set<string>();
  for (const s of raw.streams) {
    if (names.has(s.name)) cross(ctx, 'streams', `stream ${s.name} is listed twice`);
    names.add(s.name);
    if (new Set(s.replicas).size !== s.replicas.length)
      cross(ctx, 'streams', `stream ${s.name} lists a replica twice`);
    for (const id of s.replicas) {
      if (!known.has(id))
        cross(
          ctx,
          'streams',
          `stream ${s.name}: replica node ${id} is neither this node (${raw.node_id}) nor in peers or controller_voters`,
        );
    }
  }
}

/** Cluster mode (controller voters given): streams come from CreateStream; the liveness timings nest. */
function checkClusterMode(ctx: z.RefinementCtx, raw: Raw): void {
  if (raw.controller_voters.length > 0 && raw.streams.length > 0)
    cross(
      ctx,
      'streams',
      'is for static mode only; with controller_voters set (cluster mode) streams are created with ' +
        'CreateStream (`rheo stream create`): remove streams, or controller_voters for a static cluster',
    );
  if (raw.node_suspect_after_ms <= raw.heartbeat_interval_ms)
    cross(
      ctx,
      'node_suspect_after_ms',
      `must be above heartbeat_interval_ms (${raw.heartbeat_interval_ms}), got ${raw.node_suspect_after_ms}`,
    );
  if (raw.node_dead_after_ms <= raw.node_suspect_after_ms)
    cross(
      ctx,
      'node_dead_after_ms',
      `must be above node_suspect_after_ms (${raw.node_suspect_after_ms}), got ${raw.node_dead_after_ms}`,
    );
}

function crossChecks(raw: Raw, ctx: z.RefinementCtx): void {
  const self = advertised(raw);
  if (self === undefined) {
    cross(
      ctx,
      'advertised_address',
      'required when grpc_listen binds every interface or port 0 (peers need an address to dial)',
    );
  }
  if (raw.roles.length === 0) cross(ctx, 'roles', 'at least one role is required (broker, controller)');
  if (new Set(raw.roles).size !== raw.roles.length) cross(ctx, 'roles', 'a role is listed twice');
  if (raw.roles.includes('controller') && !raw.controller_voters.some((v) => v.id === raw.node_id)) {
    cross(
      ctx,
      'controller_voters',
      `this node (${raw.node_id}) has the controller role but is not among the voters`,
    );
  }
  checkDuplicates(ctx, 'controller_voters', raw.controller_voters);
  checkDuplicates(ctx, 'peers', raw.peers);
  checkAgreement(ctx, raw, self);
  checkStreams(ctx, raw);
  checkClusterMode(ctx, raw);
  for (const [key, message] of tlsProblems(raw)) cross(ctx, key, message);
  if (raw.heartbeat_ticks >= raw.election_ticks) {
    cross(
      ctx,
      'heartbeat_ticks',
      `must be below election_ticks (${raw.election_ticks}), got ${raw.heartbeat_ticks}`,
    );
  }
  if (
    raw.gateway_listen !== null &&
    raw.gateway_auth === 'sigv4' &&
    mergedAccessKeys(raw.gateway_access_keys_file, raw.gateway_access_keys) === null
  )
    cross(ctx, 'gateway_auth', gatewayKeysMissing);
  const listeners = [raw.grpc_listen, raw.metrics_listen, raw.gateway_listen].filter(
    (l) => l !== null && l.port !== 0,
  );
  if (new Set(listeners.map((l) => l?.port)).size !== listeners.length) {
    cross(ctx, 'metrics_listen', 'grpc_listen, metrics_listen and gateway_listen must use different ports');
  }
}

function toNodeConfig(raw: Raw) {
  return {
    nodeId: raw.node_id,
    clusterId: raw.cluster_id,
    roles: raw.roles as readonly NodeRole[],
    dataDir: raw.data_dir,
    grpcListen: raw.grpc_listen,
    metricsListen: raw.metrics_listen,
    gatewayListen: raw.gateway_listen,
    /** How the gateway authenticates: SigV4 against gatewayAccessKeys, or any signature (development). */
    gatewayAuth: raw.gateway_auth as GatewayAuthMode,
    gatewayAccessKeys: mergedAccessKeys(raw.gateway_access_keys_file, raw.gateway_access_keys),
    /** The address peers and clients dial (advertised_address, or grpc_listen). */
    advertisedAddress: advertised(raw)!.address,
    /** TLS for clients, peers and the gateway (docs/security.md); null when off. */
    tls: tlsFilesConfig(raw),
    controllerVoters: raw.controller_voters as readonly NodeAddress[],
    peers: raw.peers as readonly NodeAddress[],
    rack: raw.rack,
    tickIntervalMs: raw.tick_interval_ms,
    electionTicks: raw.election_ticks,
    heartbeatTicks: raw.heartbeat_ticks,
    storageCacheBytes: raw.storage_cache_bytes,
    groupCommitBatchBytesMax: raw.group_commit_batch_bytes_max,
    produceInflightBytesMax: raw.produce_inflight_bytes_max,
    produceStreamInflightBytesMax: raw.produce_stream_inflight_bytes_max,
    produceStreamInflightBatchesMax: raw.produce_stream_inflight_batches_max,
    peerQueueBytesMax: raw.peer_queue_bytes_max,
    peerQueueMessagesMax: raw.peer_queue_messages_max,
    /** Cluster mode: controller voters are given, and the metadata group owns streams and placement. */
    clusterMode: raw.controller_voters.length > 0,
    heartbeatIntervalMs: raw.heartbeat_interval_ms,
    nodeSuspectAfterMs: raw.node_suspect_after_ms,
    nodeDeadAfterMs: raw.node_dead_after_ms,
    defaultReplicationFactor: raw.default_replication_factor,
    shardLimit: raw.shard_limit,
    /** Resharding's Kinesis limits (docs/resharding.md). */
    scalingCallsPerDayMax: raw.scaling_calls_per_day_max,
    scalingFactorMax: raw.scaling_factor_max,
    modeSwitchesPerDayMax: raw.mode_switches_per_day_max,
    /** Every shard's throughput limits unless its stream overrides them (docs/limits.md). */
    shardThroughput: Object.freeze({
      writeBytesPerS: raw.shard_write_bytes_per_s,
      writeRecordsPerS: raw.shard_write_records_per_s,
      readBytesPerS: raw.shard_read_bytes_per_s,
      readCallsPerS: raw.shard_read_calls_per_s,
    }),
    /** How often the node trims its replicas' records past their stream's retention. */
    retentionCheckIntervalMs: raw.retention_check_interval_ms,
    /** SubscribeToShard's bounds (docs/consumers.md). */
    subscriptionLifetimeMs: raw.subscription_lifetime_ms,
    subscriptionBytesPerS: raw.subscription_bytes_per_s,
    subscriptionsPerNodeMax: raw.subscriptions_per_node_max,
    logLevel: raw.log_level as LogLevel,
    logFormat: raw.log_format as LogFormat,
    clusterSecret: raw.cluster_secret,
    streams: raw.streams as readonly StaticStreamConfig[],
  };
}

/** The schema: raw keys in, a checked NodeConfig out. Unknown keys are refused. */
export const nodeConfigSchema = z.strictObject(rawShape).superRefine(crossChecks).transform(toNodeConfig);

export type NodeConfig = Readonly<z.output<typeof nodeConfigSchema>>;
