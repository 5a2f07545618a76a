// Resharding's commands as metadata-log entries, and its per-stream table in
// the metadata snapshot (an optional `reshard` key, streams by name; absent
// in a snapshot written before resharding existed).
import type { MetaTables } from './meta-tables.js';
import type { ReshardCommand, ReshardRecord } from './reshard-types.js';
import { arr, bool, corrupt, int, ints, type Json, num, obj, oneOf, optional, str } from './shape.js';
import { type MetaCommand, streamModeNames } from './types.js';

const placementOf = (o: Record<string, Json>): number[][] =>
  arr(o.placement, 'placement').map((set, i) => ints(set, `placement[${i}]`));

const plannedOf = (o: Record<string, Json>): { planned?: boolean } => {
  const planned = optional(o.planned, bool, 'planned');
  return planned === undefined ? {} : { planned };
};

export const reshardCommandReaders: Record<string, (o: Record<string, Json>) => MetaCommand> = {
  SplitShard: (o): ReshardCommand => ({
    type: 'SplitShard',
    streamName: str(o.streamName, 'streamName'),
    shardId: str(o.shardId, 'shardId'),
    newStartingHashKey: str(o.newStartingHashKey, 'newStartingHashKey'),
    atMs: num(o.atMs, 'atMs'),
    placement: placementOf(o),
    ...plannedOf(o),
  }),
  MergeShards: (o): ReshardCommand => ({
    type: 'MergeShards',
    streamName: str(o.streamName, 'streamName'),
    shardId: str(o.shardId, 'shardId'),
    adjacentShardId: str(o.adjacentShardId, 'adjacentShardId'),
    atMs: num(o.atMs, 'atMs'),
    placement: placementOf(o),
    ...plannedOf(o),
  }),
  CloseShard: (o): ReshardCommand => ({
    type: 'CloseShard',
    streamName: str(o.streamName, 'streamName'),
    shardId: str(o.shardId, 'shardId'),
    endingSequenceNumber: str(o.endingSequenceNumber, 'endingSequenceNumber'),
    atMs: num(o.atMs, 'atMs'),
  }),
  SetScalingTarget: (o): ReshardCommand => ({
    type: 'SetScalingTarget',
    name: str(o.name, 'name'),
    target: int(o.target, 'target'),
    atMs: num(o.atMs, 'atMs'),
    callsPerDayMax: int(o.callsPerDayMax, 'callsPerDayMax'),
  }),
  SetStreamMode: (o): ReshardCommand => ({
    type: 'SetStreamMode',
    name: str(o.name, 'name'),
    mode: oneOf(o.mode, streamModeNames, 'mode'),
    atMs: num(o.atMs, 'atMs'),
    switchesPerDayMax: int(o.switchesPerDayMax, 'switchesPerDayMax'),
  }),
  FinishReshard: (o): ReshardCommand => ({ type: 'FinishReshard', name: str(o.name, 'name') }),
  RecordWriteThroughput: (o): ReshardCommand => ({
    type: 'RecordWriteThroughput',
    samples: arr(o.samples, 'samples').map((x, i) => {
      const s = obj(x, `samples[${i}]`);
      return {
        streamName: str(s.streamName, `samples[${i}].streamName`),
        bucketStartMs: num(s.bucketStartMs, `samples[${i}].bucketStartMs`),
        peakBytesPerS: num(s.peakBytesPerS, `samples[${i}].peakBytesPerS`),
      };
    }),
  }),
  ForgetShard: (o): ReshardCommand => ({
    type: 'ForgetShard',
    streamName: str(o.streamName, 'streamName'),
    shardId: str(o.shardId, 'shardId'),
    atMs: num(o.atMs, 'atMs'),
  }),
  NoteAutoscaleMerge: (o): ReshardCommand => ({
    type: 'NoteAutoscaleMerge',
    name: str(o.name, 'name'),
    atMs: num(o.atMs, 'atMs'),
  }),
};

/** The snapshot's `reshard` key: empty records are left out, streams in name order. */
export function encodeReshardTables(t: MetaTables): { reshard?: object[] } {
  const names = [...t.reshard.keys()].sort();
  if (names.length === 0) return {};
  return {
    reshard: names.map((name) => {
      const r = t.reshard.get(name)!;
      return {
        name,
        scalingCallsMs: r.scalingCallsMs,
        modeSwitchesMs: r.modeSwitchesMs,
        scalingTarget: r.scalingTarget,
        history: r.history.map((b) => [b.startMs, b.peakBytesPerS]),
        lastAutoMergeMs: r.lastAutoMergeMs,
      };
    }),
  };
}

export function decodeReshardTables(o: Record<string, Json>, t: MetaTables): void {
  if (o.reshard === undefined) return;
  arr(o.reshard, 'reshard').forEach((x, i) => {
    const p = `reshard[${i}]`;
    const r = obj(x, p);
    const name = str(r.name, `${p}.name`);
    if (!t.streams.has(name)) throw corrupt(`${p} names unknown stream ${name}`);
    const target = optional(r.scalingTarget, int, `${p}.scalingTarget`);
    const lastMerge = optional(r.lastAutoMergeMs, num, `${p}.lastAutoMergeMs`);
    const record: ReshardRecord = Object.freeze({
      scalingCallsMs: Object.freeze(
        arr(r.scalingCallsMs, `${p}.scalingCallsMs`).map((v, j) => num(v, `${p}.scalingCallsMs[${j}]`)),
      ),
      modeSwitchesMs: Object.freeze(
        arr(r.modeSwitchesMs, `${p}.modeSwitchesMs`).map((v, j) => num(v, `${p}.modeSwitchesMs[${j}]`)),
      ),
      ...(target === undefined ? {} : { scalingTarget: target }),
      history: Object.freeze(
        arr(r.history, `${p}.history`).map((b, j) => {
          const pair = arr(b, `${p}.history[${j}]`);
          return Object.freeze({
            startMs: num(pair[0], `${p}.history[${j}][0]`),
            peakBytesPerS: num(pair[1], `${p}.history[${j}][1]`),
          });
        }),
      ),
      ...(lastMerge === undefined ? {} : { lastAutoMergeMs: lastMerge }),
    });
    t.reshard.set(name, record);
  });
}
