// For sibling packages' tests and tools only: the key layout and the value
// codecs (e.g. to inspect or damage a store on purpose). Not a stable API.

export * from './keys.js';
export * from './records.js';
export * from './sealed-value.js';
export { type SegmentRun, SegmentRuns } from './segment-runs.js';
export { TermRuns } from './term-runs.js';
