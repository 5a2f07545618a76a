// A node's observability (issue 8): its metrics registry, the HTTP port for
// /metrics, /healthz and /readyz, and the gRPC health and reflection
// services. startObservability takes the node's parts as they are and
// changes nothing in them but one optional hook (the store writer's
// observer); the node calls it after its parts are open and stops it first.
import type { ReplicaHost } from '@rheo/broker';
import type { NodeStore } from '@rheo/storage';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { RaftTransport } from '../transport/raft-transport.js';
import type { ControllerMetrics, ControllerSummary } from './controller-metrics.js';
import type { DiskUsage } from './disk-usage.js';
import type { EnhancedMonitoring, MonitoredStreams, ShardLevelMetric } from './enhanced-monitoring.js';
import { type Readiness, startObservabilityHttp } from './http-server.js';
import { createNodeMetrics } from './metrics.js';
import type { MetaGroupFigures } from './raft-metrics.js';
import type { RaftObserved } from './raft-timings.js';
import type { ServiceMetrics } from './service-metrics.js';

export type { ControllerMetrics, ControllerSummary } from './controller-metrics.js';
export { controllerSummary } from './controller-summary.js';
export { type DiskFigures, DiskUsage } from './disk-usage.js';
export {
  EnhancedMonitoring,
  type EnhancedMonitoringChange,
  type MonitoredStreams,
  type ShardLevelMetric,
  shardLevelMetricFromProto,
  shardLevelMetricNames,
  shardLevelMetricToProto,
} from './enhanced-monitoring.js';
export {
  type GrpcHealth,
  registerGrpcHealth,
  registerGrpcReflection,
  rheoServiceNames,
} from './grpc-health.js';
export { HttpListenError, type Readiness } from './http-server.js';
export { createNodeMetrics, type NodeMetrics, type NodeMetricsParts } from './metrics.js';
export type { MetaGroupFigures } from './raft-metrics.js';
export type { RaftObserved } from './raft-timings.js';
export { failedReplicasCheck, type ReadinessCheck, readinessOf } from './readiness.js';
export {
  callTimer,
  latencyBucketsSeconds,
  type ObserveCall,
  resultOf,
  type ServiceMetrics,
} from './service-metrics.js';

export interface ObservabilityOptions {
  readonly nodeId: number;
  /** metrics_listen; port 0 lets the OS choose. */
  readonly listen: { readonly host: string; readonly port: number };
  readonly store: NodeStore;
  readonly host: ReplicaHost;
  readonly transport: RaftTransport;
  /** /readyz's answer, asked on every probe (keep it cheap). */
  readonly ready: () => Readiness;
  readonly log: Logger;
  /** Disk figures of the data directory (tests pass one with a short interval). */
  readonly disk?: DiskUsage;
  /** Cluster mode: the metadata this node reads; each stream's enhanced monitoring follows it. */
  readonly metadata?: () => MonitoredStreams | undefined;
  /** A controller-role node's metadata replica (group 1): its Raft figures and timings join the shards'. */
  readonly metaGroup?: MetaGroupFigures & RaftObserved;
}

export interface Observability {
  /** host:port the HTTP server bound; `http://${address}/metrics` is the scrape URL. */
  readonly address: string;
  readonly registry: Registry;
  /** For the services: put/get latencies and throttles. */
  readonly serviceMetrics: ServiceMetrics;
  /** Registers the controller's metrics on this node (see NodeMetrics.controllerMetrics). */
  controllerMetrics(summary: () => ControllerSummary | undefined): ControllerMetrics;
  /** Which streams publish per-shard series: enable/disable (the admin calls), set, get. */
  readonly enhanced: EnhancedMonitoring;
  /** The stream's per-shard metrics become exactly `metrics`; returns them. */
  setEnhancedMonitoring(stream: string, metrics: readonly string[]): ShardLevelMetric[];
  enhancedMonitoring(stream: string): ShardLevelMetric[];
  /** Closes the HTTP server and detaches the hooks; idempotent. */
  stop(): Promise<void>;
}

export async function startObservability(o: ObservabilityOptions): Promise<Observability> {
  const metrics = createNodeMetrics({
    nodeId: o.nodeId,
    store: o.store,
    host: o.host,
    transport: o.transport,
    ...(o.disk === undefined ? {} : { disk: o.disk }),
    ...(o.metaGroup === undefined ? {} : { metaGroup: o.metaGroup }),
  });
  if (o.metadata !== undefined) metrics.enhanced.follow(o.metadata);
  const log = o.log.child({ component: 'observability' });
  let http: Awaited<ReturnType<typeof startObservabilityHttp>>;
  try {
    http = await startObservabilityHttp({
      listen: o.listen,
      registry: metrics.registry,
      ready: o.ready,
      onError: (err) => log.error({ err }, 'a metrics scrape failed'),
    });
  } catch (err) {
    metrics.stop();
    throw err;
  }
  let stopping: Promise<void> | undefined;
  return {
    address: http.address,
    registry: metrics.registry,
    serviceMetrics: metrics.serviceMetrics,
    controllerMetrics: (summary) => metrics.controllerMetrics(summary),
    enhanced: metrics.enhanced,
    setEnhancedMonitoring: (stream, list) => metrics.setEnhancedMonitoring(stream, list),
    enhancedMonitoring: (stream) => metrics.enhancedMonitoring(stream),
    stop() {
      stopping ??= http.stop().finally(() => metrics.stop());
      return stopping;
    },
  };
}
