// Latency histograms (HDR, 3 significant digits) recorded in microseconds
// and reported in milliseconds, so sub-millisecond acks keep their precision.
import * as hdr from 'hdr-histogram-js';

/** Longest latency tracked: one hour, in µs (longer ones are clamped). */
const latencyUsMax = 3_600_000_000;

export interface LatencySummary {
  readonly count: number;
  readonly p50Ms: number;
  readonly p90Ms: number;
  readonly p99Ms: number;
  readonly p999Ms: number;
  readonly maxMs: number;
}

export class LatencyRecorder {
  private readonly histogram = hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: latencyUsMax,
    numberOfSignificantValueDigits: 3,
  });

  recordMs(ms: number): void {
    this.histogram.recordValue(Math.min(latencyUsMax, Math.max(1, Math.round(ms * 1000))));
  }

  get count(): number {
    return this.histogram.totalCount;
  }

  summary(): LatencySummary {
    const h = this.histogram;
    const at = (p: number) => (h.totalCount === 0 ? 0 : round3(h.getValueAtPercentile(p) / 1000));
    return {
      count: h.totalCount,
      p50Ms: at(50),
      p90Ms: at(90),
      p99Ms: at(99),
      p999Ms: at(99.9),
      maxMs: h.totalCount === 0 ? 0 : round3(h.maxValue / 1000),
    };
  }
}

export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
