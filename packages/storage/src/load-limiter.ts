// Bounds the background range loads of the whole node (cache misses of every
// group) to `loadsInflightMax`. A group that finds no free slot is queued and
// woken when one frees: it then fires its onLoaded so the core retries, and
// the retry starts the load. Each group queues at most once (coalesced).

export class LoadLimiter {
  private inflight = 0;
  private readonly queued = new Set<() => void>();

  constructor(private readonly loadsInflightMax: number) {}

  /** Takes a slot if one is free. */
  tryAcquire(): boolean {
    if (this.inflight >= this.loadsInflightMax) return false;
    this.inflight++;
    return true;
  }

  /** Calls `wake` once, when a slot frees (a Set: the same callback queues once). */
  wakeWhenFree(wake: () => void): void {
    this.queued.add(wake);
  }

  release(): void {
    this.inflight--;
    const first = this.queued.values().next();
    if (!first.done) {
      this.queued.delete(first.value);
      first.value();
    }
  }

  get inflightCount(): number {
    return this.inflight;
  }
}
