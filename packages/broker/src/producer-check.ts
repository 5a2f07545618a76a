// The idempotent-producer fields of a request, checked before anything is
// written (proto PutRecordsRequest fields 5..7).

import { RheoError } from '@rheo/wire';
import type { ProducerStamp } from './types.js';

/** Characters of a producer id (a UUID fits). */
export const producerIdCharsMax = 64;
const U32_MAX = 0xffff_ffff;

export function checkProducer(p: ProducerStamp): void {
  const id = p.producerId;
  const chars = typeof id === 'string' ? [...id].length : 0;
  if (chars < 1 || chars > producerIdCharsMax)
    throw new RheoError('InvalidArgument', `producer_id must be 1..${producerIdCharsMax} characters`, {
      field: 'producer_id',
    });
  if (!Number.isInteger(p.producerEpoch) || p.producerEpoch < 0 || p.producerEpoch > U32_MAX)
    throw new RheoError(
      'InvalidArgument',
      `producer_epoch ${p.producerEpoch} is not a 32-bit unsigned integer`,
      {
        field: 'producer_epoch',
      },
    );
  if (!Number.isSafeInteger(p.batchSequence) || p.batchSequence < 1)
    throw new RheoError('InvalidArgument', `batch_sequence ${p.batchSequence} must be an integer from 1`, {
      field: 'batch_sequence',
    });
}
