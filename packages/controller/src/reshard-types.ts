// Resharding's metadata: the commands that split, merge, close and rescale
// shards, switch a stream's capacity mode and keep the autoscaler's write
// history, and the per-stream record they keep beside the stream
// (docs/resharding.md).
import type { StreamModeName } from './types.js';

export type ReshardCommand =
  | {
      type: 'SplitShard';
      streamName: string;
      shardId: string;
      /** Decimal hash key: the first key of the upper child. */
      newStartingHashKey: string;
      atMs: number;
      /** Two replica sets: the lower child's, then the upper child's. */
      placement: number[][];
      /** Set when a scaling plan (UpdateShardCount, the autoscaler) proposes it: allowed while UPDATING. */
      planned?: boolean;
    }
  | {
      type: 'MergeShards';
      streamName: string;
      shardId: string;
      adjacentShardId: string;
      atMs: number;
      /** One replica set, the child's. */
      placement: number[][];
      planned?: boolean;
    }
  | {
      /** A closing parent's log has committed its closing entry: its ending sequence number. */
      type: 'CloseShard';
      streamName: string;
      shardId: string;
      endingSequenceNumber: string;
      atMs: number;
    }
  | {
      /** UpdateShardCount: the controller reaches `target` by planned splits and merges. */
      type: 'SetScalingTarget';
      name: string;
      target: number;
      atMs: number;
      /** Accepted calls allowed per rolling 24 h (the proposer's configuration, checked at apply). */
      callsPerDayMax: number;
    }
  | {
      type: 'SetStreamMode';
      name: string;
      mode: StreamModeName;
      atMs: number;
      /** Switches allowed per rolling 24 h. */
      switchesPerDayMax: number;
    }
  | {
      /** Every change of an UPDATING stream is done (children open and led, target reached): ACTIVE again. */
      type: 'FinishReshard';
      name: string;
    }
  | {
      /** The autoscaler's history: each stream's peak write rate in the interval starting at `bucketStartMs`. */
      type: 'RecordWriteThroughput';
      samples: { streamName: string; bucketStartMs: number; peakBytesPerS: number }[];
    }
  | {
      /** A closed shard whose every record is past the stream's retention: it leaves the metadata. */
      type: 'ForgetShard';
      streamName: string;
      shardId: string;
      atMs: number;
    }
  | {
      /** The autoscaler merged (or tried to): the time, for its once-per-interval rule. */
      type: 'NoteAutoscaleMerge';
      name: string;
      atMs: number;
    };

/** One interval of a stream's write history: its start and the peak rate seen in it. */
export interface ThroughputBucket {
  readonly startMs: number;
  readonly peakBytesPerS: number;
}

/** What resharding keeps per stream beside the StreamRecord. */
export interface ReshardRecord {
  /** Times of accepted UpdateShardCount calls in the last 24 h (Kinesis's calls-per-day limit). */
  readonly scalingCallsMs: readonly number[];
  /** Times of mode switches in the last 24 h. */
  readonly modeSwitchesMs: readonly number[];
  /** The open-shard count an UpdateShardCount asked for, until reached. */
  readonly scalingTarget?: number;
  /** Peak write rate per interval, oldest first, bounded (autoscaler). */
  readonly history: readonly ThroughputBucket[];
  /** When the autoscaler last merged this stream's shards. */
  readonly lastAutoMergeMs?: number;
}

export const emptyReshardRecord: ReshardRecord = Object.freeze({
  scalingCallsMs: Object.freeze([]),
  modeSwitchesMs: Object.freeze([]),
  history: Object.freeze([]),
});

export const dayMs = 24 * 3600 * 1000;
