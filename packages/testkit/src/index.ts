export { describeExit, type ExitInfo, type SpawnOptions, TestProcess } from './child-process.js';
export {
  LocalCluster,
  type LocalClusterOptions,
  type LocalNode,
  type LocalStreamSpec,
  localClusterDefaults,
} from './local-cluster.js';
export { buildNodeArgs, type LocalNodeSpec, parseReadyLine, type ReadyInfo } from './local-node-args.js';
export { freePorts, LOOPBACK, tempDir } from './net.js';
export { ProcessGroup, pidAlive, tsNodeArgs } from './process-group.js';
