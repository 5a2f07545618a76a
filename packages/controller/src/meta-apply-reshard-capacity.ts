// MetaState's capacity commands: UpdateShardCount's target, UpdateStreamMode,
// and the autoscaler's write history. The per-24-hour limits travel in the
// command (the proposer's configuration), so every replica judges a call
// the same way and two racing calls cannot both pass the last slot.
import { refuse, streamNotActive, streamNotFound } from './kinesis-rules.js';
import type { MetaTables } from './meta-tables.js';
import { dayMs, emptyReshardRecord, type ReshardCommand, type ReshardRecord } from './reshard-types.js';
import { type ApplyOutcome, streamModeNames } from './types.js';

type Cmd<T extends ReshardCommand['type']> = Extract<ReshardCommand, { type: T }>;

/** The 30 days of write history the autoscaler looks at. */
export const historyWindowMs = 30 * dayMs;
/** Bound on history buckets per stream, whatever the interval. */
export const historyBucketsMax = 2048;

export function reshardRecord(t: MetaTables, name: string): ReshardRecord {
  return t.reshard.get(name) ?? emptyReshardRecord;
}

function within24h(times: readonly number[], atMs: number): number[] {
  return times.filter((ms) => ms > atMs - dayMs && ms <= atMs);
}

export function applySetScalingTarget(t: MetaTables, cmd: Cmd<'SetScalingTarget'>): ApplyOutcome {
  const s = t.streams.get(cmd.name);
  if (s === undefined) return streamNotFound(cmd.name, t.clusterId);
  if (s.status !== 'ACTIVE') return streamNotActive(s.name, t.clusterId, s.status);
  if (!Number.isSafeInteger(cmd.target) || cmd.target < 1)
    return refuse(
      'InvalidArgument',
      `target shard count ${cmd.target} must be a positive integer`,
      'TargetShardCount',
    );
  const r = reshardRecord(t, s.name);
  const calls = within24h(r.scalingCallsMs, cmd.atMs);
  if (calls.length >= cmd.callsPerDayMax) {
    return refuse(
      'LimitExceeded',
      `Stream ${s.name} under account ${t.clusterId} has already had ${calls.length} UpdateShardCount calls in the last 24 hours; the limit is ${cmd.callsPerDayMax}.`,
      'TargetShardCount',
    );
  }
  t.reshard.set(
    s.name,
    Object.freeze({ ...r, scalingCallsMs: Object.freeze([...calls, cmd.atMs]), scalingTarget: cmd.target }),
  );
  t.streams.set(s.name, Object.freeze({ ...s, status: 'UPDATING' }));
  return { ok: true };
}

export function applySetStreamMode(t: MetaTables, cmd: Cmd<'SetStreamMode'>): ApplyOutcome {
  const s = t.streams.get(cmd.name);
  if (s === undefined) return streamNotFound(cmd.name, t.clusterId);
  if (!streamModeNames.includes(cmd.mode))
    return refuse('InvalidArgument', `unknown stream mode ${cmd.mode}`, 'StreamModeDetails');
  if (s.status !== 'ACTIVE') return streamNotActive(s.name, t.clusterId, s.status);
  if (s.mode === cmd.mode) return { ok: true };
  const r = reshardRecord(t, s.name);
  const switches = within24h(r.modeSwitchesMs, cmd.atMs);
  if (switches.length >= cmd.switchesPerDayMax) {
    return refuse(
      'LimitExceeded',
      `Stream ${s.name} under account ${t.clusterId} has already switched capacity mode ${switches.length} times in the last 24 hours; the limit is ${cmd.switchesPerDayMax}.`,
      'StreamModeDetails',
    );
  }
  t.reshard.set(s.name, Object.freeze({ ...r, modeSwitchesMs: Object.freeze([...switches, cmd.atMs]) }));
  t.streams.set(s.name, Object.freeze({ ...s, mode: cmd.mode }));
  return { ok: true };
}

/** Folds each sample into its stream's history: the peak per bucket, 30 days, bounded. */
export function applyRecordWriteThroughput(t: MetaTables, cmd: Cmd<'RecordWriteThroughput'>): ApplyOutcome {
  for (const x of cmd.samples) {
    if (!Number.isFinite(x.bucketStartMs) || !Number.isFinite(x.peakBytesPerS) || x.peakBytesPerS < 0)
      return refuse('InvalidArgument', `bad throughput sample ${JSON.stringify(x)}`, 'samples');
  }
  for (const x of cmd.samples) {
    if (!t.streams.has(x.streamName)) continue;
    const r = reshardRecord(t, x.streamName);
    const history = [...r.history];
    const last = history[history.length - 1];
    if (last !== undefined && last.startMs === x.bucketStartMs) {
      if (x.peakBytesPerS <= last.peakBytesPerS) continue;
      history[history.length - 1] = Object.freeze({ startMs: last.startMs, peakBytesPerS: x.peakBytesPerS });
    } else if (last === undefined || x.bucketStartMs > last.startMs) {
      history.push(Object.freeze({ startMs: x.bucketStartMs, peakBytesPerS: x.peakBytesPerS }));
    } else continue; // an older bucket than the newest: history only moves forward
    const kept = history
      .filter((b) => b.startMs > x.bucketStartMs - historyWindowMs)
      .slice(-historyBucketsMax);
    t.reshard.set(x.streamName, Object.freeze({ ...r, history: Object.freeze(kept) }));
  }
  return { ok: true };
}

export function applyNoteAutoscaleMerge(t: MetaTables, cmd: Cmd<'NoteAutoscaleMerge'>): ApplyOutcome {
  if (!t.streams.has(cmd.name)) return streamNotFound(cmd.name, t.clusterId);
  t.reshard.set(cmd.name, Object.freeze({ ...reshardRecord(t, cmd.name), lastAutoMergeMs: cmd.atMs }));
  return { ok: true };
}
