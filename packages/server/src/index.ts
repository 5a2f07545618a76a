// @rheo/server's public entry: the node's configuration, logger, gRPC
// server and node-to-node Raft transport; the node itself (startNode, and
// runNode for the process and the CLI's `rheo server`) and its services.
export * from './cluster/index.js';
export * from './config/index.js';
export * from './log/index.js';
export * from './node/index.js';
export * from './observability/index.js';
export * from './services/index.js';
export * from './transport/index.js';
