// Original file: proto/rheo/v1/internal.proto

import type { RaftMessageType as _rheo_v1_RaftMessageType, RaftMessageType__Output as _rheo_v1_RaftMessageType__Output } from '../../rheo/v1/RaftMessageType.js';
import type { RaftEntry as _rheo_v1_RaftEntry, RaftEntry__Output as _rheo_v1_RaftEntry__Output } from '../../rheo/v1/RaftEntry.js';
import type { RaftSnapshot as _rheo_v1_RaftSnapshot, RaftSnapshot__Output as _rheo_v1_RaftSnapshot__Output } from '../../rheo/v1/RaftSnapshot.js';
import type { Long } from '@grpc/proto-loader';

/**
 * One Raft message (types.ts Message; one flat shape, unused fields 0 or empty).
 */
export interface RaftMessage {
  /**
   * Message type.
   */
  'type'?: (_rheo_v1_RaftMessageType);
  /**
   * Recipient node id.
   */
  'to'?: (number);
  /**
   * Sender node id.
   */
  'from'?: (number);
  /**
   * Sender's term.
   */
  'term'?: (number | string | Long);
  /**
   * App: term of the entry at `index`. Vote/PreVote: term of the candidate's last entry.
   */
  'logTerm'?: (number | string | Long);
  /**
   * App: index preceding `entries`. Vote/PreVote: the candidate's last index. AppResp: highest index matched or rejected.
   */
  'index'?: (number | string | Long);
  /**
   * App: the entries to append.
   */
  'entries'?: (_rheo_v1_RaftEntry)[];
  /**
   * The sender's commit index.
   */
  'commit'?: (number | string | Long);
  /**
   * AppResp, VoteResp, PreVoteResp: refused.
   */
  'reject'?: (boolean);
  /**
   * AppResp with reject: where the leader should probe next.
   */
  'rejectHint'?: (number | string | Long);
  /**
   * AppResp with reject: term of the follower's entry at reject_hint, for fast back-off.
   */
  'rejectHintTerm'?: (number | string | Long);
  /**
   * Opaque context: read-index request ids, campaign kind for transfers.
   */
  'context'?: (Buffer | Uint8Array | string);
  /**
   * Snap: the snapshot; unset otherwise.
   */
  'snapshot'?: (_rheo_v1_RaftSnapshot | null);
}

/**
 * One Raft message (types.ts Message; one flat shape, unused fields 0 or empty).
 */
export interface RaftMessage__Output {
  /**
   * Message type.
   */
  'type': (_rheo_v1_RaftMessageType__Output);
  /**
   * Recipient node id.
   */
  'to': (number);
  /**
   * Sender node id.
   */
  'from': (number);
  /**
   * Sender's term.
   */
  'term': (number);
  /**
   * App: term of the entry at `index`. Vote/PreVote: term of the candidate's last entry.
   */
  'logTerm': (number);
  /**
   * App: index preceding `entries`. Vote/PreVote: the candidate's last index. AppResp: highest index matched or rejected.
   */
  'index': (number);
  /**
   * App: the entries to append.
   */
  'entries': (_rheo_v1_RaftEntry__Output)[];
  /**
   * The sender's commit index.
   */
  'commit': (number);
  /**
   * AppResp, VoteResp, PreVoteResp: refused.
   */
  'reject': (boolean);
  /**
   * AppResp with reject: where the leader should probe next.
   */
  'rejectHint': (number);
  /**
   * AppResp with reject: term of the follower's entry at reject_hint, for fast back-off.
   */
  'rejectHintTerm': (number);
  /**
   * Opaque context: read-index request ids, campaign kind for transfers.
   */
  'context': (Buffer);
  /**
   * Snap: the snapshot; unset otherwise.
   */
  'snapshot': (_rheo_v1_RaftSnapshot__Output | null);
}
