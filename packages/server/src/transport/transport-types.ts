// The RaftTransport's options and counters.
import type { ChannelCredentials } from '@grpc/grpc-js';
import type { Message } from '@rheo/raft';
import type { Tracer } from '../log/logger.js';
import type { BackoffOptions } from './backoff.js';

export interface TransportPeer {
  readonly id: number;
  /** host:port of the peer's gRPC server. */
  readonly address: string;
}

/** Why messages were dropped. Raft tolerates loss: every drop is counted, none is an error. */
export type DropReason =
  | 'queue-full'
  | 'unknown-peer'
  | 'closed'
  | 'unknown-group'
  | 'malformed'
  | 'misaddressed'
  | 'handler-error';

export interface RaftTransportOptions {
  readonly nodeId: number;
  readonly clusterId: string;
  /** The other nodes (this node's own id is ignored if listed). */
  readonly peers: readonly TransportPeer[];
  /**
   * Accept a stream from a lower-id node of this cluster that is not (yet) a
   * peer, instead of refusing it (cluster mode: a node may dial before this
   * one learned of it from the metadata). Default false: only known peers.
   */
  readonly acceptUnknownPeers?: boolean;
  /** Receives each message a peer sent, already checked (group known, addressed to this node). */
  readonly handler: (groupId: number, msg: Message) => void;
  /** True when this node hosts the group; messages for other groups are counted and dropped. */
  readonly hasGroup: (groupId: number) => boolean;
  /** A peer's stream broke or its messages were dropped: the driver calls reportUnreachable for these groups. */
  readonly onUnreachable?: (peerId: number, groupIds: readonly number[]) => void;
  /** Bound on the bytes queued for one peer (upper bounds of encoded sizes). */
  readonly peerQueueBytesMax?: number;
  /** Bound on the messages queued for one peer. */
  readonly peerQueueMessagesMax?: number;
  /** Target size of one stream write; a single larger message still goes alone. */
  readonly batchBytesMax?: number;
  readonly backoff?: BackoffOptions;
  /** How long either side waits for the other's hello. */
  readonly helloTimeoutMs?: number;
  /** How peers are dialed: TLS when the node has it (node/tls.ts); plaintext when left out. */
  readonly credentials?: ChannelCredentials;
  /** [0, 1); Math.random when left out (tests pass a seeded one). */
  readonly random?: () => number;
  readonly tracer?: Tracer;
  /** Rare events (connects, refusals, breaks); defaults to none. */
  readonly log?: (level: 'info' | 'warn', msg: string, fields: Record<string, unknown>) => void;
}

export interface PeerStats {
  readonly peerId: number;
  connected: boolean;
  messagesSent: number;
  /** Exact bytes of the frames written. */
  bytesSent: number;
  /** Stream writes (one per batch). */
  batchesSent: number;
  messagesReceived: number;
  bytesReceived: number;
  batchesReceived: number;
  /** Streams established after the first. */
  reconnects: number;
  connects: number;
  queuedMessages: number;
  queuedBytes: number;
  drops: Record<DropReason, number>;
}

export interface TransportStats {
  readonly peers: PeerStats[];
  /** Drops not tied to a known peer (sends to an unknown node, frames on refused streams). */
  readonly drops: Record<DropReason, number>;
  /** Streams refused for a bad hello (wrong node, wrong cluster, unknown peer). */
  readonly refused: number;
}

export function emptyDrops(): Record<DropReason, number> {
  return {
    'queue-full': 0,
    'unknown-peer': 0,
    closed: 0,
    'unknown-group': 0,
    malformed: 0,
    misaddressed: 0,
    'handler-error': 0,
  };
}
