// Original file: proto/rheo/v1/data.proto

import type { PutRecordsRequest as _rheo_v1_PutRecordsRequest, PutRecordsRequest__Output as _rheo_v1_PutRecordsRequest__Output } from '../../rheo/v1/PutRecordsRequest.js';
import type { Long } from '@grpc/proto-loader';

/**
 * One message on a Produce stream from the client.
 */
export interface ProduceRequest {
  /**
   * Client-chosen id, unique on this stream and at least 1 (0 marks the server's window-only message);
   * the answer carries it back.
   */
  'requestId'?: (number | string | Long);
  /**
   * The batch, exactly as for PutRecords.
   */
  'batch'?: (_rheo_v1_PutRecordsRequest | null);
}

/**
 * One message on a Produce stream from the client.
 */
export interface ProduceRequest__Output {
  /**
   * Client-chosen id, unique on this stream and at least 1 (0 marks the server's window-only message);
   * the answer carries it back.
   */
  'requestId': (number);
  /**
   * The batch, exactly as for PutRecords.
   */
  'batch': (_rheo_v1_PutRecordsRequest__Output | null);
}
