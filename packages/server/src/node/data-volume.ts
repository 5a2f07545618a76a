// The file system under the data directory, read once at start-up from
// /proc/self/mountinfo, and the mount options known to hurt a node's write
// latency there. The node says so in its log; it starts either way.
//
// Online discard (`-o discard`): when a file is deleted, the file system asks
// the device to discard the freed blocks before the delete returns (ext4
// without a journal; with a journal the commit that fsync waits for carries
// the discards). LevelDB (1.20, bundled by classic-level) deletes the log of
// every flushed memtable and the inputs of every compaction while it holds
// the lock each write takes first, so the node's writes wait for the
// device's discards. On the project's 2-core VM (ext4, no journal) deleting a
// 16 MB log took 13-16 ms, and the nodes had four times as many synced writes
// over 25 ms with discard as without (docs/bench.md, "2026-12-02, sixth").
// Periodic `fstrim` gives the device the same information off the write path;
// btrfs's `discard=async` queues discards in the background and is left alone.
import { readFile, realpath } from 'node:fs/promises';
import { sep } from 'node:path';

export interface MountEntry {
  readonly mountPoint: string;
  readonly fsType: string;
  readonly source: string;
  /** The mount's own options and the file system's (super block) options, in that order. */
  readonly options: readonly string[];
}

export interface DataVolumeWarning {
  readonly option: string;
  readonly why: string;
}

export interface DataVolumeReport {
  readonly dataDir: string;
  /** Undefined where the mount table cannot be read (not Linux) or holds no mount for the path. */
  readonly mount: MountEntry | undefined;
  readonly warnings: readonly DataVolumeWarning[];
}

/** mountinfo escapes space, tab, newline and backslash as octal (`\040`). */
function unescapeField(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_m, oct: string) => String.fromCharCode(Number.parseInt(oct, 8)));
}

/**
 * Parses /proc/self/mountinfo (proc(5)): `id parent major:minor root
 * mount-point mount-options [optional fields...] - fstype source
 * super-options`. Lines it cannot read are skipped.
 */
export function parseMountInfo(text: string): MountEntry[] {
  const mounts: MountEntry[] = [];
  for (const line of text.split('\n')) {
    const fields = line.trim().split(' ');
    const dash = fields.indexOf('-');
    if (dash < 6 || fields.length < dash + 4) continue;
    mounts.push({
      mountPoint: unescapeField(fields[4]!),
      fsType: fields[dash + 1]!,
      source: unescapeField(fields[dash + 2]!),
      options: [...fields[5]!.split(','), ...fields[dash + 3]!.split(',')],
    });
  }
  return mounts;
}

function isUnder(path: string, mountPoint: string): boolean {
  if (mountPoint === '/') return path.startsWith('/');
  return path === mountPoint || path.startsWith(mountPoint + sep);
}

/** The mount that holds `path` (absolute, symlinks resolved): the longest mount point above it, the last one mounted there. */
export function mountOf(path: string, mounts: readonly MountEntry[]): MountEntry | undefined {
  let best: MountEntry | undefined;
  for (const m of mounts) {
    if (!isUnder(path, m.mountPoint)) continue;
    // Later lines are mounted later: one mounted over another at the same point hides it.
    if (best === undefined || m.mountPoint.length >= best.mountPoint.length) best = m;
  }
  return best;
}

/** What in a mount's options is known to slow a node's writes. */
export function dataVolumeWarnings(mount: MountEntry): DataVolumeWarning[] {
  const warnings: DataVolumeWarning[] = [];
  const discard = mount.options.find((o) => o === 'discard' || o === 'discard=sync');
  if (discard !== undefined && !mount.options.includes('nodiscard')) {
    warnings.push({
      option: discard,
      why: "online discard: every file LevelDB deletes (after each memtable flush and compaction) waits for the device to discard its blocks, and the node's writes wait behind it; mount with nodiscard and run fstrim on a schedule",
    });
  }
  return warnings;
}

/** Reads the mount table and checks the mount under `dataDir`; never throws. */
export async function checkDataVolume(
  dataDir: string,
  read: (path: string) => Promise<string> = (p) => readFile(p, 'utf8'),
  resolve: (path: string) => Promise<string> = realpath,
): Promise<DataVolumeReport> {
  let path: string;
  let table: string;
  try {
    path = await resolve(dataDir);
    table = await read('/proc/self/mountinfo');
  } catch {
    return { dataDir, mount: undefined, warnings: [] };
  }
  const mount = mountOf(path, parseMountInfo(table));
  return { dataDir: path, mount, warnings: mount === undefined ? [] : dataVolumeWarnings(mount) };
}
