// The transport options a node's configuration decides: its id, cluster,
// peers (the hand-configured data-path peers and the controller voters,
// less itself; pinned, see raft-transport.ts) and queue bounds. In cluster
// mode (controller voters configured) brokers are learned from the
// metadata at run time (RaftTransport.setPeers), so a lower-id node's
// stream is accepted before this node learned of it. The caller adds the
// handler, hasGroup and onUnreachable, which come from the node's replicas.
import type { NodeConfig } from '../config/schema.js';
import type { Logger } from '../log/logger.js';
import type { RaftTransportOptions, TransportPeer } from './transport-types.js';

export type ConfiguredTransportOptions = Pick<
  RaftTransportOptions,
  'nodeId' | 'clusterId' | 'peers' | 'peerQueueBytesMax' | 'peerQueueMessagesMax' | 'acceptUnknownPeers'
>;

export function transportOptionsFromConfig(config: NodeConfig): ConfiguredTransportOptions {
  const peers = new Map<number, TransportPeer>();
  // The config check guarantees an id has one address across both lists.
  for (const n of [...config.controllerVoters, ...config.peers]) {
    if (n.id !== config.nodeId) peers.set(n.id, { id: n.id, address: n.address });
  }
  return {
    nodeId: config.nodeId,
    clusterId: config.clusterId,
    peers: [...peers.values()],
    peerQueueBytesMax: config.peerQueueBytesMax,
    peerQueueMessagesMax: config.peerQueueMessagesMax,
    acceptUnknownPeers: config.controllerVoters.length > 0,
  };
}

/** The transport's rare-event log (`log` option) onto the node's logger. */
export function transportLog(log: Logger): NonNullable<RaftTransportOptions['log']> {
  return (level, msg, fields) => log[level](fields, msg);
}
