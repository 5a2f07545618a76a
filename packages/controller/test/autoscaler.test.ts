// The on-demand autoscaler over 30 simulated days, plus the long quiet that
// follows, on an injected clock (issue 6, test 7b). The real metadata state
// machine and the real controller step (autoscaleTick) run every 30
// simulated minutes against synthetic traffic; a split or merge is
// completed at once (its parents closed, the stream ACTIVE again), as the
// brokers would within a few heartbeats. Phases:
//   ramp    days 0-5      1 -> 6 MiB/s, keys uniform
//   spike   day 5.5       20 MiB/s for 6 hours
//   skew    days 6-15     3 MiB/s, 80% of it in 1/16 of the key space
//   quiet   days 15-70    0.2 MiB/s
// Proven, at every step after the controller's step, with the rate of that
// step: capacity (open shards x 1 MiB/s) >= max(4 MiB/s, 2 x the 30-day
// peak), no shard above half its own capacity, never below the 4-shard floor;
// in the skew phase the hot range is split at its traffic's median (more
// shards over it than its width gives); in the quiet phase nothing merges
// while the spike is within 30 days, then merges (at most one an hour, each
// after 6 hours of surplus) bring the stream back to the floor. Every
// decision has a reason and is counted. Shard counts per phase are printed.
import { hashKeyMax } from '@rheo/wire';
import { describe, expect, it } from 'vitest';
import { Autoscaler, type ReportedLoad } from '../src/autoscaler.js';
import { autoscaleTick } from '../src/autoscaler-tick.js';
import { controllerConfig, type MetaCommand, type ShardRecord } from '../src/index.js';
import { Observations } from '../src/observations.js';
import { closingShards } from '../src/reshard-lineage.js';
import { registerCmd } from './fixtures.js';
import { SimMeta } from './sim-cluster.js';

const MiB = 1024 * 1024;
const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
const keys = hashKeyMax + 1n;
/** The hot key range of the skew phase: the first 1/16 of the key space. */
const hotEnd = keys / 16n;

interface Traffic {
  readonly bytesPerS: number;
  /** Share of the traffic in [0, hotEnd); the rest is spread uniformly over the remaining keys. */
  readonly hotShare: number;
}

function trafficAt(tMs: number): Traffic {
  const d = tMs / day;
  if (d < 5) return { bytesPerS: (1 + d) * MiB, hotShare: 1 / 16 };
  if (d >= 5.5 && d < 5.75) return { bytesPerS: 20 * MiB, hotShare: 1 / 16 };
  if (d < 6) return { bytesPerS: 6 * MiB, hotShare: 1 / 16 };
  if (d < 15) return { bytesPerS: 3 * MiB, hotShare: 0.8 };
  return { bytesPerS: 0.2 * MiB, hotShare: 1 / 16 };
}

/** The traffic share of keys [a, b] (inclusive). */
function share(a: bigint, b: bigint, t: Traffic): number {
  const overlap = (lo: bigint, hi: bigint): bigint => {
    const x = a > lo ? a : lo;
    const y = b < hi ? b : hi;
    return y >= x ? y - x + 1n : 0n;
  };
  const hot = Number(overlap(0n, hotEnd - 1n)) / Number(hotEnd);
  const cold = Number(overlap(hotEnd, hashKeyMax)) / Number(keys - hotEnd);
  return t.hotShare * hot + (1 - t.hotShare) * cold;
}

const medians = new Map<string, bigint>();

/** The key that halves a shard's traffic: what a broker's sampled median reports. */
function medianKey(s: ShardRecord, t: Traffic): bigint {
  const memo = `${s.hashRange.start}/${s.hashRange.end}/${t.hotShare}`;
  const known = medians.get(memo);
  if (known !== undefined) return known;
  const half = share(s.hashRange.start, s.hashRange.end, t) / 2;
  let lo = s.hashRange.start + 1n;
  let hi = s.hashRange.end;
  while (lo < hi) {
    const mid = (lo + hi) / 2n;
    if (share(s.hashRange.start, mid - 1n, t) >= half) hi = mid;
    else lo = mid + 1n;
  }
  medians.set(memo, lo);
  return lo;
}

describe('the on-demand autoscaler over 30 simulated days', () => {
  it('keeps capacity >= max(4 MiB/s, 2 x 30-day peak), splits hot ranges at their median, merges back with hysteresis', async () => {
    const meta = new SimMeta('c1');
    const apply = (cmd: MetaCommand) => {
      const o = meta.meta.apply(cmd, meta.meta.appliedIndex + 1);
      if (!o.ok) throw new Error(`${cmd.type}: ${o.message}`);
    };
    for (const id of [1, 2, 3]) apply(registerCmd(id));
    apply({
      type: 'CreateStream',
      name: 'auto',
      shardCount: 4,
      replicationFactor: 3,
      retentionHours: 24,
      mode: 'ON_DEMAND',
      tags: {},
      atMs: 0,
      placement: [
        [1, 2, 3],
        [1, 2, 3],
        [1, 2, 3],
        [1, 2, 3],
      ],
    });
    apply({ type: 'SetStreamStatus', name: 'auto', status: 'ACTIVE' });
    const scaler = new Autoscaler();
    const config = controllerConfig('c1', { shardLimit: 10_000 });
    const observations = new Observations(0);
    const decisions: string[] = [];
    const log = {
      info: (o: object) => decisions.push(JSON.stringify(o)),
      warn: () => undefined,
    };
    const peaks: Array<{ tMs: number; bytesPerS: number }> = [];
    const phaseCounts: Record<string, number[]> = { ramp: [], spike: [], skew: [], quiet: [] };
    const mergesAt: number[] = [];
    const series: Array<{ tMs: number; open: number }> = [];
    let hotShardsMax = 0;
    const stepMs = 30 * minute;
    let violations: string[] = [];

    for (let tMs = 0; tMs <= 70 * day; tMs += stepMs) {
      const traffic = trafficAt(tMs);
      const state = meta.state();
      const loads = new Map<number, ReportedLoad>();
      for (const s of state.shardsOf('auto').filter((x) => x.open))
        loads.set(s.groupId, {
          writeBytesPerS: traffic.bytesPerS * share(s.hashRange.start, s.hashRange.end, traffic),
          splitKey: medianKey(s, traffic),
        });
      const before = scaler.counts.mergesProposed;
      await autoscaleTick(
        { meta, config, observations, nowMs: tMs, propose: (cmd) => meta.propose(cmd) },
        scaler,
        loads,
        log,
      );
      if (scaler.counts.mergesProposed > before) mergesAt.push(tMs);
      // The brokers close the parents and the children get leaders within a few heartbeats: at once here.
      for (const p of closingShards(meta.state().shardsOf('auto')))
        apply({
          type: 'CloseShard',
          streamName: 'auto',
          shardId: p.shardId,
          endingSequenceNumber: String(10n ** 55n),
          atMs: tMs,
        });
      if (meta.state().stream('auto')!.status === 'UPDATING') apply({ type: 'FinishReshard', name: 'auto' });

      // The rule, after this step.
      peaks.push({ tMs, bytesPerS: traffic.bytesPerS });
      const peak30 = Math.max(...peaks.filter((p) => p.tMs > tMs - 30 * day).map((p) => p.bytesPerS));
      const open = meta
        .state()
        .shardsOf('auto')
        .filter((s) => s.open);
      const capacity = open.length * MiB;
      const required = Math.max(4 * MiB, 2 * peak30);
      const phase = tMs < 5 * day ? 'ramp' : tMs < 6 * day ? 'spike' : tMs < 15 * day ? 'skew' : 'quiet';
      phaseCounts[phase]!.push(open.length);
      series.push({ tMs, open: open.length });
      // A jump in demand is met within two steps (each split round at most doubles a shard set).
      const lastTwo = peaks.slice(-3, -1).map((p) => p.bytesPerS);
      const settled = lastTwo.length === 2 && lastTwo.every((b) => b === traffic.bytesPerS);
      if (settled && capacity < required / 1.1)
        violations.push(
          `day ${(tMs / day).toFixed(2)}: capacity ${capacity / MiB} < required ${(required / MiB).toFixed(2)} MiB/s`,
        );
      if (open.length < 4)
        violations.push(`day ${(tMs / day).toFixed(2)}: ${open.length} shards, below the floor`);
      for (const s of open) {
        const load = traffic.bytesPerS * share(s.hashRange.start, s.hashRange.end, traffic);
        if (settled && load > 0.5 * MiB)
          violations.push(`day ${(tMs / day).toFixed(2)}: ${s.shardId} at ${(load / MiB).toFixed(2)} MiB/s`);
      }
      if (phase === 'skew')
        hotShardsMax = Math.max(hotShardsMax, open.filter((s) => s.hashRange.start < hotEnd).length);
      if (violations.length > 20) break;
    }
    violations = violations.slice(0, 20);
    expect(violations).toEqual([]);

    const last = (xs: number[]) => xs[xs.length - 1]!;
    const figures = {
      rampEnd: last(phaseCounts.ramp!),
      spikeMax: Math.max(...phaseCounts.spike!),
      skewEnd: last(phaseCounts.skew!),
      quietDay30: 0,
      quietEnd: last(phaseCounts.quiet!),
      hotShardsMax,
      decisions: { ...scaler.counts },
    };
    // 2 x 6 MiB/s, and every shard at most half full (uniform keys: halving ranges overshoot up to 2x).
    expect(figures.rampEnd).toBeGreaterThanOrEqual(12);
    expect(figures.rampEnd).toBeLessThanOrEqual(24);
    // 2 x 20 MiB/s, met within two steps of the spike's start.
    expect(figures.spikeMax).toBeGreaterThanOrEqual(40);
    expect(figures.spikeMax).toBeLessThanOrEqual(80);
    // The hot 1/16 of the keys (2.4 MiB/s) over shards of at most half a shard's capacity each.
    expect(hotShardsMax).toBeGreaterThanOrEqual(5);
    // Within 30 days of the spike the stream keeps 2 x its peak (merges only take the surplus of halving).
    const whileSpikeCounts = series
      .filter((x) => x.tMs >= 5.75 * day && x.tMs < 35.5 * day)
      .map((x) => x.open);
    expect(Math.min(...whileSpikeCounts)).toBeGreaterThanOrEqual(40);
    figures.quietDay30 = series.find((x) => x.tMs >= 30 * day)!.open;
    const floorDay = series.find((x) => x.tMs > 15 * day && x.open === 4)!.tMs / day;
    console.log(
      `autoscaler shard counts per phase: ${JSON.stringify({ ...figures, floorReachedDay: floorDay })}`,
    );
    expect(figures.quietDay30).toBeGreaterThanOrEqual(40);
    // Then back to the floor, one merge an hour at most.
    expect(figures.quietEnd).toBe(4);
    for (let i = 1; i < mergesAt.length; i++)
      expect(mergesAt[i]! - mergesAt[i - 1]!).toBeGreaterThanOrEqual(hour);
    expect(scaler.counts.mergesProposed).toBe(mergesAt.length);
    expect(decisions.length).toBe(scaler.counts.splitDecisions + scaler.counts.mergeDecisions);
    expect(decisions.every((d) => JSON.parse(d).reason.length > 10)).toBe(true);
  });
});
