export { deriveIteratorSecret } from './iterator-secret.js';
export { type KnownNode, NodeDirectory } from './node-directory.js';
export { type NodeDeps, nodeShutdownGraceMsDefault, type RheoNode, startNode } from './rheo-node.js';
export { type Env, exitCodes, type RunNodeOptions, readyLine, runNode } from './run-node.js';
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
