// Applying one committed entry to the shard state. This runs on every
// replica, in log order, and depends on nothing but the state and the
// entry's bytes, so every replica decides the same: which batches are
// written, which are duplicates of a batch already written (or come from a
// fenced producer) and are left out. Readers skip the left-out batches
// (ShardState.skipped), so all replicas serve the same records.

import { readBatchStamp, storedBatchLimits } from '@rheo/wire';
import { readBatchHeader } from '@rheo/wire/internal';
import { decodeClosingEntry, isClosingEntry } from './closing-entry.js';
import { decodeEntry } from './entry-codec.js';
import type { BatchAck } from './producer-table.js';
import type { ShardState } from './shard-state.js';

export type BatchOutcome =
  | { readonly kind: 'written'; readonly ack: BatchAck }
  | { readonly kind: 'duplicate'; readonly ack: BatchAck }
  | { readonly kind: 'stale'; readonly lastSequence: number }
  | { readonly kind: 'fenced'; readonly epoch: number }
  /** Committed after the shard's closing entry: left out, never written (resharding). */
  | { readonly kind: 'closed' };

/**
 * Applies a Normal entry with data at `index` (> state.appliedIndex) and
 * answers each batch's outcome in order. Throws Corrupt when the entry does
 * not decode: a committed entry this replica cannot read must stop the group.
 */
export function applyEntry(state: ShardState, index: number, data: Uint8Array): BatchOutcome[] {
  if (isClosingEntry(data)) return applyClosing(state, index, data);
  const { batches, producers } = decodeEntry(data);
  const outcomes: BatchOutcome[] = new Array(batches.length);
  let skipped: number[] | undefined;
  for (let i = 0; i < batches.length; i++) {
    const batch = batches[i]!;
    const header = readBatchHeader(batch, storedBatchLimits);
    const stamp = readBatchStamp(batch);
    if (stamp === undefined) throw new Error(`entry ${index}: batch ${i} is not stamped`);
    const ack: BatchAck = {
      batchSequence: producers[i]?.batchSequence ?? 0,
      firstSequence: stamp.firstSequence,
      recordCount: header.recordCount,
      arrivalMs: stamp.arrivalMs,
    };
    const p = producers[i];
    let outcome: BatchOutcome = { kind: 'written', ack };
    const v =
      p === undefined ? undefined : state.producers.check(p.producerId, p.producerEpoch, p.batchSequence);
    if (state.closed) {
      // After the closing entry nothing is written; a retry of a batch written before it is
      // still answered as the duplicate it is (re-routing it would write it twice).
      outcome = v?.kind === 'duplicate' ? v : { kind: 'closed' };
    } else if (p !== undefined && v !== undefined) {
      // A gap is refused by the leader; if one still commits it is written (the log decides).
      if (v.kind === 'new' || v.kind === 'gap') state.producers.record(p.producerId, p.producerEpoch, ack);
      else outcome = v;
    }
    outcomes[i] = outcome;
    if (outcome.kind === 'written') {
      state.newestSequence = stamp.firstSequence + BigInt(header.recordCount - 1);
      state.newestArrivalMs = Math.max(state.newestArrivalMs, stamp.arrivalMs);
    } else {
      skipped ??= [];
      skipped.push(i);
    }
  }
  if (skipped !== undefined) state.skipped.set(index, skipped);
  state.appliedIndex = index;
  return outcomes;
}

/**
 * The closing entry: the shard closes with its newest record's sequence
 * number as the ending one (the starting number when it holds none). A
 * second closing entry (a repeated CLOSE_SHARD) changes nothing.
 */
function applyClosing(state: ShardState, index: number, data: Uint8Array): BatchOutcome[] {
  const starting = decodeClosingEntry(data);
  if (!state.closed) {
    state.closed = true;
    state.endingSequence = state.newestSequence ?? starting;
  }
  state.appliedIndex = index;
  return [];
}
