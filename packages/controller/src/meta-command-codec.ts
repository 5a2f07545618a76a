// MetaCommands as metadata-log entries: JSON in UTF-8 (docs/cluster.md). The
// decoder checks every field's shape, so apply only judges meaning.
import { RheoError } from '@rheo/wire';
import { consumerCommandReaders } from './meta-apply-consumers-codec.js';
import { limitsCommandReaders, shardLimitsField } from './meta-apply-limits.js';
import { monitoringCommandReaders } from './meta-apply-monitoring.js';
import { reshardCommandReaders } from './meta-apply-reshard-codec.js';
import {
  arr,
  int,
  ints,
  type Json,
  jsonBytes,
  num,
  obj,
  oneOf,
  parseJsonBytes,
  str,
  stringMap,
  strings,
} from './shape.js';
import {
  type MetaCommand,
  nodeRoleNames,
  nodeStateNames,
  streamModeNames,
  streamStatusNames,
} from './types.js';

export function encodeMetaCommand(c: MetaCommand): Uint8Array {
  return jsonBytes(c);
}

/** The command in `bytes`; RheoError('Corrupt') when they are not one. */
export function decodeMetaCommand(b: Uint8Array): MetaCommand {
  const o = obj(parseJsonBytes(b, 'metadata command'), 'command');
  const type = str(o.type, 'command.type');
  const read = Object.hasOwn(readers, type) ? readers[type] : undefined;
  if (read === undefined)
    throw new RheoError('Corrupt', `metadata command type ${JSON.stringify(type)} is unknown`);
  return read(o);
}

const readers: Record<string, (o: Record<string, Json>) => MetaCommand> = {
  ...consumerCommandReaders,
  ...limitsCommandReaders,
  ...monitoringCommandReaders,
  ...reshardCommandReaders,
  RegisterNode: (o) => {
    const n = obj(o.node, 'node');
    return {
      type: 'RegisterNode',
      node: {
        id: int(n.id, 'node.id'),
        address: str(n.address, 'node.address'),
        gatewayAddress: str(n.gatewayAddress, 'node.gatewayAddress'),
        roles: arr(n.roles, 'node.roles').map((r, i) => oneOf(r, nodeRoleNames, `node.roles[${i}]`)),
        rack: str(n.rack, 'node.rack'),
        incarnation: str(n.incarnation, 'node.incarnation'),
        registeredAtMs: num(n.registeredAtMs, 'node.registeredAtMs'),
      },
    };
  },
  SetNodeState: (o) => ({
    type: 'SetNodeState',
    nodeId: int(o.nodeId, 'nodeId'),
    state: oneOf(o.state, nodeStateNames, 'state'),
  }),
  RemoveNode: (o) => ({ type: 'RemoveNode', nodeId: int(o.nodeId, 'nodeId') }),
  CreateStream: (o) => ({
    type: 'CreateStream',
    name: str(o.name, 'name'),
    shardCount: int(o.shardCount, 'shardCount'),
    replicationFactor: int(o.replicationFactor, 'replicationFactor'),
    retentionHours: int(o.retentionHours, 'retentionHours'),
    mode: oneOf(o.mode, streamModeNames, 'mode'),
    tags: stringMap(o.tags, 'tags'),
    atMs: num(o.atMs, 'atMs'),
    placement: arr(o.placement, 'placement').map((set, i) => ints(set, `placement[${i}]`)),
    ...shardLimitsField(o.shardLimits, 'shardLimits'),
  }),
  DeleteStream: (o) => ({ type: 'DeleteStream', name: str(o.name, 'name') }),
  ForgetStream: (o) => ({ type: 'ForgetStream', name: str(o.name, 'name') }),
  SetStreamStatus: (o) => ({
    type: 'SetStreamStatus',
    name: str(o.name, 'name'),
    status: oneOf(o.status, streamStatusNames, 'status'),
  }),
  SetShardReplicas: (o) => ({
    type: 'SetShardReplicas',
    streamName: str(o.streamName, 'streamName'),
    shardId: str(o.shardId, 'shardId'),
    replicas: ints(o.replicas, 'replicas'),
  }),
  ReportLeaders: (o) => ({
    type: 'ReportLeaders',
    leaders: arr(o.leaders, 'leaders').map((x, i) => {
      const l = obj(x, `leaders[${i}]`);
      return {
        groupId: int(l.groupId, `leaders[${i}].groupId`),
        nodeId: int(l.nodeId, `leaders[${i}].nodeId`),
        term: int(l.term, `leaders[${i}].term`),
      };
    }),
  }),
  AddTags: (o) => ({ type: 'AddTags', name: str(o.name, 'name'), tags: stringMap(o.tags, 'tags') }),
  RemoveTags: (o) => ({ type: 'RemoveTags', name: str(o.name, 'name'), keys: strings(o.keys, 'keys') }),
  SetRetention: (o) => ({
    type: 'SetRetention',
    name: str(o.name, 'name'),
    hours: int(o.hours, 'hours'),
    direction: oneOf(o.direction, ['increase', 'decrease'] as const, 'direction'),
  }),
};
