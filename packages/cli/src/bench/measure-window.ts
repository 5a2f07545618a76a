// When the measured part of a bench run begins. Records sent before it (the
// warm-up, `--warmup`) are produced, acknowledged and read like any other,
// and counted in the progress line, but not in the figures: a throwaway
// cluster's node processes spend their first seconds compiling their hot
// paths (V8's optimizing compiler showed up as a large share of the nodes'
// CPU in the first ~20 s, docs/bench.md), and a steady-state figure is what
// a long-running cluster gives. A record belongs to the window by the time
// it was sent: by the monotonic clock for acknowledgements, by the wall-clock
// time embedded in its data for reads (payload.ts).
import { wallClockMs } from './payload.js';

export class MeasureWindow {
  private fromMonotonicMs = Number.POSITIVE_INFINITY;
  private fromWallMs = Number.POSITIVE_INFINITY;

  /** Sending starts now; measuring starts `warmupMs` later. */
  start(warmupMs: number): void {
    this.fromMonotonicMs = performance.now() + warmupMs;
    this.fromWallMs = wallClockMs() + warmupMs;
  }

  /** performance.now() at which measuring starts (infinite before start()). */
  get startMs(): number {
    return this.fromMonotonicMs;
  }

  /** Was a record sent at this performance.now() time measured? */
  sentInWindow(sentMonotonicMs: number): boolean {
    return sentMonotonicMs >= this.fromMonotonicMs;
  }

  /** Was a record whose data says it was sent at this wall-clock time measured? */
  sentWallInWindow(sentWallMs: number): boolean {
    return sentWallMs >= this.fromWallMs;
  }
}
