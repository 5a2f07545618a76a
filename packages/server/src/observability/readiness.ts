// /readyz's answer from named checks: each returns why the node is not
// ready, or undefined. The node owns the checks (joined the cluster,
// metadata caught up, not stopping); this file only combines them, and
// offers the one check that reads the replica host.
import type { ReplicaHost } from '@rheo/broker';
import type { Readiness } from './http-server.js';

/** Why the node cannot serve, in words an operator acts on; undefined when this check passes. */
export type ReadinessCheck = () => string | undefined;

/** Ready when every check passes; the reasons of those that do not, in order. */
export function readinessOf(checks: readonly ReadinessCheck[]): () => Readiness {
  return () => {
    const reasons: string[] = [];
    for (const check of checks) {
      const reason = check();
      if (reason !== undefined) reasons.push(reason);
    }
    return { ready: reasons.length === 0, reasons };
  };
}

/** Not ready while a replica on this node has stopped on a storage or apply error. */
export function failedReplicasCheck(host: ReplicaHost): ReadinessCheck {
  return () => {
    const failed = [...host.replicas()]
      .filter((r) => r.status().failed)
      .map((r) => `${r.spec.streamName}/${r.spec.shardId}`);
    if (failed.length === 0) return undefined;
    const shown = failed.slice(0, 5).join(', ');
    return `${failed.length} shard replica(s) stopped on a storage or apply error and need repair: ${shown}${failed.length > 5 ? ', ...' : ''}`;
  };
}
