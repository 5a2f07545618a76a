// @rheo/cli's public entry: the program (for tests and embedding) and the
// bench's parts that other tools may reuse.
export { type BenchOutput, runBench } from './bench/bench-command.js';
export { type BenchMode, type BenchOptions, resolveBenchOptions, UsageError } from './bench/bench-options.js';
export { type BenchFigures, benchJson } from './bench/report.js';
export { TokenBucket } from './bench/token-bucket.js';
export { buildProgram, type ProgramIo } from './program.js';
