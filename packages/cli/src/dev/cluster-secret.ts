// The dev cluster's secret (cluster_secret: it signs iterator tokens and
// authenticates nodes to each other): made once, kept in <dataDir>/secret
// (owner-only), and reused at every start so iterators and the nodes' data
// stay valid across restarts.
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { clusterSecretCharsMin } from '@rheo/server';

export async function devClusterSecret(dataDir: string): Promise<string> {
  const path = join(dataDir, 'secret');
  try {
    const kept = (await readFile(path, 'utf8')).trim();
    if (kept.length >= clusterSecretCharsMin) return kept;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const secret = randomBytes(32).toString('hex');
  await writeFile(path, `${secret}\n`, { mode: 0o600 });
  return secret;
}
