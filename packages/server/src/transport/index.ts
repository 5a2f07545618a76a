export { type BackoffOptions, backoffDelayMs } from './backoff.js';
export { CoalesceKind, coalesceKind } from './coalesce.js';
export { frameMessageBytesMax, groupMessageBytesMax, splitToFit } from './frame-size.js';
export { type ConfiguredTransportOptions, transportLog, transportOptionsFromConfig } from './from-config.js';
export {
  GrpcServerError,
  type GrpcServerHandle,
  shutdownGraceMsDefault,
  shutdownGrpcServer,
  startGrpcServer,
} from './grpc-server.js';
export { decodeGroupId, decodeRaftMessage, encodeRaftMessage, RaftCodecError } from './raft-codec.js';
export { RaftTransport, transportDefaults } from './raft-transport.js';
export type {
  DropReason,
  PeerStats,
  RaftTransportOptions,
  TransportPeer,
  TransportStats,
} from './transport-types.js';
