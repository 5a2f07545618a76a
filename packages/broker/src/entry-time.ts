// The arrival time of a shard entry, for the storage's time index
// (StorageOptions.entryTimeMs): the stamp of its first batch, the same on
// every replica, so AT_TIMESTAMP finds the same entry everywhere. No-ops and
// conf changes answer undefined (storage then uses its own clock).

import { type Entry, EntryType } from '@rheo/raft';
import { readBatchStamp } from '@rheo/wire';

const MAGIC0 = 0x52;
const MAGIC1 = 0x45;

export function entryArrivalMs(e: Entry): number | undefined {
  const d = e.data;
  if (e.type !== EntryType.Normal || d.length < 16 || d[0] !== MAGIC0 || d[1] !== MAGIC1) return undefined;
  const headerBytes = new DataView(d.buffer, d.byteOffset, d.byteLength).getUint32(8);
  if (headerBytes + 48 > d.length) return undefined;
  return readBatchStamp(d.subarray(headerBytes))?.arrivalMs;
}
