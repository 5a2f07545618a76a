// `rheo cluster drain <id> --wait [drained|leaders]`: after DrainNode is
// accepted, poll DescribeCluster until the node is DRAINED (everything moved:
// safe to remove), or, with `leaders`, until it leads no shard (what a
// Kubernetes preStop hook waits for before a restart: clients and peers lose
// no leader when the process stops). `leaders` is also done when no other
// broker is ALIVE: leaders have nowhere to go (the last broker, or every pod
// stopping at once on an uninstall), and waiting would only delay the stop.
// A time limit ends the wait with an Unavailable error naming what is left.
import { type ClusterDescription, RheoError } from '@rheo/client';

export type DrainGoal = 'drained' | 'leaders';
export const drainGoals: readonly DrainGoal[] = Object.freeze(['drained', 'leaders']);

/** The poll interval: DescribeCluster is answered from a node's local metadata, so it is cheap. */
export const drainPollMs = 500;

/** undefined when `goal` is reached for `nodeId`, else why not (for the timeout message). */
export function drainPending(
  description: ClusterDescription,
  nodeId: number,
  goal: DrainGoal,
): string | undefined {
  const node = description.nodes.find((n) => n.nodeId === nodeId);
  if (node === undefined) {
    throw new RheoError('ResourceNotFound', `node ${nodeId} is not in the cluster`, { field: 'node_id' });
  }
  const drainingOrDrained = node.state === 'DRAINING' || node.state === 'DRAINED';
  if (goal === 'drained' && node.state === 'DRAINED') return undefined;
  if (goal === 'leaders' && drainingOrDrained) {
    const elsewhere = description.nodes.some(
      (n) => n.nodeId !== nodeId && n.state === 'ALIVE' && n.roles.includes('BROKER'),
    );
    if (node.leaderCount === 0 || !elsewhere) return undefined;
  }
  return `${node.state}, ${node.leaderCount} leaders, ${node.replicaCount} replicas`;
}

export interface DrainWaitOptions {
  readonly nodeId: number;
  readonly goal: DrainGoal;
  readonly timeoutMs: number;
  readonly describe: () => Promise<ClusterDescription>;
  readonly nowMs?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

/** Polls until the goal is reached; a failed poll (an election, a node restarting) is retried until the time limit. */
export async function waitForDrain(options: DrainWaitOptions): Promise<void> {
  const nowMs = options.nowMs ?? Date.now;
  const sleep = options.sleep ?? ((ms) => new Promise<void>((r) => setTimeout(r, ms)));
  const deadlineMs = nowMs() + options.timeoutMs;
  let last = 'not yet asked';
  for (;;) {
    try {
      const why = drainPending(await options.describe(), options.nodeId, options.goal);
      if (why === undefined) return;
      last = why;
    } catch (err) {
      if (err instanceof RheoError && err.code === 'ResourceNotFound') throw err;
      last = err instanceof Error ? err.message : String(err);
    }
    if (nowMs() >= deadlineMs) break;
    await sleep(drainPollMs);
  }
  const goal = options.goal === 'drained' ? 'DRAINED' : 'free of leaders';
  throw new RheoError(
    'Unavailable',
    `node ${options.nodeId} not ${goal} after ${Math.round(options.timeoutMs / 1000)} s: ${last}`,
  );
}
