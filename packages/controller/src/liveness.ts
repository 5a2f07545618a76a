// A node's state from its silence (docs/cluster.md "Liveness"). An
// operator's drain outlives silence: DRAINING and DRAINED are left alone.
// Silence is counted from the controller's takeover for nodes it has not
// heard yet, but only hearing from a node makes it ALIVE again: a node DEAD
// on record stays DEAD across a controller failover until it speaks.
import type { ControllerConfig } from './config.js';
import type { NodeStateName } from './types.js';

export function livenessState(
  current: NodeStateName,
  silenceMs: number,
  /** Whether this controller has heard from the node (registration or heartbeat) since its takeover. */
  heard: boolean,
  config: Pick<ControllerConfig, 'nodeSuspectAfterMs' | 'nodeDeadAfterMs'>,
): NodeStateName {
  if (current === 'DRAINING' || current === 'DRAINED') return current;
  if (silenceMs >= config.nodeDeadAfterMs) return 'DEAD';
  if (!heard && current !== 'ALIVE') return current;
  if (silenceMs >= config.nodeSuspectAfterMs) return 'SUSPECT';
  return 'ALIVE';
}
