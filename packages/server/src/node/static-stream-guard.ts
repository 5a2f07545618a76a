// A static stream's shape (shard count and replicas) is fixed once a node
// holds its data: the hash ranges, group ids and founding voters all derive
// from it, so a node restarted with, say, 8 shards where its data dir holds
// 4 would route records into shards whose logs hold other ranges. The node
// remembers the shape of every static stream it hosts in the store's
// metadata keyspace (`static-stream/<name>`) and refuses to start, as a
// configuration error, when the configuration says otherwise.
import type { MetaStore } from '@rheo/storage';
import { ConfigError } from '../config/config-error.js';
import type { StaticStream } from './static-streams.js';

const KEY_PREFIX = 'static-stream/';

interface Shape {
  readonly shards: number;
  readonly replicas: readonly number[];
}

function describe(s: Shape): string {
  return `${s.shards} shard${s.shards === 1 ? '' : 's'} on nodes ${s.replicas.join(', ')}`;
}

/** Throws ConfigError when a hosted stream's shape differs from the one stored; stores new ones (synced). */
export async function checkStaticStreamShapes(
  meta: MetaStore,
  hosted: readonly StaticStream[],
  dataDir: string,
): Promise<void> {
  const problems: string[] = [];
  const puts: Array<[Uint8Array, Uint8Array]> = [];
  for (const stream of hosted) {
    const key = Buffer.from(`${KEY_PREFIX}${stream.name}`);
    const want: Shape = { shards: stream.shards.length, replicas: stream.replicas };
    const stored = await meta.get(key);
    if (stored === undefined) {
      puts.push([key, Buffer.from(JSON.stringify(want))]);
      continue;
    }
    const had = JSON.parse(Buffer.from(stored).toString('utf8')) as Shape;
    if (had.shards !== want.shards || had.replicas.join() !== want.replicas.join())
      problems.push(
        `streams: stream ${stream.name} has ${describe(had)} in ${dataDir}, but the configuration says ` +
          `${describe(want)}; a static stream keeps its shape: use a new stream name (or an empty data dir)`,
      );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  await meta.write({ puts, sync: true });
}
