// @rheo/gateway's public entry: the Kinesis-compatible HTTP API. startGateway
// serves it on one port (HTTP/1.1 and HTTP/2; TLS optional) in front of the
// cluster reached through @rheo/client. See docs/gateway.md.
export { actions } from './actions/index.js';
export { type BodyFormat, contentTypes } from './body-codec.js';
export { ClusterAccess } from './cluster-access.js';
export { type Gateway, type GatewayOptions, startGateway } from './gateway.js';
export { KinesisError } from './kinesis-error.js';
export {
  type GatewayRequest,
  type GatewayResponse,
  handleRequest,
  type PipelineOptions,
  targetPrefix,
} from './request-pipeline.js';
export type { AccessKeys } from './sigv4-verify.js';
