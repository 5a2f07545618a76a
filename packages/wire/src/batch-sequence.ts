// Several batches back to back in one buffer: a Raft entry that gathers the
// batches of several producers, or a GetRecords answer that returns several
// stored batches in one bytes field. Each header states its body length, so
// the buffer splits into views without a separate index and without copying.
import { batchHeaderBytes, batchMagic0, batchMagic1, offsetBodyBytes, readU32 } from './batch-format.js';
import { RheoError } from './errors.js';

/**
 * Views of the batches in `buffer`, in order. Checks only the framing (magic
 * and lengths); validate each batch before reading its records.
 */
export function splitBatches(buffer: Uint8Array): Uint8Array[] {
  const batches: Uint8Array[] = [];
  let at = 0;
  while (at < buffer.length) {
    if (buffer.length - at < batchHeaderBytes) {
      throw new RheoError('InvalidArgument', `record batches: ${buffer.length - at} trailing bytes at ${at}`);
    }
    if (buffer[at] !== batchMagic0 || buffer[at + 1] !== batchMagic1) {
      throw new RheoError('InvalidArgument', `record batches: no batch starts at byte ${at}`);
    }
    const end = at + batchHeaderBytes + readU32(buffer, at + offsetBodyBytes);
    if (end > buffer.length) {
      throw new RheoError('InvalidArgument', `record batches: the batch at byte ${at} runs past the end`);
    }
    batches.push(buffer.subarray(at, end));
    at = end;
  }
  return batches;
}
