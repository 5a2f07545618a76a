export type { ClusterParts } from './cluster-parts.js';
export {
  checkDataVolume,
  type DataVolumeReport,
  type DataVolumeWarning,
  dataVolumeWarnings,
  type MountEntry,
  mountOf,
  parseMountInfo,
} from './data-volume.js';
export { deriveIteratorSecret } from './iterator-secret.js';
export { type KnownNode, type LearnedNodes, NodeDirectory } from './node-directory.js';
export { checkNodeIdentity, type NodeIdentity } from './node-identity.js';
export { type NodeDeps, nodeShutdownGraceMsDefault, type RheoNode, startNode } from './rheo-node.js';
export { type Env, exitCodes, type RunNodeOptions, readyLine, runNode } from './run-node.js';
export { missingRuntimeFlags, nodeRuntimeFlags } from './runtime-flags.js';
export {
  kinesisShardId,
  type StaticShard,
  type StaticStream,
  StreamCatalog,
  shardGroupId,
  shardGroupIdMax,
  shardGroupIdMin,
  streamArn,
} from './static-streams.js';
