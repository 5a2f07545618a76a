// Retention on one node: every `intervalMs`, a pass over this node's shard
// replicas (leaders and followers alike, so every replica's LevelDB sheds
// them) trims the records older than their stream's retention period
// (StreamRecord.retentionHours in cluster mode; 24 h for static streams).
//
// Bounded: at most `replicasPerPassMax` replicas per pass, taken round-robin
// by group id, one at a time; each trim writes one small synced compaction
// point and deletes the entries below it in chunks in the background
// (docs/storage.md "Retention"), so produce and reads never wait behind it.
// A replica with nothing old enough writes nothing (retention-cut.ts).
// The clock is injected: a test moves time by days in a moment.
import type { ShardReplica } from '@rheo/broker';
import type { Logger } from '../log/logger.js';
import type { Catalog } from '../services/catalog.js';

/** Kinesis's default retention, for streams that carry none (static mode). */
export const retentionHoursDefault = 24;
export const retentionReplicasPerPassMax = 64;
const HOUR_MS = 3_600_000;

export interface RetentionTaskDeps {
  readonly replicas: () => Iterable<ShardReplica>;
  readonly catalog: Catalog;
  readonly intervalMs: number;
  readonly nowMs: () => number;
  readonly log?: Logger | undefined;
  readonly replicasPerPassMax?: number;
}

/** What one pass did. */
export interface RetentionPass {
  /** Replicas looked at. */
  readonly checked: number;
  /** Replicas whose first index moved. */
  readonly trimmed: number;
  /** Entries dropped across them. */
  readonly entriesTrimmed: number;
  /** The group ids looked at, in order (the next pass goes on after the last). */
  readonly groupIds: readonly number[];
}

export class RetentionTask {
  private timer: NodeJS.Timeout | undefined = undefined;
  private running: Promise<RetentionPass> | undefined = undefined;
  private stopped = false;
  /** The group id after which the next pass starts (round-robin). */
  private cursor = 0;
  passes = 0;
  entriesTrimmed = 0;

  constructor(private readonly deps: RetentionTaskDeps) {}

  start(): void {
    if (this.stopped || this.timer !== undefined) return;
    this.schedule();
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.runPass().finally(() => {
        if (!this.stopped) this.schedule();
      });
    }, this.deps.intervalMs);
    this.timer.unref();
  }

  /** Stops the timer and waits for a pass under way. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => {});
  }

  /** One pass now (joins a pass under way). */
  runPass(): Promise<RetentionPass> {
    this.running ??= this.pass().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async pass(): Promise<RetentionPass> {
    const batch = this.nextBatch();
    let trimmed = 0;
    let entries = 0;
    for (const replica of batch) {
      if (this.stopped) break;
      const moved = await this.trim(replica);
      if (moved > 0) {
        trimmed++;
        entries += moved;
      }
    }
    this.passes++;
    this.entriesTrimmed += entries;
    return {
      checked: batch.length,
      trimmed,
      entriesTrimmed: entries,
      groupIds: batch.map((r) => r.spec.groupId),
    };
  }

  /** The next replicas in group-id order after the cursor, wrapping around. */
  private nextBatch(): ShardReplica[] {
    const all = [...this.deps.replicas()].sort((a, b) => a.spec.groupId - b.spec.groupId);
    const max = this.deps.replicasPerPassMax ?? retentionReplicasPerPassMax;
    const from = all.findIndex((r) => r.spec.groupId > this.cursor);
    const rotated = from <= 0 ? all : [...all.slice(from), ...all.slice(0, from)];
    const batch = rotated.slice(0, max);
    this.cursor = batch.length === all.length ? 0 : (batch[batch.length - 1]?.spec.groupId ?? 0);
    return batch;
  }

  /** Trims one replica; answers how many entries went. */
  private async trim(replica: ShardReplica): Promise<number> {
    const stream = this.deps.catalog.stream(replica.spec.streamName);
    // Unknown here yet (no metadata), or being deleted (the deletion removes everything).
    if (stream === undefined || stream.status === 'DELETING') return 0;
    const hours = stream.retentionHours ?? retentionHoursDefault;
    const cutoffMs = this.deps.nowMs() - hours * HOUR_MS;
    try {
      const before = replica.status().firstIndex;
      const after = await replica.trimOlderThan(cutoffMs);
      if (after > before)
        this.deps.log?.debug(
          { stream: stream.name, shard: replica.spec.shardId, firstIndex: after, entries: after - before },
          'retention trimmed a replica',
        );
      return Math.max(0, after - before);
    } catch (err) {
      // A replica stopping, failed or deleted meanwhile: the next pass looks again.
      this.deps.log?.warn(
        { err, stream: stream.name, shard: replica.spec.shardId },
        'retention could not trim a replica',
      );
      return 0;
    }
  }
}
