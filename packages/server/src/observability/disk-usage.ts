// How much disk the node's data directory takes and how much its file
// system has left. A directory walk costs a stat per file, so it runs at
// most once per interval (a minute by default) and scrapes in between see
// the last figures.
import { readdir, stat, statfs } from 'node:fs/promises';
import { join } from 'node:path';

export interface DiskFigures {
  /** Bytes of the files under the data directory. */
  readonly usedBytes: number;
  /** Bytes an unprivileged process may still write on its file system. */
  readonly freeBytes: number;
  /** Size of that file system. */
  readonly sizeBytes: number;
}

export const diskRefreshMsDefault = 60_000;

export class DiskUsage {
  private last: DiskFigures | undefined;
  private refreshedMs = Number.NEGATIVE_INFINITY;
  private running: Promise<DiskFigures | undefined> | undefined;

  constructor(
    readonly dir: string,
    private readonly refreshMs = diskRefreshMsDefault,
    private readonly monoMs: () => number = () => performance.now(),
  ) {}

  /** The figures, measured again first when older than the interval; undefined when they cannot be read. */
  figures(): Promise<DiskFigures | undefined> {
    if (this.monoMs() - this.refreshedMs < this.refreshMs) return Promise.resolve(this.last);
    this.running ??= this.measure().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async measure(): Promise<DiskFigures | undefined> {
    try {
      const [usedBytes, fs] = await Promise.all([treeBytes(this.dir), statfs(this.dir)]);
      this.last = { usedBytes, freeBytes: fs.bavail * fs.bsize, sizeBytes: fs.blocks * fs.bsize };
    } catch {
      // A data dir being removed (tests) or unreadable: keep the last figures; the next interval retries.
    }
    this.refreshedMs = this.monoMs();
    return this.last;
  }
}

/** Bytes of the regular files under `dir`; files that vanish during the walk (LevelDB compactions) count as 0. */
async function treeBytes(dir: string): Promise<number> {
  let total = 0;
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) total += await treeBytes(path);
    else if (e.isFile())
      total += await stat(path).then(
        (s) => s.size,
        () => 0,
      );
  }
  return total;
}
