// Reading, checking and sealing the 48-byte batch header (layout in
// batch-format.ts). The checks run in an order that makes every single
// flipped bit detectable: magic and version first (they decide the layout),
// then the header CRC, which covers every other header byte.

import {
  type BatchForm,
  batchHeaderBytes,
  batchMagic0,
  batchMagic1,
  batchVersion,
  flagsCodecMask,
  formClient,
  formStored,
  isZero,
  offsetArrivalMs,
  offsetBodyBytes,
  offsetBodyCrc,
  offsetFirstSequence,
  offsetFlags,
  offsetForm,
  offsetHeaderCrc,
  offsetRecordCount,
  offsetReserved,
  offsetVersion,
  readU16,
  readU32,
  readU53,
  recordFramingBytesMax,
  writeU32,
} from './batch-format.js';
import { crc32c } from './crc32c.js';
import { RheoError } from './errors.js';
import type { BatchLimits } from './limits.js';

export interface BatchHeader {
  readonly form: BatchForm;
  readonly recordCount: number;
  readonly bodyBytes: number;
  readonly bodyCrc: number;
}

/** The header CRC: every header byte except the CRC field itself. */
export function headerCrc(batch: Uint8Array): number {
  return crc32c(batch.subarray(offsetFlags, batchHeaderBytes), crc32c(batch.subarray(0, offsetHeaderCrc)));
}

/** Writes the header CRC after the other header fields are final. */
export function sealHeader(batch: Uint8Array): void {
  writeU32(batch, offsetHeaderCrc, headerCrc(batch));
}

function invalid(message: string): RheoError {
  return new RheoError('InvalidArgument', `record batch: ${message}`);
}

/**
 * Checks the header of `batch` against the format and `limits`, and that the
 * buffer holds exactly the header and the body it announces. Throws
 * InvalidArgument for a malformed or over-limit batch, Corrupt for a header
 * CRC mismatch. Does not read the body.
 */
export function readBatchHeader(batch: Uint8Array, limits: BatchLimits): BatchHeader {
  if (batch.length < batchHeaderBytes) {
    throw invalid(`${batch.length} bytes is shorter than the ${batchHeaderBytes}-byte header`);
  }
  if (batch[0] !== batchMagic0 || batch[1] !== batchMagic1) throw invalid('bad magic, not a record batch');
  if (batch[offsetVersion] !== batchVersion) throw invalid(`unsupported version ${batch[offsetVersion]}`);
  if (readU32(batch, offsetHeaderCrc) !== headerCrc(batch)) {
    throw new RheoError('Corrupt', 'record batch: header CRC-32C mismatch');
  }
  const formByte = batch[offsetForm];
  if (formByte !== formClient && formByte !== formStored) throw invalid(`unknown form ${formByte}`);
  checkFlags(batch);
  const recordCount = readU32(batch, offsetRecordCount);
  if (recordCount < 1 || recordCount > limits.batchRecordsMax) {
    throw invalid(`${recordCount} records, not 1..${limits.batchRecordsMax}`);
  }
  const bodyBytes = readU32(batch, offsetBodyBytes);
  if (bodyBytes !== batch.length - batchHeaderBytes) {
    throw invalid(`body is ${batch.length - batchHeaderBytes} bytes but the header says ${bodyBytes}`);
  }
  if (bodyBytes > limits.batchBytesMax + recordCount * recordFramingBytesMax) {
    throw invalid(`body of ${bodyBytes} bytes is over the ${limits.batchBytesMax}-byte limit`);
  }
  if (formByte === formClient && !isZero(batch, offsetFirstSequence, batchHeaderBytes)) {
    throw invalid('a client batch must leave the stored fields zero');
  }
  if (formByte === formStored && readU53(batch, offsetArrivalMs) < 0) {
    throw invalid('arrival time does not fit in 2^53 ms');
  }
  const form: BatchForm = formByte === formClient ? 'client' : 'stored';
  return { form, recordCount, bodyBytes, bodyCrc: readU32(batch, offsetBodyCrc) };
}

function checkFlags(batch: Uint8Array): void {
  const flags = readU16(batch, offsetFlags);
  const codec = flags & flagsCodecMask;
  if (codec !== 0) {
    throw new RheoError('InvalidArgument', `record batch: unsupported compression codec ${codec}`, {
      field: 'compression',
    });
  }
  if (flags !== 0) throw invalid(`reserved flag bits set (0x${flags.toString(16)})`);
  if (readU16(batch, offsetReserved) !== 0) throw invalid('reserved header field is not zero');
}
