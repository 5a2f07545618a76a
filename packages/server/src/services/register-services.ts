// Registers the client-facing services on the node's gRPC server:
// StreamData (both modes); Cluster and StreamAdmin from the static streams
// (static mode: the shard map only) or from the metadata (cluster mode);
// ConsumerGroups UNIMPLEMENTED with a reason. Every unary handler runs
// through `unary` (unary.ts).
import type * as grpc from '@grpc/grpc-js';
import { loadRheoProto, type pb } from '@rheo/wire';
import { nodeOperation } from './admin-mutations.js';
import { ClusterMapView } from './cluster-map.js';
import { ClusterView } from './cluster-view.js';
import { consumerGroupHandlers } from './consumer-groups.js';
import { handleProduce } from './produce-stream.js';
import { putRecord, putRecords } from './put-records.js';
import { getRecords, getShardIterator } from './reads.js';
import type { ServiceContext } from './service-context.js';
import { clusterAdminHandlers } from './stream-admin.js';
import { handleSubscribe } from './subscribe.js';
import { unary } from './unary.js';
import { otherMethods, unimplementedHandlers } from './unimplemented.js';

const DATA_SERVED = [
  'PutRecord',
  'PutRecords',
  'Produce',
  'GetShardIterator',
  'GetRecords',
  'SubscribeToShard',
];
const CLUSTER_SERVED = ['GetShardMap', 'DescribeCluster'];

export function registerServices(server: grpc.Server, ctx: ServiceContext): void {
  const v1 = loadRheoProto().rheo.v1;
  const data = v1.StreamData.service;
  server.addService(data, {
    ...unimplementedHandlers(data, otherMethods(data, DATA_SERVED), 'is not served by this node version'),
    PutRecord: unary(ctx, 'PutRecord', (req: pb.PutRecordRequest__Output) => putRecord(ctx, req)),
    PutRecords: unary(ctx, 'PutRecords', (req: pb.PutRecordsRequest__Output) => putRecords(ctx, req)),
    Produce: (call: grpc.ServerDuplexStream<pb.ProduceRequest__Output, pb.ProduceResponse>) =>
      handleProduce(ctx, call),
    GetShardIterator: unary(ctx, 'GetShardIterator', (req: pb.GetShardIteratorRequest__Output) =>
      getShardIterator(ctx, req),
    ),
    GetRecords: unary(ctx, 'GetRecords', (req: pb.GetRecordsRequest__Output) => getRecords(ctx, req)),
    SubscribeToShard: (
      call: grpc.ServerWritableStream<pb.SubscribeToShardRequest__Output, pb.SubscribeToShardEvent>,
    ) => handleSubscribe(ctx, call, ctx.subscriptions),
    // Fan-out consumers are registered in the metadata, which static mode has none of.
    ...(ctx.cluster === undefined
      ? unimplementedHandlers(
          data,
          ['SubscribeToShard'],
          'is not available in static mode: enhanced fan-out consumers are registered through the controller (cluster mode, controller_voters); read with GetShardIterator and GetRecords',
        )
      : {}),
  });
  if (ctx.cluster === undefined) registerStaticAdmin(server, ctx);
  else registerClusterAdmin(server, ctx);
  server.addService(v1.ConsumerGroups.service, consumerGroupHandlers(ctx));
}

/** Static mode: the shard map from the static streams; no admin calls (streams come from the config). */
function registerStaticAdmin(server: grpc.Server, ctx: ServiceContext): void {
  const v1 = loadRheoProto().rheo.v1;
  const view = new ClusterView(ctx);
  const cluster = v1.Cluster.service;
  server.addService(cluster, {
    ...unimplementedHandlers(
      cluster,
      otherMethods(cluster, CLUSTER_SERVED),
      'is not available in static mode: node operations need the controller (set controller_voters)',
    ),
    GetShardMap: unary(ctx, 'GetShardMap', (req: pb.GetShardMapRequest__Output) => view.getShardMap(req)),
    DescribeCluster: unary(ctx, 'DescribeCluster', () => view.describeCluster()),
  });
  const admin = v1.StreamAdmin.service;
  server.addService(
    admin,
    unimplementedHandlers(
      admin,
      Object.keys(admin),
      'is not available yet: streams are configured on each node in static mode (the `streams` key); cluster mode (controller_voters) has the admin API',
    ),
  );
}

/** Cluster mode: the shard map and stream admin from the metadata; changes go to the active controller. */
function registerClusterAdmin(server: grpc.Server, ctx: ServiceContext): void {
  const v1 = loadRheoProto().rheo.v1;
  const view = new ClusterMapView(ctx);
  const node = (method: 'DrainNode' | 'UndrainNode' | 'RemoveNode') =>
    unary(ctx, method, (req: { nodeId: number }, call) => nodeOperation(ctx, method, req, call));
  server.addService(v1.Cluster.service, {
    GetShardMap: unary(ctx, 'GetShardMap', (req: pb.GetShardMapRequest__Output) => view.getShardMap(req)),
    DescribeCluster: unary(ctx, 'DescribeCluster', () => view.describeCluster()),
    DrainNode: node('DrainNode'),
    UndrainNode: node('UndrainNode'),
    RemoveNode: node('RemoveNode'),
  });
  server.addService(v1.StreamAdmin.service, clusterAdminHandlers(v1.StreamAdmin.service, ctx));
}
