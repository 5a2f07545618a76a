// @rheo/controller's public entry: the metadata state machine, placement and
// the active controller (docs/cluster.md, plan/controller-api.md).

export { ActiveController, type ActiveControllerDeps, type ControllerLog } from './active-controller.js';
export {
  type AutoscaleCounts,
  Autoscaler,
  type ReportedLoad,
} from './autoscaler.js';
export { type AutoscaleSettings, autoscaleDefaults } from './autoscaler-policy.js';
export { type ControllerConfig, controllerConfig, controllerDefaults } from './config.js';
export {
  GroupCoordinator,
  type LeaseRef,
  type LeaseView,
  parentsOf,
} from './consumer-groups-coordinator.js';
export type {
  GroupCheckpointRecord,
  GroupRecord,
  GroupStartName,
  LeaseRecord,
} from './consumer-groups-meta.js';
export {
  retentionHoursDefault,
  retentionHoursMax,
  retentionHoursMin,
  streamNameLengthMax,
  tagsPerStreamMax,
} from './kinesis-rules.js';
export type { MetaAccess } from './meta-access.js';
export {
  type ConsumerRecord,
  type ConsumerStatusName,
  consumersPerStreamDefault,
} from './meta-apply-consumers.js';
export { ConsumerAdmin } from './meta-apply-consumers-admin.js';
export {
  type StreamShardLimits,
  shardLimitsProblem as streamShardLimitsProblem,
} from './meta-apply-limits.js';
export {
  type EnhancedMonitoringChange,
  type ShardLevelMetricName,
  shardLevelMetricNames,
  shardLevelMetricsProblem,
} from './meta-apply-monitoring.js';
export { decodeMetaCommand, encodeMetaCommand } from './meta-command-codec.js';
export { metaSnapshotVersion } from './meta-snapshot.js';
export { MetaState } from './meta-state.js';
export { shardIdOf, streamArnOf } from './meta-tables.js';
export {
  chooseReplacement,
  isPlacementCandidate,
  type PlacementView,
  placeReplicaSets,
  replicaCounts,
} from './placement.js';
export type { ReshardAdmin, UpdateShardCountResult } from './reshard-admin.js';
export { isPending } from './reshard-lineage.js';
export type { ReshardCommand, ReshardRecord, ThroughputBucket } from './reshard-types.js';
export type { CreateStreamRequest } from './stream-admin.js';
export type {
  ApplyOutcome,
  MetaCommand,
  MetaCommandType,
  NodeRecord,
  NodeRoleName,
  NodeStateName,
  ShardRecord,
  StreamModeName,
  StreamRecord,
  StreamStatusName,
} from './types.js';
