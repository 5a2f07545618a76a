// Original file: proto/rheo/v1/data.proto

import type { Long } from '@grpc/proto-loader';

/**
 * How much the client may send on a Produce stream before more answers come back.
 */
export interface ProduceWindow {
  /**
   * Bytes of record_batch the client may have sent and not yet had answered, on this stream.
   */
  'inflightBytesMax'?: (number | string | Long);
  /**
   * Batches the client may have sent and not yet had answered, on this stream.
   */
  'inflightBatchesMax'?: (number);
}

/**
 * How much the client may send on a Produce stream before more answers come back.
 */
export interface ProduceWindow__Output {
  /**
   * Bytes of record_batch the client may have sent and not yet had answered, on this stream.
   */
  'inflightBytesMax': (number);
  /**
   * Batches the client may have sent and not yet had answered, on this stream.
   */
  'inflightBatchesMax': (number);
}
