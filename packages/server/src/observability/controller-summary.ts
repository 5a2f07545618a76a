// The controller's figures for rheo_controller_* (controller-metrics.ts),
// from the active controller and the metadata it leads: brokers by state,
// shards by state, leaders per node from the metadata's reported leaders,
// and the under-replicated and leaderless counts the controller computes
// from its heartbeat observations. Called at scrape time only.
import type { ActiveController, MetaState, NodeStateName } from '@rheo/controller';
import type { ControllerSummary } from './controller-metrics.js';

/** Every state, so a state with no node reports 0 rather than vanishing from the series. */
const nodeStates: readonly NodeStateName[] = ['ALIVE', 'SUSPECT', 'DEAD', 'DRAINING', 'DRAINED'];

export function controllerSummary(
  controller: Pick<ActiveController, 'underReplicatedShards' | 'leaderlessShards'>,
  state: MetaState,
): ControllerSummary {
  const nodesByState: Record<string, number> = Object.fromEntries(nodeStates.map((s) => [s, 0]));
  for (const n of state.nodes()) nodesByState[n.state] = (nodesByState[n.state] ?? 0) + 1;
  let shardsOpen = 0;
  let shardsClosed = 0;
  const leadersPerNode: Record<number, number> = {};
  for (const s of state.allShards()) {
    if (state.stream(s.streamName)?.status === 'DELETING') continue;
    if (!s.open) {
      shardsClosed++;
      continue;
    }
    shardsOpen++;
    if (s.leader !== undefined) leadersPerNode[s.leader.nodeId] = (leadersPerNode[s.leader.nodeId] ?? 0) + 1;
  }
  return {
    nodesByState,
    shardsOpen,
    shardsClosed,
    underReplicated: controller.underReplicatedShards(),
    leaderless: controller.leaderlessShards(),
    leadersPerNode,
  };
}
