// A data dir belongs to one node of one cluster. The first start records
// the cluster id and node id in the store's metadata keyspace; every later
// start compares. A data dir given to another node id (a copied volume, a
// mixed-up mount) would otherwise rejoin its groups under the wrong
// identity: Raft would count one node's log as another's vote.
import type { MetaStore } from '@rheo/storage';
import { ConfigError } from '../config/config-error.js';

const IDENTITY_KEY = Buffer.from('node-identity');

export interface NodeIdentity {
  readonly clusterId: string;
  readonly nodeId: number;
}

/** Records the identity on first start; throws ConfigError, naming both, when the data dir holds another. */
export async function checkNodeIdentity(meta: MetaStore, want: NodeIdentity, dataDir: string): Promise<void> {
  const stored = await meta.get(IDENTITY_KEY);
  if (stored === undefined) {
    await meta.write({ puts: [[IDENTITY_KEY, Buffer.from(JSON.stringify(want))]], sync: true });
    return;
  }
  const had = JSON.parse(Buffer.from(stored).toString('utf8')) as NodeIdentity;
  const problems: string[] = [];
  if (had.nodeId !== want.nodeId)
    problems.push(
      `node_id: the data dir ${dataDir} belongs to node ${had.nodeId}, but this node is configured as node ${want.nodeId}; ` +
        `start node ${had.nodeId} on it, or give node ${want.nodeId} its own (empty) data dir`,
    );
  if (had.clusterId !== want.clusterId)
    problems.push(
      `cluster_id: the data dir ${dataDir} belongs to cluster ${had.clusterId}, but this node is configured for cluster ` +
        `${want.clusterId}; use that cluster id, or an empty data dir`,
    );
  if (problems.length > 0) throw new ConfigError(problems);
}
