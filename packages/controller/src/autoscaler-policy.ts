// The on-demand autoscaler's rule (docs/resharding.md), pure: from one
// stream's open shards, their current write rates and traffic split points,
// and the stream's 30-day peak, the next resharding decision and why.
//
// Capacity: a shard takes `shardWriteBytesPerS`; the stream keeps at least
// max(floorBytesPerS, 2 x its 30-day peak) of it, by splitting (the hottest
// shards first). A shard above `hotFraction` of its own capacity is split
// too, whatever the stream's total: at the hash key that halves its
// observed traffic when the broker reported one inside its range (so a
// skewed key space is served), else at its range's middle. Merges have
// hysteresis: only when the stream has held more shards than the rule needs
// for `mergeAfterMs`, at most once per `mergeIntervalMs`, one pair at a
// time, the adjacent pair with the least traffic, and only if that pair
// together runs under `mergeColdFraction` of one shard (well under the
// split threshold, so a merge never causes a split). Never below the floor.
import { formatHashKey, type HashRange } from '@rheo/wire';
import type { ReshardOp } from './reshard-plan.js';

export interface AutoscaleSettings {
  /** What one shard takes (Kinesis: 1 MiB/s). */
  readonly shardWriteBytesPerS: number;
  /** The least capacity an on-demand stream keeps (Kinesis: 4 MiB/s). */
  readonly floorBytesPerS: number;
  /** A shard above this fraction of its capacity is split. */
  readonly hotFraction: number;
  /** A merged pair must run under this fraction of one shard's capacity. */
  readonly mergeColdFraction: number;
  /** The stream must have had more shards than needed for this long before a merge. */
  readonly mergeAfterMs: number;
  /** At most one merge per stream per this interval. */
  readonly mergeIntervalMs: number;
  /** Length of a history bucket (the peak per bucket is kept for 30 days). */
  readonly historyBucketMs: number;
}

export const autoscaleDefaults: AutoscaleSettings = Object.freeze({
  shardWriteBytesPerS: 1024 * 1024,
  floorBytesPerS: 4 * 1024 * 1024,
  hotFraction: 0.5,
  mergeColdFraction: 0.25,
  mergeAfterMs: 6 * 3600 * 1000,
  mergeIntervalMs: 3600 * 1000,
  historyBucketMs: 3600 * 1000,
});

export interface ShardLoad {
  readonly shardId: string;
  readonly range: HashRange;
  readonly writeBytesPerS: number;
  /** The hash key below which half the shard's sampled traffic falls, if the broker reported one. */
  readonly splitKey?: bigint | undefined;
}

export interface AutoscaleInput {
  readonly nowMs: number;
  /** The stream's open shards (none of them being closed). */
  readonly open: readonly ShardLoad[];
  /** The highest write rate in the last 30 days, the current one included. */
  readonly peakBytesPerS: number;
  /** Since when the stream has had more shards than the rule needs (undefined: it has not). */
  readonly surplusSinceMs: number | undefined;
  readonly lastMergeMs: number | undefined;
}

export interface AutoscaleDecision {
  readonly kind: 'split' | 'merge';
  /** The rule that fired, a metrics label: capacity, hot-shard or surplus. */
  readonly cause: 'capacity' | 'hot-shard' | 'surplus';
  readonly ops: readonly ReshardOp[];
  readonly reason: string;
}

/** Shards the rule asks for: capacity max(floor, 2 x peak). */
export function shardsNeeded(peakBytesPerS: number, s: AutoscaleSettings): number {
  const capacity = Math.max(s.floorBytesPerS, 2 * peakBytesPerS);
  return Math.max(1, Math.ceil(capacity / s.shardWriteBytesPerS - 1e-9));
}

/** Where to split a shard: its traffic split point when inside (start, end], else its middle. */
export function splitPoint(load: ShardLoad): bigint | undefined {
  const { start, end } = load.range;
  if (end <= start) return undefined; // one key: cannot split
  const k = load.splitKey;
  if (k !== undefined && k > start && k <= end) return k;
  return start + (end - start + 1n) / 2n;
}

const mib = (bytesPerS: number): string => `${(bytesPerS / (1024 * 1024)).toFixed(2)} MiB/s`;

export function decide(input: AutoscaleInput, s: AutoscaleSettings): AutoscaleDecision | undefined {
  const open = input.open;
  const needed = shardsNeeded(input.peakBytesPerS, s);
  const byHeat = [...open]
    .filter((l) => splitPoint(l) !== undefined)
    .sort((a, b) => b.writeBytesPerS - a.writeBytesPerS || cmp(width(b.range), width(a.range)));
  if (open.length < needed) {
    const chosen = byHeat.slice(0, needed - open.length);
    if (chosen.length > 0)
      return {
        kind: 'split',
        cause: 'capacity',
        ops: chosen.map(splitOp),
        reason: `capacity ${mib(open.length * s.shardWriteBytesPerS)} is below max(floor ${mib(s.floorBytesPerS)}, 2 x 30-day peak ${mib(input.peakBytesPerS)}): ${open.length} shards, ${needed} needed`,
      };
  }
  const hot = byHeat.filter((l) => l.writeBytesPerS > s.hotFraction * s.shardWriteBytesPerS);
  if (hot.length > 0)
    return {
      kind: 'split',
      cause: 'hot-shard',
      ops: hot.map(splitOp),
      reason: `shard ${hot.map((l) => `${l.shardId} at ${mib(l.writeBytesPerS)}`).join(', ')} above ${Math.round(s.hotFraction * 100)}% of a shard's ${mib(s.shardWriteBytesPerS)}`,
    };
  return mergeDecision(input, needed, s);
}

function mergeDecision(
  input: AutoscaleInput,
  needed: number,
  s: AutoscaleSettings,
): AutoscaleDecision | undefined {
  const open = [...input.open].sort((a, b) => cmp(a.range.start, b.range.start));
  if (open.length <= needed || input.surplusSinceMs === undefined) return undefined;
  if (input.nowMs - input.surplusSinceMs < s.mergeAfterMs) return undefined;
  if (input.lastMergeMs !== undefined && input.nowMs - input.lastMergeMs < s.mergeIntervalMs)
    return undefined;
  let best: [ShardLoad, ShardLoad] | undefined;
  for (let i = 0; i + 1 < open.length; i++) {
    const pair: [ShardLoad, ShardLoad] = [open[i]!, open[i + 1]!];
    if (pair[0].range.end + 1n !== pair[1].range.start) continue;
    if (best === undefined || rate(pair) < rate(best)) best = pair;
  }
  if (best === undefined || rate(best) >= s.mergeColdFraction * s.shardWriteBytesPerS) return undefined;
  return {
    kind: 'merge',
    cause: 'surplus',
    ops: [{ kind: 'merge', shardId: best[0].shardId, adjacentShardId: best[1].shardId }],
    reason: `${open.length} shards where ${needed} meet max(floor, 2 x 30-day peak ${mib(input.peakBytesPerS)}) for ${Math.round((input.nowMs - input.surplusSinceMs) / 60000)} min; ${best[0].shardId} + ${best[1].shardId} carry ${mib(rate(best))}`,
  };
}

function splitOp(l: ShardLoad): ReshardOp {
  return { kind: 'split', shardId: l.shardId, newStartingHashKey: formatHashKey(splitPoint(l)!) };
}

const rate = (pair: readonly [ShardLoad, ShardLoad]): number =>
  pair[0].writeBytesPerS + pair[1].writeBytesPerS;
const width = (r: HashRange): bigint => r.end - r.start;

function cmp(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
