// EnableEnhancedMonitoring / DisableEnhancedMonitoring (cluster mode): the
// active controller proposes SetEnhancedMonitoring (a node that does not
// run it forwards the call), and the stream's record then carries its
// shard-level metrics. Every node publishes per-shard series from the
// metadata it reads (the observability follows it), so the switch is
// cluster-wide and survives restarts. The answer is Kinesis's: the stream,
// and its metrics before and after, as the contract's enum names.
import type * as grpc from '@grpc/grpc-js';
import type { pb } from '@rheo/wire';
import { shardLevelMetricFromProto, shardLevelMetricToProto } from '../observability/index.js';
import { type CallInfo, viaController } from './admin-mutations.js';
import { metadataOf, metaStream } from './admin-views.js';
import type { ServiceContext } from './service-context.js';
import { unary } from './unary.js';

type MonitoringRequest = pb.EnableEnhancedMonitoringRequest__Output;
type Method = 'EnableEnhancedMonitoring' | 'DisableEnhancedMonitoring';

function switchMonitoring(
  ctx: ServiceContext,
  method: Method,
  req: MonitoringRequest,
  call: CallInfo,
): Promise<pb.EnhancedMonitoringResponse> {
  return viaController(ctx, { service: 'StreamAdmin', method, req, call }, async (c) => {
    const stream = metaStream(metadataOf(ctx), req.streamName, req.streamArn);
    const metrics = req.shardLevelMetrics.map((m) => shardLevelMetricFromProto(String(m)));
    const change = await c.setEnhancedMonitoring(stream.name, metrics, method === 'EnableEnhancedMonitoring');
    return {
      streamName: stream.name,
      streamArn: stream.arn,
      currentShardLevelMetrics: change.current.map(shardLevelMetricToProto) as pb.ShardLevelMetric[],
      desiredShardLevelMetrics: change.desired.map(shardLevelMetricToProto) as pb.ShardLevelMetric[],
    };
  });
}

/** The two StreamAdmin handlers, for clusterAdminHandlers. */
export function enhancedMonitoringHandlers(ctx: ServiceContext): grpc.UntypedServiceImplementation {
  const handler = (method: Method) =>
    unary(ctx, method, (req: MonitoringRequest, call) => switchMonitoring(ctx, method, req, call));
  return {
    EnableEnhancedMonitoring: handler('EnableEnhancedMonitoring'),
    DisableEnhancedMonitoring: handler('DisableEnhancedMonitoring'),
  };
}
