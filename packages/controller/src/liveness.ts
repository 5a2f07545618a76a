// A node's state from its silence (docs/cluster.md "Liveness"). An
// operator's drain outlives silence: DRAINING and DRAINED are left alone.
import type { ControllerConfig } from './config.js';
import type { NodeStateName } from './types.js';

export function livenessState(
  current: NodeStateName,
  silenceMs: number,
  config: Pick<ControllerConfig, 'nodeSuspectAfterMs' | 'nodeDeadAfterMs'>,
): NodeStateName {
  if (current === 'DRAINING' || current === 'DRAINED') return current;
  if (silenceMs >= config.nodeDeadAfterMs) return 'DEAD';
  if (silenceMs >= config.nodeSuspectAfterMs) return 'SUSPECT';
  return 'ALIVE';
}
