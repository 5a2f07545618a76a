// The start-up check of the data directory's file system: reading the mount
// table, finding the mount under a path, and which options it warns about.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkDataVolume,
  dataVolumeWarnings,
  type MountEntry,
  mountOf,
  parseMountInfo,
} from '../src/index.js';

// Shaped as this machine's /proc/self/mountinfo, with a nested data volume, a
// mount point with a space, and a mount stacked over another.
const table = [
  '22 27 0:21 / /proc rw,relatime - proc proc rw',
  '27 1 254:0 / / rw,relatime - ext4 /dev/vda rw,discard,resv_strict',
  '30 27 259:1 / /var/lib/rheo rw,noatime shared:12 - xfs /dev/nvme1n1 rw,attr2,inode64,noquota',
  '31 27 259:2 / /mnt/fast\\040disk rw,relatime - ext4 /dev/nvme2n1 rw,nodiscard',
  '32 27 259:3 / /srv rw,relatime - ext4 /dev/sdb rw,discard',
  '33 32 259:4 / /srv rw,relatime - btrfs /dev/sdc rw,ssd,discard=async,space_cache=v2',
  'not a mountinfo line',
  '',
].join('\n');

describe('data volume check', () => {
  it('parses mountinfo: mount point (unescaped), type, source and both option lists', () => {
    const mounts = parseMountInfo(table);
    expect(mounts).toHaveLength(6);
    expect(mounts[1]).toEqual({
      mountPoint: '/',
      fsType: 'ext4',
      source: '/dev/vda',
      options: ['rw', 'relatime', 'rw', 'discard', 'resv_strict'],
    });
    expect(mounts[2]!.mountPoint).toBe('/var/lib/rheo');
    expect(mounts[2]!.fsType).toBe('xfs');
    expect(mounts[3]!.mountPoint).toBe('/mnt/fast disk');
  });

  it('finds the deepest mount above a path, on whole path components, the later of two stacked', () => {
    const mounts = parseMountInfo(table);
    expect(mountOf('/var/lib/rheo/data', mounts)?.fsType).toBe('xfs');
    expect(mountOf('/var/lib/rheo', mounts)?.fsType).toBe('xfs');
    expect(mountOf('/var/lib/rheo2/data', mounts)?.mountPoint).toBe('/');
    expect(mountOf('/mnt/fast disk/node-1', mounts)?.source).toBe('/dev/nvme2n1');
    expect(mountOf('/srv/rheo', mounts)?.fsType).toBe('btrfs');
    expect(mountOf('/tmp/x', mounts)?.source).toBe('/dev/vda');
    expect(mountOf('/tmp/x', [])).toBeUndefined();
  });

  it('warns about online discard only', () => {
    const mounts = parseMountInfo(table);
    const at = (path: string) => dataVolumeWarnings(mountOf(path, mounts)!).map((w) => w.option);
    expect(at('/tmp')).toEqual(['discard']);
    expect(at('/var/lib/rheo')).toEqual([]);
    expect(at('/mnt/fast disk')).toEqual([]);
    expect(at('/srv')).toEqual([]); // btrfs discard=async: queued off the write path
    const m = (options: string[]): MountEntry => ({ mountPoint: '/', fsType: 'xfs', source: 'd', options });
    expect(dataVolumeWarnings(m(['rw', 'discard=sync'])).map((w) => w.option)).toEqual(['discard=sync']);
    expect(dataVolumeWarnings(m(['rw', 'discard', 'nodiscard']))).toEqual([]);
    expect(dataVolumeWarnings(m(['rw', 'discard']))[0]!.why).toMatch(/fstrim/);
  });

  it('reads the table for the resolved data directory, and says nothing when it cannot', async () => {
    const report = await checkDataVolume(
      'data',
      async () => table,
      async () => '/tmp/rheo/data',
    );
    expect(report).toMatchObject({ dataDir: '/tmp/rheo/data', mount: { source: '/dev/vda' } });
    expect(report.warnings.map((w) => w.option)).toEqual(['discard']);
    const missing = async (): Promise<string> => {
      throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
    };
    expect(await checkDataVolume('/x', missing, async (p) => p)).toEqual({
      dataDir: '/x',
      mount: undefined,
      warnings: [],
    });
    expect(await checkDataVolume('/x', async () => table, missing)).toMatchObject({ warnings: [] });
  });

  it('never throws on arbitrary mount tables, and every mount it returns came from a well-formed line', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom('a', ' ', '-', '/', ',', '\\', '0', '4', '\n') })),
        (lines) => {
          const mounts = parseMountInfo(lines.join('\n'));
          for (const m of mounts) {
            expect(typeof m.mountPoint).toBe('string');
            dataVolumeWarnings(m);
          }
          mountOf('/a/b', mounts);
        },
      ),
    );
  });
});
