// The log and snapshot forms of fan-out consumers and consumer groups:
// command readers for meta-command-codec.ts, and the snapshot's
// `consumers` and `groups` arrays (absent in snapshots written before
// them, which decode as none).
import {
  type GroupCheckpointRecord,
  type GroupCommand,
  type GroupRecord,
  groupKey,
  groupStartNames,
  type LeaseRecord,
} from './consumer-groups-meta.js';
import {
  type ConsumerCommand,
  type ConsumerRecord,
  consumerKey,
  consumerStatusNames,
} from './meta-apply-consumers.js';
import type { MetaTables } from './meta-tables.js';
import { arr, bool, corrupt, int, type Json, num, obj, oneOf, optional, str } from './shape.js';

type Reader = (o: Record<string, Json>) => ConsumerCommand | GroupCommand;

function start(v: Json, p: string): { type: GroupRecord['initialPosition']['type']; timestampMs: number } {
  const o = obj(v, p);
  return {
    type: oneOf(o.type, groupStartNames, `${p}.type`),
    timestampMs: num(o.timestampMs, `${p}.timestampMs`),
  };
}

export const consumerCommandReaders: Record<string, Reader> = {
  RegisterConsumer: (o) => ({
    type: 'RegisterConsumer',
    streamName: str(o.streamName, 'streamName'),
    name: str(o.name, 'name'),
    atMs: num(o.atMs, 'atMs'),
    limit: int(o.limit, 'limit'),
  }),
  SetConsumerStatus: (o) => ({
    type: 'SetConsumerStatus',
    streamName: str(o.streamName, 'streamName'),
    name: str(o.name, 'name'),
    status: oneOf(o.status, consumerStatusNames, 'status'),
  }),
  ForgetConsumer: (o) => ({
    type: 'ForgetConsumer',
    streamName: str(o.streamName, 'streamName'),
    name: str(o.name, 'name'),
  }),
  CreateGroup: (o) => ({
    type: 'CreateGroup',
    streamName: str(o.streamName, 'streamName'),
    name: str(o.name, 'name'),
    initialPosition: start(o.initialPosition, 'initialPosition'),
    leaseDurationMs: int(o.leaseDurationMs, 'leaseDurationMs'),
    atMs: num(o.atMs, 'atMs'),
  }),
  DeleteGroup: (o) => ({
    type: 'DeleteGroup',
    streamName: str(o.streamName, 'streamName'),
    name: str(o.name, 'name'),
  }),
  SetLeaseOwners: (o) => ({
    type: 'SetLeaseOwners',
    streamName: str(o.streamName, 'streamName'),
    name: str(o.name, 'name'),
    changes: arr(o.changes, 'changes').map((x, i) => {
      const c = obj(x, `changes[${i}]`);
      return {
        shardId: str(c.shardId, `changes[${i}].shardId`),
        owner: str(c.owner, `changes[${i}].owner`),
        counter: int(c.counter, `changes[${i}].counter`),
      };
    }),
  }),
  Checkpoint: (o) => ({
    type: 'Checkpoint',
    streamName: str(o.streamName, 'streamName'),
    name: str(o.name, 'name'),
    shardId: str(o.shardId, 'shardId'),
    owner: str(o.owner, 'owner'),
    counter: int(o.counter, 'counter'),
    sequenceNumber: str(o.sequenceNumber, 'sequenceNumber'),
    atShardEnd: bool(o.atShardEnd, 'atShardEnd'),
    atMs: num(o.atMs, 'atMs'),
  }),
};

/** The snapshot's consumer and group arrays, keys sorted so equal states encode equally. */
export function encodeConsumerTables(t: MetaTables): { consumers: object[]; groups: object[] } {
  return {
    consumers: [...t.consumers.keys()].sort().map((k) => {
      const c = t.consumers.get(k)!;
      return {
        streamName: c.streamName,
        name: c.name,
        arn: c.arn,
        status: c.status,
        createdAtMs: c.createdAtMs,
      };
    }),
    groups: [...t.groups.keys()].sort().map((k) => {
      const g = t.groups.get(k)!;
      return {
        streamName: g.streamName,
        name: g.name,
        initialPosition: { type: g.initialPosition.type, timestampMs: g.initialPosition.timestampMs },
        leaseDurationMs: g.leaseDurationMs,
        createdAtMs: g.createdAtMs,
        leases: Object.keys(g.leases)
          .sort()
          .map((id) => {
            const l = g.leases[id]!;
            return { shardId: l.shardId, owner: l.owner, counter: l.counter, checkpoint: l.checkpoint };
          }),
      };
    }),
  };
}

export function decodeConsumerTables(o: Record<string, Json>, t: MetaTables): void {
  optional(o.consumers, arr, 'consumers')?.forEach((x, i) => {
    const p = `consumers[${i}]`;
    const c = obj(x, p);
    const r: ConsumerRecord = Object.freeze({
      streamName: str(c.streamName, `${p}.streamName`),
      name: str(c.name, `${p}.name`),
      arn: str(c.arn, `${p}.arn`),
      status: oneOf(c.status, consumerStatusNames, `${p}.status`),
      createdAtMs: num(c.createdAtMs, `${p}.createdAtMs`),
    });
    if (!t.streams.has(r.streamName)) throw corrupt(`${p} belongs to no stream`);
    t.consumers.set(consumerKey(r.streamName, r.name), r);
  });
  optional(o.groups, arr, 'groups')?.forEach((x, i) => {
    const g = readGroup(obj(x, `groups[${i}]`), `groups[${i}]`);
    if (!t.streams.has(g.streamName)) throw corrupt(`groups[${i}] belongs to no stream`);
    t.groups.set(groupKey(g.streamName, g.name), g);
  });
}

function readGroup(o: Record<string, Json>, p: string): GroupRecord {
  const leases: Record<string, LeaseRecord> = {};
  arr(o.leases, `${p}.leases`).forEach((x, i) => {
    const lp = `${p}.leases[${i}]`;
    const l = obj(x, lp);
    const checkpoint = optional(
      l.checkpoint,
      (v, cp): GroupCheckpointRecord => {
        const c = obj(v, cp);
        return Object.freeze({
          sequenceNumber: str(c.sequenceNumber, `${cp}.sequenceNumber`),
          atShardEnd: bool(c.atShardEnd, `${cp}.atShardEnd`),
          updatedAtMs: num(c.updatedAtMs, `${cp}.updatedAtMs`),
        });
      },
      `${lp}.checkpoint`,
    );
    const shardId = str(l.shardId, `${lp}.shardId`);
    leases[shardId] = Object.freeze({
      shardId,
      owner: str(l.owner, `${lp}.owner`),
      counter: int(l.counter, `${lp}.counter`),
      ...(checkpoint === undefined ? {} : { checkpoint }),
    });
  });
  return Object.freeze({
    streamName: str(o.streamName, `${p}.streamName`),
    name: str(o.name, `${p}.name`),
    initialPosition: Object.freeze(start(o.initialPosition, `${p}.initialPosition`)),
    leaseDurationMs: int(o.leaseDurationMs, `${p}.leaseDurationMs`),
    createdAtMs: num(o.createdAtMs, `${p}.createdAtMs`),
    leases: Object.freeze(leases),
  });
}
