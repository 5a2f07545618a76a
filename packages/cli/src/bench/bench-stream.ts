// The bench stream. A local cluster is given it as a static stream at start;
// a running cluster is asked to create it (CreateStream; an existing stream
// is fine, and a node without the admin service is assumed to have it
// configured). Either way the bench waits until every shard has a leader.
// The stream the bench creates runs unthrottled (bench-limits.ts) unless
// --kinesis-limits; an existing stream keeps its own limits.
import { tmpdir } from 'node:os';
import { dirname } from 'node:path';
import { isRheoError, type RheoClient } from '@rheo/client';
import { benchShardLimits } from './bench-limits.js';
import type { BenchOptions } from './bench-options.js';

/** How long a new stream may take to elect every shard's leader. */
const streamReadyTimeoutMs = 60_000;

export async function ensureStream(client: RheoClient, options: BenchOptions, local: boolean): Promise<void> {
  if (!local) {
    try {
      await client.admin.createStream(options.stream, {
        shardCount: options.shards,
        ...(options.kinesisLimits ? {} : { shardLimits: benchShardLimits }),
      });
    } catch (err) {
      // ResourceInUse: it exists. Unimplemented (bare status, read as Internal) or
      // InvalidArgument from a node with static streams only: use the stream as configured.
      if (!isRheoError(err, 'ResourceInUse', 'Internal', 'InvalidArgument', 'AccessDenied')) throw err;
    }
  }
  await client.admin.waitForActive(options.stream, streamReadyTimeoutMs);
}

/** The baseline writes beside the local cluster's data (same disk), else in the temp dir. */
export function baselineParentDir(clusterDir: string | undefined): string {
  return clusterDir === undefined ? tmpdir() : dirname(clusterDir);
}
