// The `streams` key: streams whose shards and replica sets are given by
// hand (until the controller places shards). In the YAML file it is a list
// of mappings; flags and the environment carry one string,
// `name:shards:id,id,...` per stream, streams separated by `;`:
//
//   --streams 'orders:4:1,2,3;audit:1:1'
//
// Every node derives the same shards from it (node/static-streams.ts), so
// every node must be given the same list.
import { z } from 'zod';

/** One statically configured stream. */
export interface StaticStreamConfig {
  /** Kinesis stream name rules: 1..128 letters, digits, `_`, `.`, `-`. */
  readonly name: string;
  /** Number of shards; the hash-key space is split evenly among them. */
  readonly shards: number;
  /** Node ids of every shard's replicas (its founding Raft voters); 1 is allowed. */
  readonly replicas: readonly number[];
}

/** Bound on the shards of one static stream (each is a Raft group on each of its replicas). */
export const staticStreamShardsMax = 1024;
/** Bound on a static stream's replicas (Raft voters per shard). */
export const staticStreamReplicasMax = 7;

const STREAM_NAME_RE = /^[A-Za-z0-9_.-]{1,128}$/;
const TEXT_ENTRY_RE = /^([^:]*):([^:]*):(.*)$/;

/**
 * The text form (flags, environment) as the list form, or the text itself
 * when it does not have the `name:shards:ids` shape (the schema then says what
 * it expected). Also used by load-config.ts to show the value an issue is about.
 */
export function parseStreamsText(text: string): unknown {
  const entries = text
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const out: unknown[] = [];
  for (const entry of entries) {
    const m = TEXT_ENTRY_RE.exec(entry);
    if (m === null) return text;
    out.push({
      name: m[1]!.trim(),
      shards: m[2]!.trim(),
      replicas: m[3]!
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    });
  }
  return out;
}

function intFromString(v: unknown): unknown {
  return typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v.trim()) : v;
}

function replicasFromString(v: unknown): unknown {
  return typeof v === 'string' ? v.split(',').map((s) => intFromString(s.trim())) : v;
}

const replicaExpected = 'a positive node id';
const shardsExpected = `an integer from 1 to ${staticStreamShardsMax}`;
const replicasExpected = `a list of 1 to ${staticStreamReplicasMax} node ids`;

const streamSchema = z.strictObject(
  {
    name: z
      .string({ error: 'a stream name of 1 to 128 letters, digits, "_", "." or "-"' })
      .regex(STREAM_NAME_RE, { error: 'a stream name of 1 to 128 letters, digits, "_", "." or "-"' }),
    shards: z.preprocess(
      intFromString,
      z
        .int({ error: shardsExpected })
        .min(1, { error: shardsExpected })
        .max(staticStreamShardsMax, { error: shardsExpected }),
    ),
    replicas: z.preprocess(
      replicasFromString,
      z
        .array(
          z.preprocess(
            intFromString,
            z
              .int({ error: replicaExpected })
              .min(1, { error: replicaExpected })
              .max(2 ** 31 - 1, { error: replicaExpected }),
          ),
          { error: replicasExpected },
        )
        .min(1, { error: replicasExpected })
        .max(staticStreamReplicasMax, { error: replicasExpected }),
    ),
  },
  { error: 'a stream as {name, shards, replicas}' },
);

/** The `streams` field: a YAML list of {name, shards, replicas}, or the text form. */
export function streamsField() {
  return z.preprocess(
    (v) => (typeof v === 'string' ? parseStreamsText(v) : v),
    z.array(streamSchema, { error: 'a list of streams, as name:shards:id,id,... separated by ";"' }),
  );
}
