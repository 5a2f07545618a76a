// One node's metrics: a prom-client Registry of its own (not the global
// one: tests run several nodes in one process), with the process defaults
// and Rheo's metrics. Almost everything is pulled when Prometheus scrapes,
// from counters the parts keep anyway, so the data path does no metric work;
// the exceptions are one histogram update per storage write, and what the
// services report (ServiceMetrics). docs/metrics.md lists every metric.
import type { ReplicaHost } from '@rheo/broker';
import type { NodeStore } from '@rheo/storage';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import type { RaftTransport } from '../transport/raft-transport.js';
import {
  type ControllerMetrics,
  type ControllerSummary,
  registerControllerMetrics,
} from './controller-metrics.js';
import type { DiskUsage } from './disk-usage.js';
import { EnhancedMonitoring, type ShardLevelMetric } from './enhanced-monitoring.js';
import { type MetaGroupFigures, registerRaftMetrics } from './raft-metrics.js';
import { type RaftObserved, registerRaftTimings } from './raft-timings.js';
import { createServiceMetrics, type ServiceMetrics } from './service-metrics.js';
import { registerStorageMetrics } from './storage-metrics.js';
import { registerStreamDisk } from './stream-disk.js';
import { registerStreamMetrics } from './stream-metrics.js';
import { registerTransportMetrics } from './transport-metrics.js';

export interface NodeMetricsParts {
  readonly nodeId: number;
  readonly store: NodeStore;
  readonly host: ReplicaHost;
  readonly transport: RaftTransport;
  /** Disk figures of the data directory (tests pass one with a short interval); the store's directory by default. */
  readonly disk?: DiskUsage;
  /** Adds process_* and nodejs_* (default true). */
  readonly processMetrics?: boolean;
  /** A controller-role node's metadata replica: its Raft figures and timings join the shards'. */
  readonly metaGroup?: MetaGroupFigures & RaftObserved;
  /** How often bytes on disk per stream are estimated again (default a minute). */
  readonly streamDiskRefreshMs?: number;
}

export interface NodeMetrics {
  readonly registry: Registry;
  readonly serviceMetrics: ServiceMetrics;
  /**
   * Registers the controller's metrics (once; later calls replace the
   * getter). `summary` returns undefined while this node is not the active
   * controller.
   */
  controllerMetrics(summary: () => ControllerSummary | undefined): ControllerMetrics;
  /** Which streams publish per-shard series (Enable/DisableEnhancedMonitoring: enable, disable, set, get). */
  readonly enhanced: EnhancedMonitoring;
  /** Sets a stream's per-shard metrics to exactly `metrics` (none: off) and returns them. */
  setEnhancedMonitoring(stream: string, metrics: readonly string[]): ShardLevelMetric[];
  /** The shard-level metrics a stream publishes now. */
  enhancedMonitoring(stream: string): ShardLevelMetric[];
  /** Detaches the hooks set on the parts (the store writer's and the Raft drivers' observers). */
  stop(): void;
}

export function createNodeMetrics(parts: NodeMetricsParts): NodeMetrics {
  const registry = new Registry();
  if (parts.processMetrics !== false) addProcessMetrics(registry);
  new Gauge({
    name: 'rheo_node_info',
    help: 'Always 1; names the node (join on instance to label other series with the node id).',
    labelNames: ['node'],
    registers: [registry],
  }).set({ node: parts.nodeId }, 1);
  const enhanced = new EnhancedMonitoring();
  registerStreamMetrics(registry, parts.host, enhanced);
  registerRaftMetrics(registry, parts.host, parts.metaGroup);
  const timings = registerRaftTimings(registry, parts.host, parts.metaGroup);
  const storage = registerStorageMetrics(registry, parts.store, parts.disk);
  registerStreamDisk(registry, parts.host, parts.store, parts.streamDiskRefreshMs);
  registerTransportMetrics(registry, parts.transport);
  const serviceMetrics = createServiceMetrics(registry, parts.host, enhanced);
  let summaryOf: (() => ControllerSummary | undefined) | undefined;
  let controller: ControllerMetrics | undefined;
  return {
    registry,
    serviceMetrics,
    controllerMetrics(summary) {
      summaryOf = summary;
      controller ??= registerControllerMetrics(registry, () => summaryOf?.());
      return controller;
    },
    enhanced,
    setEnhancedMonitoring: (stream, metrics) => enhanced.set(stream, metrics),
    enhancedMonitoring: (stream) => enhanced.get(stream),
    stop() {
      storage.stop();
      timings.stop();
    },
  };
}

/**
 * prom-client's process and Node.js defaults, less three gauges named
 * `*_total` (promtool check metrics refuses a non-counter with that suffix);
 * their by-type twins (nodejs_active_handles etc.) carry the same figures.
 */
function addProcessMetrics(registry: Registry): void {
  collectDefaultMetrics({ register: registry });
  for (const name of [
    'nodejs_active_handles_total',
    'nodejs_active_requests_total',
    'nodejs_active_resources_total',
  ])
    registry.removeSingleMetric(name);
}
