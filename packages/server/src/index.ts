// @rheo/server's public entry: the node's configuration, logger, gRPC
// server and node-to-node Raft transport.
export * from './config/index.js';
export * from './log/index.js';
export * from './transport/index.js';
