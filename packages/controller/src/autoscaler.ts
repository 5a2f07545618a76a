// The on-demand autoscaler in the active controller: each tick it folds the
// streams' current write rates into their 30-day history (RecordWriteThroughput,
// only when a bucket's peak rises) and asks the policy (autoscaler-policy.ts)
// for a decision on each ACTIVE ON_DEMAND stream. Every decision is logged
// with its reason and counted (`counts`, read by the metrics).
//
// Kept in memory only: since when a stream has had surplus shards. A new
// active controller starts that clock again, which only delays a merge.
import {
  type AutoscaleDecision,
  type AutoscaleSettings,
  autoscaleDefaults,
  decide,
  type ShardLoad,
  shardsNeeded,
} from './autoscaler-policy.js';
import { historyWindowMs } from './meta-apply-reshard-capacity.js';
import type { MetaState } from './meta-state.js';
import { closingShards, isPending } from './reshard-lineage.js';
import type { MetaCommand } from './types.js';

/** A bucket's peak is written again only when the rate passes it by this factor. */
const historyRiseMin = 1.1;

/** What a shard's leader reported: its write rate and traffic split point. */
export interface ReportedLoad {
  readonly writeBytesPerS: number;
  readonly splitKey?: bigint | undefined;
}

export interface AutoscaleCounts {
  splitDecisions: number;
  mergeDecisions: number;
  splitsProposed: number;
  mergesProposed: number;
}

export interface AutoscalePlan {
  /** The history sample to record first, if a bucket's peak rose. */
  readonly record: MetaCommand | undefined;
  readonly decisions: ReadonlyArray<{ readonly stream: string } & AutoscaleDecision>;
}

export class Autoscaler {
  readonly settings: AutoscaleSettings;
  readonly counts: AutoscaleCounts = {
    splitDecisions: 0,
    mergeDecisions: 0,
    splitsProposed: 0,
    mergesProposed: 0,
  };
  readonly #surplusSince = new Map<string, number>();

  constructor(settings: Partial<AutoscaleSettings> = {}) {
    this.settings = Object.freeze({ ...autoscaleDefaults, ...settings });
  }

  /** The stream's write rate now: the sum over its open shards' reported rates. */
  static streamRate(state: MetaState, name: string, loads: ReadonlyMap<number, ReportedLoad>): number {
    let sum = 0;
    for (const s of state.shardsOf(name)) if (s.open) sum += loads.get(s.groupId)?.writeBytesPerS ?? 0;
    return sum;
  }

  /** The highest rate over the last 30 days of history and `current`. */
  static peak(state: MetaState, name: string, nowMs: number, current: number): number {
    let peak = current;
    for (const b of state.reshard(name).history)
      if (b.startMs > nowMs - historyWindowMs) peak = Math.max(peak, b.peakBytesPerS);
    return peak;
  }

  plan(state: MetaState, nowMs: number, loads: ReadonlyMap<number, ReportedLoad>): AutoscalePlan {
    const bucketStartMs = Math.floor(nowMs / this.settings.historyBucketMs) * this.settings.historyBucketMs;
    const samples: { streamName: string; bucketStartMs: number; peakBytesPerS: number }[] = [];
    const decisions: Array<{ stream: string } & AutoscaleDecision> = [];
    for (const stream of state.streams()) {
      if (stream.status === 'DELETING' || stream.status === 'CREATING') continue;
      const rate = Autoscaler.streamRate(state, stream.name, loads);
      const last = state.reshard(stream.name).history.at(-1);
      const recorded = last?.startMs === bucketStartMs ? last.peakBytesPerS : -1;
      // A bucket's first sample, then only a rise of more than a tenth: each one is a metadata write.
      if (recorded < 0 || rate > recorded * historyRiseMin)
        samples.push({ streamName: stream.name, bucketStartMs, peakBytesPerS: rate });
      if (stream.mode !== 'ON_DEMAND' || stream.status !== 'ACTIVE') {
        this.#surplusSince.delete(stream.name);
        continue;
      }
      const d = this.#decideOne(state, stream.name, nowMs, rate, loads);
      if (d !== undefined) decisions.push({ stream: stream.name, ...d });
    }
    const record: MetaCommand | undefined =
      samples.length > 0 ? { type: 'RecordWriteThroughput', samples } : undefined;
    return { record, decisions };
  }

  #decideOne(
    state: MetaState,
    name: string,
    nowMs: number,
    rate: number,
    loads: ReadonlyMap<number, ReportedLoad>,
  ): AutoscaleDecision | undefined {
    const shards = state.shardsOf(name);
    if (shards.some(isPending) || closingShards(shards).length > 0) return undefined;
    const open: ShardLoad[] = shards
      .filter((s) => s.open)
      .map((s) => ({
        shardId: s.shardId,
        range: s.hashRange,
        writeBytesPerS: loads.get(s.groupId)?.writeBytesPerS ?? 0,
        splitKey: loads.get(s.groupId)?.splitKey,
      }));
    const peak = Autoscaler.peak(state, name, nowMs, rate);
    if (open.length > shardsNeeded(peak, this.settings)) {
      if (!this.#surplusSince.has(name)) this.#surplusSince.set(name, nowMs);
    } else this.#surplusSince.delete(name);
    const d = decide(
      {
        nowMs,
        open,
        peakBytesPerS: peak,
        surplusSinceMs: this.#surplusSince.get(name),
        lastMergeMs: state.reshard(name).lastAutoMergeMs,
      },
      this.settings,
    );
    if (d === undefined) return undefined;
    if (d.kind === 'split') this.counts.splitDecisions++;
    else this.counts.mergeDecisions++;
    return d;
  }
}
