// `--latency-log <file>`: every measured acknowledgement's wall-clock time and
// latency, for lining a run's slow moments up with what else happened then
// (the nodes' logs and `--trace-gc` output, LevelDB's LOG, /proc samples).
// The histograms say how slow the tail is; this says when, and whether it
// comes in episodes. That is how the nodes' full marks every five seconds
// were found (docs/bench.md, "2026-12-02, fifth").
//
// Samples go into preallocated chunks of a Float64Array, two numbers each,
// so logging costs no allocation per acknowledgement; past `samplesMax` the
// rest are counted and dropped.
import { writeFile } from 'node:fs/promises';

/** Samples per chunk (two float64 each: 512 KiB). */
const chunkSamples = 32_768;
/** About 10 minutes at 30,000 acknowledgements/s: 290 MB of samples. */
export const latencyLogSamplesMax = 18_000_000;

export class LatencyLog {
  private readonly chunks: Float64Array[] = [];
  private filled = chunkSamples;
  private count = 0;
  private droppedCount = 0;

  constructor(private readonly samplesMax = latencyLogSamplesMax) {}

  /** One acknowledgement: when it came (ms since the epoch) and its latency (ms). */
  record(ackAtMs: number, latencyMs: number): void {
    if (this.count >= this.samplesMax) {
      this.droppedCount++;
      return;
    }
    if (this.filled === chunkSamples) {
      this.chunks.push(new Float64Array(chunkSamples * 2));
      this.filled = 0;
    }
    const chunk = this.chunks[this.chunks.length - 1]!;
    chunk[this.filled * 2] = ackAtMs;
    chunk[this.filled * 2 + 1] = latencyMs;
    this.filled++;
    this.count++;
  }

  get samples(): number {
    return this.count;
  }

  get dropped(): number {
    return this.droppedCount;
  }

  /** CSV text: a header, then `ack_unix_ms,latency_ms` per acknowledgement in the order they came. */
  csv(): string {
    const lines = ['ack_unix_ms,latency_ms'];
    let left = this.count;
    for (const chunk of this.chunks) {
      const n = Math.min(left, chunkSamples);
      for (let i = 0; i < n; i++) lines.push(`${chunk[i * 2]!.toFixed(3)},${chunk[i * 2 + 1]!.toFixed(3)}`);
      left -= n;
    }
    return `${lines.join('\n')}\n`;
  }

  async write(path: string): Promise<void> {
    await writeFile(path, this.csv());
  }
}
