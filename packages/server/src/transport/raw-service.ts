// The RaftTransport service with frames as raw bytes. The transport encodes
// and decodes RaftBatch itself (with the contract's own message type) rather
// than letting grpc-js do it, for three reasons: it counts exact bytes per
// peer; it checks each frame's size before writing; and a frame a peer got
// wrong becomes a counted drop instead of grpc-js ending the whole stream.
// The path is the contract's, so on the wire nothing differs.
import * as grpc from '@grpc/grpc-js';
import { loadRheoProto, type pb } from '@rheo/wire';
import { encodeRaftBatch } from './batch-codec.js';
import { decodeRaftBatch } from './batch-decode.js';

const identity = (b: Buffer): Buffer => b;

/** `{ Exchange }` at `path`, bidirectional, messages as Buffers (the benches' bare streams use it too). */
export function rawBidiService(path: string): grpc.ServiceDefinition {
  return {
    Exchange: {
      path,
      requestStream: true,
      responseStream: true,
      requestSerialize: identity,
      requestDeserialize: identity,
      responseSerialize: identity,
      responseDeserialize: identity,
    },
  };
}

/** `/rheo.v1.RaftTransport/Exchange`, bidirectional, frames as Buffers. */
export function rawRaftTransportService(): grpc.ServiceDefinition {
  return rawBidiService(loadRheoProto().rheo.v1.RaftTransport.service.Exchange.path);
}

export type RawExchangeCall = grpc.ClientDuplexStream<Buffer, Buffer>;
export interface RawRaftTransportClient extends grpc.Client {
  Exchange(options?: grpc.CallOptions): RawExchangeCall;
}

let clientCtor: grpc.ServiceClientConstructor | undefined;

export function rawRaftTransportClient(
  address: string,
  options: grpc.ChannelOptions,
  credentials: grpc.ChannelCredentials = grpc.credentials.createInsecure(),
): RawRaftTransportClient {
  clientCtor ??= grpc.makeGenericClientConstructor(rawRaftTransportService(), 'RaftTransport');
  return new clientCtor(address, credentials, options) as unknown as RawRaftTransportClient;
}

/** Encodes a frame (the hand-written codec: same bytes as the contract's, several times faster). */
export function encodeBatch(batch: pb.RaftBatch): Buffer {
  return encodeRaftBatch(batch);
}

/** Decodes a frame; throws BatchDecodeError on bytes that are not a RaftBatch. */
export function decodeBatch(frame: Buffer): pb.RaftBatch__Output {
  return decodeRaftBatch(frame);
}
