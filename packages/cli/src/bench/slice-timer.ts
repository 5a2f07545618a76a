// What the bench's machine samplers (CPU, disks) share: reading a /proc file,
// and a timer that takes a reading every slice while the bench measures.
import { readFileSync } from 'node:fs';

export type ReadText = (path: string) => string;

export const readText: ReadText = (path) => readFileSync(path, 'utf8');

export class SliceTimer {
  private timer: ReturnType<typeof setInterval> | undefined;

  /** Takes a first reading now, then one every sliceMs until stop(); nothing more if the first fails. */
  start(sliceMs: number, sample: (nowMs: number) => boolean): void {
    if (this.timer !== undefined || !sample(performance.now())) return;
    this.timer = setInterval(() => sample(performance.now()), sliceMs);
    // The bench's own work decides when the process exits, never a sampler.
    this.timer.unref();
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }
}
