// A stream's per-shard throughput limits in the metadata (docs/limits.md):
// set at CreateStream (a Rheo extension field) and changed by the
// SetStreamLimits command. A field left out takes the cluster's value
// (node config); every broker reads the stream's record from its metadata
// and applies it to the shards it leads.
import { type Refusal, refuse, streamNotFound } from './kinesis-rules.js';
import type { MetaTables } from './meta-tables.js';
import { corrupt, int, type Json, obj } from './shape.js';
import type { ApplyOutcome, MetaCommand } from './types.js';

/** Per-shard rates a stream overrides; the same shape as @rheo/broker's ShardLimitsOverride. */
export interface StreamShardLimits {
  readonly writeBytesPerS?: number;
  readonly writeRecordsPerS?: number;
  readonly readBytesPerS?: number;
  readonly readCallsPerS?: number;
}

export type LimitsCommand = { type: 'SetStreamLimits'; name: string; shardLimits: StreamShardLimits };

const limitKeys = ['writeBytesPerS', 'writeRecordsPerS', 'readBytesPerS', 'readCallsPerS'] as const;
/** The wire carries records and calls as uint32. */
const countKeys: ReadonlySet<string> = new Set(['writeRecordsPerS', 'readCallsPerS']);
const uint32Max = 0xffff_ffff;

/** InvalidArgument unless every given rate is a positive integer (records and calls within uint32). */
export function shardLimitsProblem(l: StreamShardLimits): Refusal | undefined {
  for (const k of limitKeys) {
    const v = l[k];
    if (v === undefined) continue;
    const max = countKeys.has(k) ? uint32Max : Number.MAX_SAFE_INTEGER;
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 1 || v > max)
      return refuse(
        'InvalidArgument',
        `shard limit ${k} must be an integer from 1 to ${max}, got ${String(v)}`,
        'ShardLimits',
      );
  }
  return undefined;
}

/** The limits without absent fields, frozen; undefined when none is set. */
export function compactShardLimits(l: StreamShardLimits | undefined): StreamShardLimits | undefined {
  if (l === undefined) return undefined;
  const out: Record<string, number> = {};
  for (const k of limitKeys) if (l[k] !== undefined) out[k] = l[k];
  return Object.keys(out).length === 0 ? undefined : Object.freeze(out);
}

export function applySetStreamLimits(
  t: MetaTables,
  cmd: Extract<MetaCommand, { type: 'SetStreamLimits' }>,
): ApplyOutcome {
  const s = t.streams.get(cmd.name);
  if (s === undefined) return streamNotFound(cmd.name, t.clusterId);
  const problem = shardLimitsProblem(cmd.shardLimits);
  if (problem !== undefined) return problem;
  const { shardLimits: _old, ...rest } = s;
  const limits = compactShardLimits(cmd.shardLimits);
  t.streams.set(s.name, Object.freeze(limits === undefined ? rest : { ...rest, shardLimits: limits }));
  return { ok: true };
}

/** Decodes a limits object (log entry or snapshot); undefined when absent. */
export function readShardLimits(v: Json, path: string): StreamShardLimits | undefined {
  if (v === undefined) return undefined;
  const o = obj(v, path);
  const out: Record<string, number> = {};
  for (const [k, x] of Object.entries(o)) {
    if (!(limitKeys as readonly string[]).includes(k)) throw corrupt(`${path}.${k} is not a shard limit`);
    out[k] = int(x, `${path}.${k}`);
  }
  return Object.freeze(out);
}

/** The stream record's optional field, as a spread. */
export function shardLimitsField(v: Json, path: string): { shardLimits?: StreamShardLimits } {
  const l = readShardLimits(v, path);
  return l === undefined ? {} : { shardLimits: l };
}

export const limitsCommandReaders: Record<string, (o: Record<string, Json>) => MetaCommand> = {
  SetStreamLimits: (o) => {
    if (typeof o.name !== 'string') throw corrupt('name is not a string');
    return {
      type: 'SetStreamLimits',
      name: o.name,
      shardLimits: readShardLimits(o.shardLimits, 'shardLimits') ?? {},
    };
  },
};
