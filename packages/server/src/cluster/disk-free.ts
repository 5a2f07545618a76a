// Free bytes on the data disk, for the node heartbeat (placement avoids full
// disks). statfs is a system call per ask, so the figure is refreshed in the
// background at most once per `refreshMs`; an ask returns the last figure at
// once and never waits.
import { statfs } from 'node:fs/promises';

export const diskFreeRefreshMsDefault = 10_000;

export class DiskFree {
  private bytesFree = 0;
  private refreshedAtMs = Number.NEGATIVE_INFINITY;
  private refreshing: Promise<void> | undefined;
  private failed = false;

  constructor(
    private readonly dir: string,
    private readonly nowMs: () => number,
    private readonly onError: (err: unknown) => void,
    private readonly refreshMs = diskFreeRefreshMsDefault,
  ) {}

  /** The last figure (0 until the first statfs answered); starts a refresh when it is older than refreshMs. */
  bytes(): number {
    if (this.nowMs() - this.refreshedAtMs >= this.refreshMs) void this.refresh();
    return this.bytesFree;
  }

  /** Reads the figure now (one statfs at a time). */
  refresh(): Promise<void> {
    this.refreshing ??= statfs(this.dir)
      .then(
        (s) => {
          this.bytesFree = Number(s.bavail) * Number(s.bsize);
          this.failed = false;
        },
        (err: unknown) => {
          // Logged once per run of failures: a vanished data dir fails every time.
          if (!this.failed) this.onError(err);
          this.failed = true;
        },
      )
      .finally(() => {
        this.refreshedAtMs = this.nowMs();
        this.refreshing = undefined;
      });
    return this.refreshing;
  }
}
