// The admin calls that change the metadata (cluster mode). The active
// controller checks and proposes them; a node that does not run it
// forwards the call there with the caller's deadline, and its answer
// (error included) comes back unchanged. A call that was itself forwarded
// is never forwarded again: a node that lost the controller role meanwhile
// answers NotLeader naming the one it knows, and the forwarding node
// follows that hint (controller-forwarder.ts).
import type * as grpc from '@grpc/grpc-js';
import type { ActiveController, StreamModeName } from '@rheo/controller';
import { type pb, RheoError } from '@rheo/wire';
import { metadataOf, metaStream } from './admin-views.js';
import type { ForwardedService } from './cluster-access.js';
import type { ServiceContext } from './service-context.js';
import { shardLimitsOfRequest } from './shard-limits-view.js';

/** The metadata key a forwarded call carries, so that it is forwarded at most once. */
export const forwardedMetadataKey = 'rheo-forwarded';

export interface CallInfo {
  readonly deadline: grpc.Deadline;
  readonly forwarded: boolean;
}

/** Runs `local` on the active controller here, else forwards the call to it. */
export async function viaController<Res>(
  ctx: ServiceContext,
  target: { service: ForwardedService; method: string; req: unknown; call: CallInfo },
  local: (c: ActiveController) => Promise<Res>,
): Promise<Res> {
  const cluster = ctx.cluster!;
  const c = cluster.controller();
  if (c !== undefined) return local(c);
  if (target.call.forwarded) throw cluster.notController();
  return cluster.forward<Res>(target.service, target.method, target.req, target.call.deadline);
}

function modeOf(d: pb.StreamModeDetails__Output | null): StreamModeName | undefined {
  const m = d?.streamMode;
  if (m === 'STREAM_MODE_ON_DEMAND') return 'ON_DEMAND';
  if (m === 'STREAM_MODE_PROVISIONED') return 'PROVISIONED';
  return undefined;
}

export function createStream(
  ctx: ServiceContext,
  req: pb.CreateStreamRequest__Output,
  call: CallInfo,
): Promise<pb.CreateStreamResponse> {
  return viaController(ctx, { service: 'StreamAdmin', method: 'CreateStream', req, call }, async (c) => {
    const mode = modeOf(req.streamModeDetails);
    const shardLimits = shardLimitsOfRequest(req.shardLimits);
    const record = await c.createStream({
      name: req.streamName,
      shardCount: req.shardCount,
      ...(req.replicationFactor === 0 ? {} : { replicationFactor: req.replicationFactor }),
      ...(req.retentionPeriodHours === 0 ? {} : { retentionHours: req.retentionPeriodHours }),
      ...(mode === undefined ? {} : { mode }),
      tags: { ...req.tags },
      ...(shardLimits === undefined ? {} : { shardLimits }),
    });
    return { streamArn: record.arn };
  });
}

/** The stream's name from stream_name / stream_arn, as the metadata knows it (ResourceNotFound when it does not). */
function nameOf(ctx: ServiceContext, req: { streamName: string; streamArn: string }): string {
  return metaStream(metadataOf(ctx), req.streamName, req.streamArn).name;
}

export function deleteStream(
  ctx: ServiceContext,
  req: pb.DeleteStreamRequest__Output,
  call: CallInfo,
): Promise<pb.DeleteStreamResponse> {
  return viaController(ctx, { service: 'StreamAdmin', method: 'DeleteStream', req, call }, async (c) => {
    const name = nameOf(ctx, req);
    const consumers = metadataOf(ctx).consumersOf(name).length;
    // Kinesis: a stream with registered consumers is deleted only with EnforceConsumerDeletion (they go with it).
    if (consumers > 0 && !req.enforceConsumerDeletion)
      throw new RheoError(
        'ResourceInUse',
        `Stream ${name} has ${consumers} registered consumers; deregister them or set enforce_consumer_deletion`,
        { field: 'enforce_consumer_deletion' },
      );
    await c.deleteStream(name);
    return {};
  });
}

export function addTagsToStream(
  ctx: ServiceContext,
  req: pb.AddTagsToStreamRequest__Output,
  call: CallInfo,
): Promise<pb.AddTagsToStreamResponse> {
  return viaController(ctx, { service: 'StreamAdmin', method: 'AddTagsToStream', req, call }, async (c) => {
    await c.addTags(nameOf(ctx, req), { ...req.tags });
    return {};
  });
}

export function removeTagsFromStream(
  ctx: ServiceContext,
  req: pb.RemoveTagsFromStreamRequest__Output,
  call: CallInfo,
): Promise<pb.RemoveTagsFromStreamResponse> {
  return viaController(
    ctx,
    { service: 'StreamAdmin', method: 'RemoveTagsFromStream', req, call },
    async (c) => {
      await c.removeTags(nameOf(ctx, req), [...req.tagKeys]);
      return {};
    },
  );
}

export function setRetention(
  ctx: ServiceContext,
  req: pb.IncreaseStreamRetentionPeriodRequest__Output,
  call: CallInfo,
  direction: 'increase' | 'decrease',
): Promise<Record<string, never>> {
  const method = direction === 'increase' ? 'IncreaseStreamRetentionPeriod' : 'DecreaseStreamRetentionPeriod';
  return viaController(ctx, { service: 'StreamAdmin', method, req, call }, async (c) => {
    await c.setRetention(nameOf(ctx, req), req.retentionPeriodHours, direction);
    return {};
  });
}

/** The stream a resource ARN names (consumers do not exist yet: any other ARN is not found). */
function streamOfResource(ctx: ServiceContext, arn: string): string {
  if (arn === '')
    throw new RheoError('InvalidArgument', 'resource_arn is required', { field: 'resource_arn' });
  const state = metadataOf(ctx);
  const s = state.stream(arn);
  if (s === undefined || s.arn !== arn)
    throw new RheoError('ResourceNotFound', `Resource ${arn} not found`, { field: 'resource_arn' });
  return s.name;
}

export function tagResource(
  ctx: ServiceContext,
  req: pb.TagResourceRequest__Output,
  call: CallInfo,
): Promise<pb.TagResourceResponse> {
  return viaController(ctx, { service: 'StreamAdmin', method: 'TagResource', req, call }, async (c) => {
    await c.addTags(streamOfResource(ctx, req.resourceArn), { ...req.tags });
    return {};
  });
}

export function untagResource(
  ctx: ServiceContext,
  req: pb.UntagResourceRequest__Output,
  call: CallInfo,
): Promise<pb.UntagResourceResponse> {
  return viaController(ctx, { service: 'StreamAdmin', method: 'UntagResource', req, call }, async (c) => {
    await c.removeTags(streamOfResource(ctx, req.resourceArn), [...req.tagKeys]);
    return {};
  });
}

/** ListTagsForResource: every tag of the stream, sorted by key (a read, answered here). */
export function listTagsForResource(
  ctx: ServiceContext,
  req: pb.ListTagsForResourceRequest__Output,
): pb.ListTagsForResourceResponse {
  const name = streamOfResource(ctx, req.resourceArn);
  const tags = metadataOf(ctx).stream(name)?.tags ?? {};
  return {
    tags: Object.keys(tags)
      .sort()
      .map((key) => ({ key, value: tags[key] ?? '' })),
  };
}

/** DrainNode, UndrainNode, RemoveNode. */
export function nodeOperation(
  ctx: ServiceContext,
  method: 'DrainNode' | 'UndrainNode' | 'RemoveNode',
  req: { nodeId: number },
  call: CallInfo,
): Promise<Record<string, never>> {
  return viaController(ctx, { service: 'Cluster', method, req, call }, async (c) => {
    if (method === 'DrainNode') await c.drainNode(req.nodeId);
    else if (method === 'UndrainNode') await c.undrainNode(req.nodeId);
    else await c.removeNode(req.nodeId);
    return {};
  });
}
