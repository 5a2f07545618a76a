// The ConsumerGroups service (groups.proto), cluster mode: every call runs
// on the active controller (its GroupCoordinator holds the lease expiries)
// and is forwarded there from any other node, like the admin mutations.
import type * as grpc from '@grpc/grpc-js';
import type { ActiveController, GroupCheckpointRecord, GroupStartName, LeaseView } from '@rheo/controller';
import { loadRheoProto, type pb, RheoError } from '@rheo/wire';
import { type CallInfo, viaController } from './admin-mutations.js';
import { metadataOf, metaStream } from './admin-views.js';
import type { ServiceContext } from './service-context.js';
import { unary } from './unary.js';
import { unimplementedHandlers } from './unimplemented.js';

function checkpointView(c: GroupCheckpointRecord | undefined): pb.GroupCheckpoint | null {
  return c === undefined
    ? null
    : { sequenceNumber: c.sequenceNumber, atShardEnd: c.atShardEnd, updatedAtMs: c.updatedAtMs };
}

export function leaseView(l: LeaseView): pb.Lease {
  return {
    shardId: l.shardId,
    owner: l.owner,
    leaseCounter: l.counter,
    checkpoint: checkpointView(l.checkpoint),
    parentShardIds: [...l.parentShardIds],
    expiresAtMs: l.expiresAtMs,
    millisBehindLatest: l.millisBehindLatest,
  };
}

function startOf(p: pb.StartingPosition__Output | null | undefined): {
  type: GroupStartName;
  timestampMs: number;
} {
  const name = typeof p?.type === 'string' ? p.type.replace('SHARD_ITERATOR_TYPE_', '') : '';
  if (name === '' || name === 'UNSPECIFIED' || name === 'TRIM_HORIZON')
    return { type: 'TRIM_HORIZON', timestampMs: 0 };
  if (name === 'LATEST') return { type: 'LATEST', timestampMs: 0 };
  if (name === 'AT_TIMESTAMP') return { type: 'AT_TIMESTAMP', timestampMs: Number(p?.timestampMs ?? 0) };
  throw new RheoError(
    'InvalidArgument',
    `initial_position must be TRIM_HORIZON, LATEST or AT_TIMESTAMP; got ${name}`,
    {
      field: 'initial_position',
    },
  );
}

type Named = { streamName: string; streamArn: string; groupName: string };

function streamOf(ctx: ServiceContext, req: Named): string {
  if (req.groupName === '')
    throw new RheoError('InvalidArgument', 'group_name is required', { field: 'group_name' });
  return metaStream(metadataOf(ctx), req.streamName, req.streamArn).name;
}

function via<Req extends Named, Res>(
  ctx: ServiceContext,
  method: string,
  local: (c: ActiveController, stream: string, req: Req) => Promise<Res> | Res,
): grpc.handleUnaryCall<Req, Res> {
  return unary(ctx, method, (req: Req, call: CallInfo) =>
    viaController(ctx, { service: 'ConsumerGroups', method, req, call }, async (c) =>
      local(c, streamOf(ctx, req), req),
    ),
  );
}

export function consumerGroupHandlers(ctx: ServiceContext): grpc.UntypedServiceImplementation {
  const service = loadRheoProto().rheo.v1.ConsumerGroups.service;
  if (ctx.cluster === undefined)
    return unimplementedHandlers(
      service,
      Object.keys(service),
      'is not available in static mode: consumer groups live in the metadata (set controller_voters)',
    );
  return {
    CreateConsumerGroup: via(
      ctx,
      'CreateConsumerGroup',
      async (c, stream, req: pb.CreateConsumerGroupRequest__Output) => ({
        created: await c.groups.create(
          stream,
          req.groupName,
          startOf(req.settings?.initialPosition),
          req.settings?.leaseDurationMs ?? 0,
        ),
      }),
    ),
    DeleteConsumerGroup: via(
      ctx,
      'DeleteConsumerGroup',
      async (c, stream, req: pb.DeleteConsumerGroupRequest__Output) => {
        await c.groups.delete(stream, req.groupName);
        return {};
      },
    ),
    ListConsumerGroups: unary(ctx, 'ListConsumerGroups', (req: pb.ListConsumerGroupsRequest__Output) => {
      const state = metadataOf(ctx);
      const stream = metaStream(state, req.streamName, req.streamArn);
      return { groupNames: state.groupsOf(stream.name).map((g) => g.name) };
    }),
    DescribeConsumerGroup: via(
      ctx,
      'DescribeConsumerGroup',
      (c, stream, req: pb.DescribeConsumerGroupRequest__Output) => {
        const d = c.groups.describe(stream, req.groupName);
        return {
          settings: {
            initialPosition: {
              type: `SHARD_ITERATOR_TYPE_${d.group.initialPosition.type}`,
              sequenceNumber: '',
              timestampMs: d.group.initialPosition.timestampMs,
            },
            leaseDurationMs: d.group.leaseDurationMs,
          },
          leases: d.leases.map(leaseView),
          activeWorkers: d.activeWorkers,
        };
      },
    ),
    AcquireLeases: via(ctx, 'AcquireLeases', async (c, stream, req: pb.AcquireLeasesRequest__Output) => ({
      leases: (await c.groups.acquire(stream, req.groupName, req.workerId, req.shardIds, req.maxLeases)).map(
        leaseView,
      ),
    })),
    RenewLeases: via(ctx, 'RenewLeases', (c, stream, req: pb.RenewLeasesRequest__Output) => {
      const r = c.groups.renew(stream, req.groupName, req.workerId, req.leases.map(refOf));
      return { renewed: r.renewed.map(leaseView), lostShardIds: r.lost };
    }),
    ReleaseLeases: via(ctx, 'ReleaseLeases', async (c, stream, req: pb.ReleaseLeasesRequest__Output) => {
      await c.groups.release(stream, req.groupName, req.workerId, req.leases.map(refOf));
      return {};
    }),
    Checkpoint: via(ctx, 'Checkpoint', async (c, stream, req: pb.CheckpointRequest__Output) => {
      if (req.lease === null) throw new RheoError('InvalidArgument', 'lease is required', { field: 'lease' });
      const cp = await c.groups.checkpoint(
        stream,
        req.groupName,
        req.workerId,
        refOf(req.lease),
        req.sequenceNumber,
        req.atShardEnd,
      );
      return { checkpoint: checkpointView(cp) };
    }),
  };
}

function refOf(r: pb.LeaseRef__Output): { shardId: string; counter: number; millisBehindLatest: number } {
  return {
    shardId: r.shardId,
    counter: Number(r.leaseCounter),
    millisBehindLatest: Number(r.millisBehindLatest),
  };
}
