// StreamAdmin in cluster mode: reads answered here from the metadata,
// mutations run by (or forwarded to) the active controller. Calls not
// built yet answer UNIMPLEMENTED with the reason.
import type * as grpc from '@grpc/grpc-js';
import type { pb } from '@rheo/wire';
import {
  addTagsToStream,
  createStream,
  deleteStream,
  listTagsForResource,
  removeTagsFromStream,
  setRetention,
  tagResource,
  untagResource,
} from './admin-mutations.js';
import {
  describeLimits,
  describeStream,
  describeStreamSummary,
  listStreams,
  listTagsForStream,
} from './admin-reads.js';
import { consumerAdminHandlers } from './consumers.js';
import { enhancedMonitoringHandlers } from './enhanced-monitoring-admin.js';
import { listShards } from './list-shards.js';
import { reshardHandlers } from './reshard-admin.js';
import type { ServiceContext } from './service-context.js';
import { unary } from './unary.js';
import { otherMethods, unimplementedHandlers } from './unimplemented.js';

const NOT_YET: Readonly<Record<string, string>> = Object.freeze({
  StartStreamEncryption: 'encryption at rest',
  StopStreamEncryption: 'encryption at rest',
});

export function clusterAdminHandlers(
  definition: grpc.ServiceDefinition,
  ctx: ServiceContext,
): grpc.UntypedServiceImplementation {
  const served: grpc.UntypedServiceImplementation = {
    ...enhancedMonitoringHandlers(ctx),
    ...reshardHandlers(ctx),
    CreateStream: unary(ctx, 'CreateStream', (req: pb.CreateStreamRequest__Output, call) =>
      createStream(ctx, req, call),
    ),
    DeleteStream: unary(ctx, 'DeleteStream', (req: pb.DeleteStreamRequest__Output, call) =>
      deleteStream(ctx, req, call),
    ),
    DescribeStream: unary(ctx, 'DescribeStream', (req: pb.DescribeStreamRequest__Output) =>
      describeStream(ctx, req),
    ),
    DescribeStreamSummary: unary(
      ctx,
      'DescribeStreamSummary',
      (req: pb.DescribeStreamSummaryRequest__Output) => describeStreamSummary(ctx, req),
    ),
    ListStreams: unary(ctx, 'ListStreams', (req: pb.ListStreamsRequest__Output) => listStreams(ctx, req)),
    ListShards: unary(ctx, 'ListShards', (req: pb.ListShardsRequest__Output) => listShards(ctx, req)),
    AddTagsToStream: unary(ctx, 'AddTagsToStream', (req: pb.AddTagsToStreamRequest__Output, call) =>
      addTagsToStream(ctx, req, call),
    ),
    RemoveTagsFromStream: unary(
      ctx,
      'RemoveTagsFromStream',
      (req: pb.RemoveTagsFromStreamRequest__Output, call) => removeTagsFromStream(ctx, req, call),
    ),
    ListTagsForStream: unary(ctx, 'ListTagsForStream', (req: pb.ListTagsForStreamRequest__Output) =>
      listTagsForStream(ctx, req),
    ),
    IncreaseStreamRetentionPeriod: unary(
      ctx,
      'IncreaseStreamRetentionPeriod',
      (req: pb.IncreaseStreamRetentionPeriodRequest__Output, call) =>
        setRetention(ctx, req, call, 'increase'),
    ),
    DecreaseStreamRetentionPeriod: unary(
      ctx,
      'DecreaseStreamRetentionPeriod',
      (req: pb.DecreaseStreamRetentionPeriodRequest__Output, call) =>
        setRetention(ctx, req, call, 'decrease'),
    ),
    DescribeLimits: unary(ctx, 'DescribeLimits', () => describeLimits(ctx)),
    TagResource: unary(ctx, 'TagResource', (req: pb.TagResourceRequest__Output, call) =>
      tagResource(ctx, req, call),
    ),
    UntagResource: unary(ctx, 'UntagResource', (req: pb.UntagResourceRequest__Output, call) =>
      untagResource(ctx, req, call),
    ),
    ListTagsForResource: unary(ctx, 'ListTagsForResource', (req: pb.ListTagsForResourceRequest__Output) =>
      listTagsForResource(ctx, req),
    ),
  };
  Object.assign(served, consumerAdminHandlers(ctx));
  const rest = otherMethods(definition, Object.keys(served));
  const unimplemented: grpc.UntypedServiceImplementation = {};
  for (const m of rest)
    Object.assign(
      unimplemented,
      unimplementedHandlers(
        definition,
        [m],
        `is not available yet: ${NOT_YET[m] ?? 'this call'} is not built`,
      ),
    );
  return { ...unimplemented, ...served };
}
