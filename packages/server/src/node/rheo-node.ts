// A Rheo node in one process: its LevelDB (NodeStore, whose identity is
// checked first), its shard replicas (ReplicaHost), in cluster mode its
// metadata replica and controller (controller role) or metadata mirror
// (broker only), the Raft transport to its peers, the one gRPC server that
// hosts RaftTransport, StreamData, Cluster, StreamAdmin (and
// ControllerHeartbeat on controller nodes), and last the broker agent
// (broker role, cluster mode). The observability port (metrics_listen:
// /metrics, /healthz, /readyz) opens before the gRPC server, which also
// hosts gRPC health and reflection. startNode opens them in that order and
// stop() closes them in reverse, gracefully:
//
// 0. /readyz and gRPC health say not serving;
// 1. stop the broker agent, then the active controller;
// 2. refuse new calls and batches (the gRPC server stops accepting; calls
//    that arrive anyway are answered Unavailable), and wait, bounded by
//    shutdownGraceMs, for the calls and batches already taken to be
//    answered: the transport stays up meanwhile, so they can commit;
// 3. stop the shard replicas, then the metadata replica (each finishes its
//    Ready and persists its state);
// 4. close the transport, then the gRPC server (forced after the grace);
// 5. close the observability port, then the store (it writes what is queued).
import { mkdir } from 'node:fs/promises';
import { entryArrivalMs, type RaftOutbound, ReplicaHost } from '@rheo/broker';
import type { RandomSource } from '@rheo/raft';
import { NodeStore } from '@rheo/storage';
import { iteratorTtlMs } from '@rheo/wire';
import { registerHeartbeatService } from '../cluster/heartbeat-service.js';
import { metaGroupId } from '../cluster/meta-open.js';
import type { NodeConfig } from '../config/schema.js';
import { createLogger, type Logger, type NodeLogger, raftLogger } from '../log/logger.js';
import {
  controllerSummary,
  failedReplicasCheck,
  type GrpcHealth,
  type Observability,
  type ReadinessCheck,
  readinessOf,
  registerGrpcHealth,
  registerGrpcReflection,
  startObservability,
} from '../observability/index.js';
import type { Catalog } from '../services/catalog.js';
import type { ClusterAccess } from '../services/cluster-access.js';
import { InflightBudget } from '../services/inflight-budget.js';
import { registerServices } from '../services/register-services.js';
import { CallTracker, type ServiceContext } from '../services/service-context.js';
import { subscriptionDefaults } from '../services/subscribe-options.js';
import { transportLog, transportOptionsFromConfig } from '../transport/from-config.js';
import { type GrpcServerHandle, startGrpcServer } from '../transport/grpc-server.js';
import { RaftTransport } from '../transport/raft-transport.js';
import { type ClusterParts, newBrokerAgent, openClusterParts } from './cluster-parts.js';
import { startGatewayPart, stopGatewayPart } from './gateway-part.js';
import { deriveIteratorSecret } from './iterator-secret.js';
import { NodeDirectory } from './node-directory.js';
import { checkNodeIdentity } from './node-identity.js';
import { RetentionTask } from './retention-task.js';
import { checkStaticStreamShapes } from './static-stream-guard.js';
import { StreamCatalog } from './static-streams.js';
import { loadNodeTls, peerCredentials, serverCredentials } from './tls.js';

export interface NodeDeps {
  /** The node's logger; one writing JSON lines to stdout at the configured level when left out. */
  readonly logger?: NodeLogger;
  /** Wall clock (arrival stamps, iterator expiry). */
  readonly nowMs?: () => number;
  /** Election randomness (tests pass a seeded one). */
  readonly random?: RandomSource;
  /** How long stop() waits for calls in progress, then for the gRPC server, before forcing. */
  readonly shutdownGraceMs?: number;
}

export interface RheoNode {
  readonly nodeId: number;
  readonly config: NodeConfig;
  /** host:port the gRPC server bound (the port the OS chose when grpc_listen has port 0). */
  readonly grpcAddress: string;
  /** The address peers and clients dial. */
  readonly advertisedAddress: string;
  /** Streams and shards: the static streams, or the metadata in cluster mode. */
  readonly catalog: Catalog;
  /** Cluster mode: the metadata replica, controller, mirror and agent; undefined in static mode. */
  readonly cluster: ClusterParts | undefined;
  /** The node's store (diagnostics and tests: which groups it holds). */
  readonly store: NodeStore;
  /** The node's replicas (diagnostics and tests: leaders, status). */
  readonly host: ReplicaHost;
  readonly transport: RaftTransport;
  readonly log: Logger;
  /** The metrics registry, service metrics and the observability port's address (`http://${address}/metrics`). */
  readonly observability: Observability;
  /** Trims this node's replicas past their stream's retention, every retention_check_interval_ms. */
  readonly retention: RetentionTask;
  /** Graceful stop (see the file comment); idempotent. */
  stop(): Promise<void>;
}

export const nodeShutdownGraceMsDefault = 5_000;

interface Parts {
  readonly config: NodeConfig;
  readonly log: Logger;
  readonly store: NodeStore;
  readonly host: ReplicaHost;
  readonly transport: RaftTransport;
  readonly calls: CallTracker;
  readonly graceMs: number;
  readonly cluster: ClusterParts | undefined;
  /** Set as they open; `stopping` turns /readyz and gRPC health to not serving. */
  readonly obs: { handle?: Observability; health?: GrpcHealth; stopping: boolean };
  retention?: RetentionTask;
  gateway?: Awaited<ReturnType<typeof startGatewayPart>>;
}

/** Opens the store, the replicas (static shards, or the metadata group), the transport, the gRPC server and the agent. */
export async function startNode(config: NodeConfig, deps: NodeDeps = {}): Promise<RheoNode> {
  const logger = deps.logger ?? createLogger({ nodeId: config.nodeId, level: config.logLevel });
  const log = logger.log;
  // Before anything opens: a missing or wrong TLS file stops the node with the config message.
  const tls = loadNodeTls(config.tls);
  const credentials = peerCredentials(tls);
  await mkdir(config.dataDir, { recursive: true });
  const store = await NodeStore.open(
    config.dataDir,
    {
      entryTimeMs: entryArrivalMs,
      nodeCacheBytesMax: Math.max(1, config.storageCacheBytes),
      batchBytesMax: config.groupCommitBatchBytesMax,
    },
    // A hook of open, not a later subscription: recovery reports what it finds before open returns.
    { onCorrupt: (err) => log.error({ err, group: err.group }, 'corrupt data found in the store') },
  );
  try {
    await checkNodeIdentity(store.meta, config, config.dataDir);
  } catch (err) {
    await store.close().catch(() => {});
    throw err;
  }
  const iteratorSecret = deriveIteratorSecret(config.clusterSecret);
  let transport: RaftTransport | undefined;
  const host = newReplicaHost(config, store, log, deps, iteratorSecret, (groupId, msg) =>
    transport?.send(groupId, msg),
  );
  let cluster: ClusterParts | undefined;
  try {
    cluster = config.clusterMode
      ? await openClusterParts({
          config,
          store,
          host,
          log,
          random: deps.random,
          nowMs: deps.nowMs,
          credentials,
        })
      : undefined;
  } catch (err) {
    await host.stop().catch(() => {});
    await store.close().catch(() => {});
    throw err;
  }
  const c = cluster;
  transport = new RaftTransport({
    ...transportOptionsFromConfig(config),
    credentials,
    // Cluster mode: a broker may dial before this node learned of it from the metadata.
    acceptUnknownPeers: config.clusterMode,
    handler: (groupId, msg) => {
      if (c?.deliver(groupId, msg) !== true) host.deliver(groupId, msg);
    },
    hasGroup: (groupId) => (groupId === metaGroupId ? c?.meta !== undefined : host.hasGroup(groupId)),
    onUnreachable: (peerId, groupIds) => {
      if (c?.meta !== undefined && groupIds.includes(metaGroupId)) c.meta.reportUnreachable(peerId);
      host.reportUnreachable(peerId, groupIds);
    },
    tracer: logger.tracer('transport'),
    log: transportLog(log),
  });
  c?.attachTransport(transport);
  const calls = new CallTracker();
  const parts: Parts = {
    config,
    log,
    store,
    host,
    transport,
    calls,
    graceMs: deps.shutdownGraceMs ?? nodeShutdownGraceMsDefault,
    cluster: c,
    obs: { stopping: false },
  };
  let server: GrpcServerHandle | undefined;
  let catalog: Catalog;
  try {
    catalog = c?.catalog ?? (await openStaticStreams(config, store, host));
    const directory = new NodeDirectory(config, c === undefined ? undefined : () => c.learnedNodes());
    const ctx = serviceContext(config, {
      catalog,
      directory,
      host,
      transport,
      calls,
      log,
      iteratorSecret,
      deps,
      cluster: c?.access,
    });
    const obs = await startObservability({
      nodeId: config.nodeId,
      listen: config.metricsListen,
      store,
      host,
      transport,
      ready: readinessOf(readinessChecks(parts)),
      log,
      ...(c === undefined ? {} : { metadata: () => c.access.metadata() }),
      ...(c?.meta === undefined ? {} : { metaGroup: c.meta }),
    });
    parts.obs.handle = obs;
    const meta = c?.meta;
    const runner = c?.runner;
    if (meta !== undefined && runner !== undefined) {
      const cm = obs.controllerMetrics(() => {
        const active = runner.controller;
        return active === undefined ? undefined : controllerSummary(active, meta.state());
      });
      runner.onScalingAction = (action, reason) => cm.countScalingAction(action, reason);
    }
    const t = transport;
    server = await startGrpcServer(
      config.grpcListen,
      (s) => {
        t.register(s);
        registerServices(s, { ...ctx, metrics: obs.serviceMetrics });
        if (c?.meta !== undefined && c.runner !== undefined)
          registerHeartbeatService(s, ctx, c.meta, c.runner);
        parts.obs.health = registerGrpcHealth(s);
        registerGrpcReflection(s);
      },
      serverCredentials(tls),
    );
    host.start();
    parts.retention = retentionTask(config, host, catalog, log, deps);
    c?.meta?.start();
    if (c !== undefined && config.roles.includes('broker')) {
      c.agent = newBrokerAgent(c, { config, store, host, log, nowMs: deps.nowMs, credentials }, transport);
      await c.agent.start();
    }
    parts.gateway = await startGatewayPart(config, log, tls);
  } catch (err) {
    await closeParts(parts, server);
    throw err;
  }
  log.info(
    {
      address: server.address,
      advertised: config.advertisedAddress,
      metrics: `http://${parts.obs.handle!.address}/metrics`,
      shards: host.stats().shards,
      memtableBytes: store.levelWriteBufferBytes,
    },
    'node started',
  );
  return nodeHandle(parts, catalog, server, parts.obs.handle!);
}

function retentionTask(
  config: NodeConfig,
  host: ReplicaHost,
  catalog: Catalog,
  log: Logger,
  deps: NodeDeps,
): RetentionTask {
  const task = new RetentionTask({
    replicas: () => host.replicas(),
    catalog,
    intervalMs: config.retentionCheckIntervalMs,
    nowMs: deps.nowMs ?? Date.now,
    log: log.child({ component: 'retention' }),
  });
  task.start();
  return task;
}

/** /readyz: not stopping, metadata at hand (cluster mode), no failed replica. */
function readinessChecks(p: Parts): ReadinessCheck[] {
  const c = p.cluster;
  return [
    () => (p.obs.stopping ? 'the node is stopping' : undefined),
    () => {
      if (c === undefined) return undefined;
      if (c.meta !== undefined) return c.meta.leader() === 0 ? 'the metadata group has no leader' : undefined;
      return c.mirror.state() === undefined
        ? 'no metadata yet: the broker agent has not fetched it'
        : undefined;
    },
    failedReplicasCheck(p.host),
  ];
}

/** Static mode: the streams of the configuration, their shapes checked against the store, this node's shards opened. */
async function openStaticStreams(
  config: NodeConfig,
  store: NodeStore,
  host: ReplicaHost,
): Promise<StreamCatalog> {
  const catalog = new StreamCatalog(config.clusterId, config.streams);
  const hosted = [...catalog.streams()].filter((s) => s.replicas.includes(config.nodeId));
  await checkStaticStreamShapes(store.meta, hosted, config.dataDir);
  for (const shard of catalog.shardsOn(config.nodeId)) await host.addShard(shard.spec);
  return catalog;
}

function newReplicaHost(
  config: NodeConfig,
  store: NodeStore,
  log: Logger,
  deps: NodeDeps,
  iteratorSecret: Uint8Array,
  send: RaftOutbound['send'],
): ReplicaHost {
  return new ReplicaHost({
    nodeId: config.nodeId,
    store,
    transport: { send },
    options: {
      iteratorSecret,
      tickIntervalMs: config.tickIntervalMs,
      electionTicks: config.electionTicks,
      heartbeatTicks: config.heartbeatTicks,
    },
    ...(deps.nowMs === undefined ? {} : { nowMs: deps.nowMs }),
    ...(deps.random === undefined ? {} : { random: deps.random }),
    logger: raftLogger(log.child({ component: 'raft' })),
    throughput: { limits: config.shardThroughput, account: config.clusterId },
    onFatal: (replica, err) =>
      log.error(
        { err, group: replica.spec.groupId, shard: replica.spec.shardId, stream: replica.spec.streamName },
        'shard replica stopped on a storage or apply error; it needs repair',
      ),
  });
}

function serviceContext(
  config: NodeConfig,
  p: {
    catalog: Catalog;
    directory: NodeDirectory;
    host: ReplicaHost;
    transport: RaftTransport;
    calls: CallTracker;
    log: Logger;
    iteratorSecret: Uint8Array;
    deps: NodeDeps;
    cluster: ClusterAccess | undefined;
  },
): ServiceContext {
  return {
    nodeId: config.nodeId,
    clusterId: config.clusterId,
    rack: config.rack,
    directory: p.directory,
    log: p.log,
    catalog: p.catalog,
    host: p.host,
    budget: new InflightBudget(config.produceInflightBytesMax),
    window: {
      inflightBytesMax: config.produceStreamInflightBytesMax,
      inflightBatchesMax: config.produceStreamInflightBatchesMax,
    },
    iteratorSecret: p.iteratorSecret,
    iteratorTtlMs,
    subscriptions: {
      ...subscriptionDefaults,
      lifetimeMs: config.subscriptionLifetimeMs,
      bytesPerS: config.subscriptionBytesPerS,
      perNodeMax: config.subscriptionsPerNodeMax,
    },
    calls: p.calls,
    transportStats: () => p.transport.stats(),
    nowMs: p.deps.nowMs ?? Date.now,
    cluster: p.cluster,
  };
}

function nodeHandle(
  parts: Parts,
  catalog: Catalog,
  server: GrpcServerHandle,
  observability: Observability,
): RheoNode {
  const { config } = parts;
  let stopping: Promise<void> | undefined;
  return {
    nodeId: config.nodeId,
    config,
    grpcAddress: server.address,
    advertisedAddress: config.advertisedAddress,
    catalog,
    cluster: parts.cluster,
    store: parts.store,
    host: parts.host,
    transport: parts.transport,
    log: parts.log,
    observability,
    retention: parts.retention!,
    stop() {
      stopping ??= closeParts(parts, server);
      return stopping;
    },
  };
}

async function closeParts(p: Parts, server: GrpcServerHandle | undefined): Promise<void> {
  const started = Date.now();
  p.log.info({ inflight: p.calls.inflight }, 'node stopping');
  p.obs.stopping = true;
  p.obs.health?.setServing(false);
  await stopGatewayPart(p.gateway, p.log);
  await p.cluster?.agent
    ?.stop()
    .catch((err: unknown) => p.log.error({ err }, 'stopping the broker agent failed'));
  p.cluster?.runner?.stop();
  p.calls.stop();
  // tryShutdown stops accepting at once; calls in progress and Raft streams go on until step 3.
  const serverDone = new Promise<void>((resolve) =>
    server === undefined ? resolve() : server.server.tryShutdown(() => resolve()),
  );
  const drained = await withTimeout(p.calls.idle(), p.graceMs);
  if (!drained) p.log.warn({ inflight: p.calls.inflight }, 'calls still in progress after the grace period');
  await p.retention?.stop();
  await p.host.stop().catch((err: unknown) => p.log.error({ err }, 'stopping the replicas failed'));
  await p.cluster?.meta
    ?.stop()
    .catch((err: unknown) => p.log.error({ err }, 'stopping the metadata replica failed'));
  p.cluster?.forwarder.close();
  p.transport.close();
  if (server !== undefined && !(await withTimeout(serverDone, p.graceMs))) server.server.forceShutdown();
  await p.obs.handle
    ?.stop()
    .catch((err: unknown) => p.log.error({ err }, 'closing the observability port failed'));
  await p.store.close().catch((err: unknown) => p.log.error({ err }, 'closing the store failed'));
  p.log.info({ ms: Date.now() - started }, 'node stopped');
}

/** True when `p` settled within `ms`. */
async function withTimeout(p: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([p.then(() => true as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
