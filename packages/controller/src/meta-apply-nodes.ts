// MetaState's node commands: RegisterNode, SetNodeState, RemoveNode.
import { isNodeId, refuse } from './kinesis-rules.js';
import type { MetaTables } from './meta-tables.js';
import {
  type ApplyOutcome,
  type MetaCommand,
  type NodeRecord,
  nodeRoleNames,
  nodeStateNames,
} from './types.js';

type Cmd<T extends MetaCommand['type']> = Extract<MetaCommand, { type: T }>;

const isLive = (n: NodeRecord): boolean => n.state === 'ALIVE' || n.state === 'SUSPECT';

export function applyRegisterNode(t: MetaTables, cmd: Cmd<'RegisterNode'>): ApplyOutcome {
  const n = cmd.node;
  if (!isNodeId(n.id)) return refuse('InvalidArgument', `node id ${n.id} must be in 1..4294967295`, 'nodeId');
  if (typeof n.address !== 'string' || n.address.length === 0) {
    return refuse('InvalidArgument', `node ${n.id} registered without an address`, 'address');
  }
  if (n.roles.length === 0 || n.roles.some((r) => !nodeRoleNames.includes(r))) {
    return refuse(
      'InvalidArgument',
      `node ${n.id} has roles [${n.roles.join(', ')}]; expected broker and/or controller`,
      'roles',
    );
  }
  const old = t.nodes.get(n.id);
  if (old !== undefined && old.address !== n.address && isLive(old)) {
    return refuse(
      'ResourceInUse',
      `node ${n.id} is already registered at ${old.address} and alive; refusing a second registration from ${n.address}`,
      'nodeId',
    );
  }
  // A restart keeps an operator's drain; any other state means the process is back.
  const state = old?.state === 'DRAINING' || old?.state === 'DRAINED' ? old.state : 'ALIVE';
  const record: NodeRecord = Object.freeze({
    id: n.id,
    address: n.address,
    gatewayAddress: n.gatewayAddress,
    roles: Object.freeze([...new Set(n.roles)].sort()),
    rack: n.rack,
    incarnation: n.incarnation,
    state,
    registeredAtMs: n.registeredAtMs,
  });
  t.nodes.set(n.id, record);
  return { ok: true, value: record };
}

export function applySetNodeState(t: MetaTables, cmd: Cmd<'SetNodeState'>): ApplyOutcome {
  const old = t.nodes.get(cmd.nodeId);
  if (old === undefined) return nodeNotFound(cmd.nodeId);
  if (!nodeStateNames.includes(cmd.state)) {
    return refuse('InvalidArgument', `unknown node state ${cmd.state}`, 'state');
  }
  const record = Object.freeze({ ...old, state: cmd.state });
  t.nodes.set(cmd.nodeId, record);
  return { ok: true, value: record };
}

export function applyRemoveNode(t: MetaTables, cmd: Cmd<'RemoveNode'>): ApplyOutcome {
  const old = t.nodes.get(cmd.nodeId);
  if (old === undefined) return nodeNotFound(cmd.nodeId);
  const desired = [...t.shards.values()].filter((s) => s.replicas.includes(cmd.nodeId)).length;
  if (old.state !== 'DRAINED' && !(old.state === 'DEAD' && desired === 0)) {
    return refuse(
      'ResourceInUse',
      old.state === 'DEAD'
        ? `node ${cmd.nodeId} is DEAD but still in the replica set of ${desired} shard(s); wait for repair`
        : `node ${cmd.nodeId} is ${old.state}; only a DRAINED node, or a DEAD one with no replicas, can be removed (drain it first)`,
      'nodeId',
    );
  }
  t.nodes.delete(cmd.nodeId);
  return { ok: true };
}

export function nodeNotFound(id: number): ApplyOutcome {
  return refuse('ResourceNotFound', `node ${id} is not registered`, 'nodeId');
}
