// ControllerHeartbeat on a controller-role node: RegisterNode and Heartbeat
// go to the active controller when it runs here, and are answered NotLeader
// naming it otherwise (the broker agent follows the hint); FetchMetadata is
// answered by any controller node from its applied state.
import type * as grpc from '@grpc/grpc-js';
import { loadRheoProto, type pb, RheoError } from '@rheo/wire';
import type { ServiceContext } from '../services/service-context.js';
import { unary } from '../services/unary.js';
import type { ControllerRunner } from './controller-runner.js';
import type { MetaReplica } from './meta-replica.js';

export function registerHeartbeatService(
  server: grpc.Server,
  ctx: ServiceContext,
  meta: MetaReplica,
  runner: ControllerRunner,
): void {
  const active = () => {
    const c = runner.controller;
    if (c === undefined) throw meta.notLeader();
    return c;
  };
  server.addService(loadRheoProto().rheo.v1.ControllerHeartbeat.service, {
    RegisterNode: unary(ctx, 'RegisterNode', (req: pb.RegisterNodeRequest__Output) =>
      active().registerNode(req),
    ),
    Heartbeat: unary(ctx, 'Heartbeat', (req: pb.NodeHeartbeat__Output) => active().heartbeat(req)),
    FetchMetadata: unary(ctx, 'FetchMetadata', (req: pb.FetchMetadataRequest__Output) =>
      fetchMetadata(ctx, meta, req),
    ),
  });
}

function fetchMetadata(
  ctx: ServiceContext,
  meta: MetaReplica,
  req: pb.FetchMetadataRequest__Output,
): pb.FetchMetadataResponse {
  if (req.clusterId !== ctx.clusterId)
    throw new RheoError(
      'InvalidArgument',
      `cluster_id ${req.clusterId} is not this cluster's (${ctx.clusterId})`,
      { field: 'cluster_id' },
    );
  const state = meta.state();
  const epoch = state.appliedIndex;
  // 0 asks for the state whatever it is (a mirror that has none yet, even of an empty state).
  const known = Number(req.knownEpoch);
  if (known !== 0 && known === epoch) return { epoch, unchanged: true, state: Buffer.alloc(0) };
  return { epoch, unchanged: false, state: Buffer.from(state.encode()) };
}
