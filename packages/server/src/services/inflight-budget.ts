// The node's bound on produce bytes received and not yet answered
// (`produce_inflight_bytes_max`), shared by every PutRecord(s) call and
// every Produce stream. Past it a batch is answered Backpressure: memory
// for batches in flight never grows without bound.
//
// It also tells Produce streams when the node is under pressure, so they
// shrink the windows they gave their clients before the hard bound is hit.
// Hysteresis (enter at 3/4 of the bound, leave at 1/2) keeps a node that
// hovers near one threshold from sending a window update per batch.
import assert from 'node:assert/strict';

/** Fractions of the bound where pressure starts and ends. */
export const pressureEnterFraction = 0.75;
export const pressureLeaveFraction = 0.5;

export class InflightBudget {
  private bytes = 0;
  private pressured = false;
  private readonly listeners = new Set<(pressured: boolean) => void>();

  constructor(readonly bytesMax: number) {
    assert(Number.isSafeInteger(bytesMax) && bytesMax > 0, `in-flight bound ${bytesMax}`);
  }

  get inflightBytes(): number {
    return this.bytes;
  }

  get underPressure(): boolean {
    return this.pressured;
  }

  /**
   * Takes `n` bytes if they fit; a batch alone is always let through (a
   * single batch above the bound could otherwise never be written).
   */
  tryAcquire(n: number): boolean {
    if (this.bytes > 0 && this.bytes + n > this.bytesMax) return false;
    this.bytes += n;
    this.update();
    return true;
  }

  release(n: number): void {
    this.bytes -= n;
    assert(this.bytes >= 0, 'released more in-flight bytes than were taken');
    this.update();
  }

  /** Calls `listener` each time pressure starts or ends; returns the unsubscribe function. */
  onPressure(listener: (pressured: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private update(): void {
    const next = this.pressured
      ? this.bytes > this.bytesMax * pressureLeaveFraction
      : this.bytes >= this.bytesMax * pressureEnterFraction;
    if (next === this.pressured) return;
    this.pressured = next;
    for (const l of this.listeners) l(next);
  }
}
