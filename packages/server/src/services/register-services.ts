// Registers the client-facing services on the node's gRPC server:
// StreamData and Cluster (served), StreamAdmin and ConsumerGroups and the
// rest of Cluster (UNIMPLEMENTED with a reason, until the controller).
// Every unary handler runs through `unary`, which refuses calls while the
// node stops, counts calls in progress, and maps every failure in one place
// (service-errors.ts): a handler that throws never takes the process down.
import type * as grpc from '@grpc/grpc-js';
import { loadRheoProto, type pb, RheoError } from '@rheo/wire';
import { ClusterView } from './cluster-view.js';
import { handleProduce } from './produce-stream.js';
import { putRecord, putRecords } from './put-records.js';
import { getRecords, getShardIterator } from './reads.js';
import type { ServiceContext } from './service-context.js';
import { serviceError } from './service-errors.js';
import { otherMethods, unimplementedHandlers } from './unimplemented.js';

function unary<Req, Res>(
  ctx: ServiceContext,
  method: string,
  handle: (req: Req) => Promise<Res> | Res,
): grpc.handleUnaryCall<Req, Res> {
  return (call, callback) => {
    if (ctx.calls.stopping) {
      const e = new RheoError('Unavailable', `node ${ctx.nodeId} is stopping; call another node`);
      callback(serviceError(e, method, ctx), null);
      return;
    }
    ctx.calls.begin();
    new Promise<Res>((resolve) => resolve(handle(call.request)))
      .then(
        (res) => callback(null, res),
        (err: unknown) => callback(serviceError(err, method, ctx), null),
      )
      .finally(() => ctx.calls.end());
  };
}

const DATA_SERVED = ['PutRecord', 'PutRecords', 'Produce', 'GetShardIterator', 'GetRecords'];
const CLUSTER_SERVED = ['GetShardMap', 'DescribeCluster'];

export function registerServices(server: grpc.Server, ctx: ServiceContext): void {
  const v1 = loadRheoProto().rheo.v1;
  const data = v1.StreamData.service;
  server.addService(data, {
    ...unimplementedHandlers(
      data,
      otherMethods(data, DATA_SERVED),
      'is not available yet: enhanced fan-out is not built; read with GetShardIterator and GetRecords',
    ),
    PutRecord: unary(ctx, 'PutRecord', (req: pb.PutRecordRequest__Output) => putRecord(ctx, req)),
    PutRecords: unary(ctx, 'PutRecords', (req: pb.PutRecordsRequest__Output) => putRecords(ctx, req)),
    Produce: (call: grpc.ServerDuplexStream<pb.ProduceRequest__Output, pb.ProduceResponse>) =>
      handleProduce(ctx, call),
    GetShardIterator: unary(ctx, 'GetShardIterator', (req: pb.GetShardIteratorRequest__Output) =>
      getShardIterator(ctx, req),
    ),
    GetRecords: unary(ctx, 'GetRecords', (req: pb.GetRecordsRequest__Output) => getRecords(ctx, req)),
  });
  const view = new ClusterView(ctx);
  const cluster = v1.Cluster.service;
  server.addService(cluster, {
    ...unimplementedHandlers(
      cluster,
      otherMethods(cluster, CLUSTER_SERVED),
      'is not available yet: node operations need the controller, which this node does not run',
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
      'is not available yet: streams are configured on each node (the `streams` key) until the controller exists',
    ),
  );
  const groups = v1.ConsumerGroups.service;
  server.addService(
    groups,
    unimplementedHandlers(
      groups,
      Object.keys(groups),
      'is not available yet: consumer groups need the controller, which this node does not run',
    ),
  );
}
