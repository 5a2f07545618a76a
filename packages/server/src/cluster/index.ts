// Cluster mode's parts (docs/cluster.md): the metadata replica and the
// active controller's runner on controller nodes, the metadata mirror on
// broker-only nodes, the catalog the services read, forwarding to the
// controller, and the broker agent.
export { BrokerAgent, type BrokerAgentOptions } from './broker-agent.js';
export { ControllerForwarder, forwardHopsMax } from './controller-forwarder.js';
export { ControllerRunner, controllerTickMs } from './controller-runner.js';
export { MetaCatalog } from './meta-catalog.js';
export { metaGroupId, metaGroupName } from './meta-open.js';
export {
  MetaReplica,
  type MetaReplicaDeps,
  metaCompactEveryEntries,
  metaProposalsMax,
} from './meta-replica.js';
export { MetadataMirror } from './metadata-mirror.js';
export { shardSpecOfRecord } from './shard-spec.js';
