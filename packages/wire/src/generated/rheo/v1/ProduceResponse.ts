// Original file: proto/rheo/v1/data.proto

import type { PutRecordsResponse as _rheo_v1_PutRecordsResponse, PutRecordsResponse__Output as _rheo_v1_PutRecordsResponse__Output } from '../../rheo/v1/PutRecordsResponse.js';
import type { ErrorDetail as _rheo_v1_ErrorDetail, ErrorDetail__Output as _rheo_v1_ErrorDetail__Output } from '../../rheo/v1/ErrorDetail.js';
import type { ProduceWindow as _rheo_v1_ProduceWindow, ProduceWindow__Output as _rheo_v1_ProduceWindow__Output } from '../../rheo/v1/ProduceWindow.js';
import type { Long } from '@grpc/proto-loader';

/**
 * One message on a Produce stream from the server: the answer to one request,
 * or (request_id 0) a window update alone. The server sends a window update
 * first, before any answer, and again whenever its bound on the node's
 * in-flight bytes moves the window. A batch sent past the window is answered
 * with reason Backpressure (retryable), never queued without bound.
 */
export interface ProduceResponse {
  /**
   * The request answered; 0 for a window update alone.
   */
  'requestId'?: (number | string | Long);
  /**
   * The batch was written.
   */
  'result'?: (_rheo_v1_PutRecordsResponse | null);
  /**
   * The batch was not written (or, for OutcomeUnknown, may have been: retry with the same batch_sequence).
   */
  'error'?: (_rheo_v1_ErrorDetail | null);
  /**
   * The current window; unset when unchanged since the previous message.
   */
  'window'?: (_rheo_v1_ProduceWindow | null);
  /**
   * What happened to the batch; unset for a window update alone.
   */
  'outcome'?: "result"|"error";
}

/**
 * One message on a Produce stream from the server: the answer to one request,
 * or (request_id 0) a window update alone. The server sends a window update
 * first, before any answer, and again whenever its bound on the node's
 * in-flight bytes moves the window. A batch sent past the window is answered
 * with reason Backpressure (retryable), never queued without bound.
 */
export interface ProduceResponse__Output {
  /**
   * The request answered; 0 for a window update alone.
   */
  'requestId': (number);
  /**
   * The batch was written.
   */
  'result'?: (_rheo_v1_PutRecordsResponse__Output | null);
  /**
   * The batch was not written (or, for OutcomeUnknown, may have been: retry with the same batch_sequence).
   */
  'error'?: (_rheo_v1_ErrorDetail__Output | null);
  /**
   * The current window; unset when unchanged since the previous message.
   */
  'window': (_rheo_v1_ProduceWindow__Output | null);
  /**
   * What happened to the batch; unset for a window update alone.
   */
  'outcome'?: "result"|"error";
}
