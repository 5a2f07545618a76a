// @rheo/cli's public entry: the program (for tests and embedding), the dev
// cluster's layout, and the bench's parts that other tools may reuse.
export { type BenchOutput, runBench } from './bench/bench-command.js';
export { type BenchMode, type BenchOptions, resolveBenchOptions } from './bench/bench-options.js';
export { type BenchFigures, benchJson } from './bench/report.js';
export { TokenBucket } from './bench/token-bucket.js';
export { devEndpoints, endpointsEnv, resolveEndpoints } from './commands/common.js';
export { runDev } from './dev/dev-cluster.js';
export { type DevNode, type DevOptions, devDefaults, planDevCluster } from './dev/dev-plan.js';
export { buildProgram, type ProgramIo } from './program.js';
export { UsageError } from './usage-error.js';
