// The SDK's one door to gRPC and the contract: everything else imports from
// here, so the transport could be swapped (or mocked) in one place.
// @grpc/grpc-js comes with @rheo/wire, which loads the contract with it.
export { type ChannelCredentials, credentials, Metadata, status } from '@grpc/grpc-js';
export {
  encodeBatch,
  errorDetailFromMetadata,
  fromErrorDetail,
  grpcChannelOptions,
  loadRheoProto,
  pb,
  type Reason,
  RheoError,
} from '@rheo/wire';
