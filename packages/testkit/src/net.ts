// Ports and folders for tests. Servers in tests listen on 127.0.0.1 only.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const LOOPBACK = '127.0.0.1';

/**
 * Ports the OS reports free on 127.0.0.1 right now. All the listeners stay
 * open until every port is known, so one call never returns the same port
 * twice. Another process can still take a port before the caller binds it.
 * Tests that start servers should therefore retry on EADDRINUSE.
 */
export async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<import('node:net').Server>((resolve, reject) => {
          const s = createServer();
          s.once('error', reject);
          s.listen(0, LOOPBACK, () => resolve(s));
        }),
    ),
  );
  const ports = servers.map((s) => {
    const addr = s.address();
    if (addr === null || typeof addr === 'string') throw new Error('expected a TCP address');
    return addr.port;
  });
  await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  return ports;
}

/** A fresh folder under the OS temp dir, and a function that removes it. */
export async function tempDir(prefix: string): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), `rheo-${prefix}-`));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}
