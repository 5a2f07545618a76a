export { describeExit, type ExitInfo, type SpawnOptions, TestProcess } from './child-process.js';
export { freePorts, LOOPBACK, tempDir } from './net.js';
export { ProcessGroup, tsNodeArgs } from './process-group.js';
