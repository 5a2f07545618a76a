// The arrival time of a shard entry, for the storage's time index
// (StorageOptions.entryTimeMs): the stamp of its first batch, the same on
// every replica, so AT_TIMESTAMP finds the same entry everywhere. No-ops and
// conf changes answer undefined (storage then uses its own clock).

import { type Entry, EntryType } from '@rheo/raft';
import { readBatchStamp } from '@rheo/wire';
import { batchHeaderBytes } from '@rheo/wire/internal';
import { batchRegionStart } from './entry-codec.js';

export function entryArrivalMs(e: Entry): number | undefined {
  if (e.type !== EntryType.Normal) return undefined;
  const start = batchRegionStart(e.data);
  if (start === undefined || start + batchHeaderBytes > e.data.length) return undefined;
  return readBatchStamp(e.data.subarray(start))?.arrivalMs;
}
