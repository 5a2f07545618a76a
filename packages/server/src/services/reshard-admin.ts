// SplitShard, MergeShards, UpdateShardCount and UpdateStreamMode (cluster
// mode): run by the active controller (ReshardAdmin), forwarded to it from
// any other node like every metadata change (admin-mutations.ts).
import type * as grpc from '@grpc/grpc-js';
import type { StreamModeName } from '@rheo/controller';
import { type pb, RheoError } from '@rheo/wire';
import { type CallInfo, viaController } from './admin-mutations.js';
import { metadataOf, metaStream } from './admin-views.js';
import type { ServiceContext } from './service-context.js';
import { unary } from './unary.js';

function nameOf(ctx: ServiceContext, req: { streamName: string; streamArn: string }): string {
  return metaStream(metadataOf(ctx), req.streamName, req.streamArn).name;
}

function required(value: string, field: string): string {
  if (value === '') throw new RheoError('InvalidArgument', `${field} is required`, { field });
  return value;
}

export function splitShard(
  ctx: ServiceContext,
  req: pb.SplitShardRequest__Output,
  call: CallInfo,
): Promise<pb.SplitShardResponse> {
  return viaController(ctx, { service: 'StreamAdmin', method: 'SplitShard', req, call }, async (c) => {
    await c.reshard.splitShard(
      nameOf(ctx, req),
      required(req.shardToSplit, 'shard_to_split'),
      required(req.newStartingHashKey, 'new_starting_hash_key'),
    );
    return {};
  });
}

export function mergeShards(
  ctx: ServiceContext,
  req: pb.MergeShardsRequest__Output,
  call: CallInfo,
): Promise<pb.MergeShardsResponse> {
  return viaController(ctx, { service: 'StreamAdmin', method: 'MergeShards', req, call }, async (c) => {
    await c.reshard.mergeShards(
      nameOf(ctx, req),
      required(req.shardToMerge, 'shard_to_merge'),
      required(req.adjacentShardToMerge, 'adjacent_shard_to_merge'),
    );
    return {};
  });
}

export function updateShardCount(
  ctx: ServiceContext,
  req: pb.UpdateShardCountRequest__Output,
  call: CallInfo,
): Promise<pb.UpdateShardCountResponse> {
  return viaController(ctx, { service: 'StreamAdmin', method: 'UpdateShardCount', req, call }, async (c) => {
    if (req.scalingType !== 'SCALING_TYPE_UNIFORM_SCALING')
      throw new RheoError('InvalidArgument', 'scaling_type must be UNIFORM_SCALING', {
        field: 'scaling_type',
      });
    const r = await c.reshard.updateShardCount(nameOf(ctx, req), req.targetShardCount);
    return {
      streamName: r.streamName,
      streamArn: r.streamArn,
      currentShardCount: r.currentShardCount,
      targetShardCount: r.targetShardCount,
    };
  });
}

function modeOf(d: pb.StreamModeDetails__Output | null): StreamModeName {
  const m = d?.streamMode;
  if (m === 'STREAM_MODE_ON_DEMAND') return 'ON_DEMAND';
  if (m === 'STREAM_MODE_PROVISIONED') return 'PROVISIONED';
  throw new RheoError('InvalidArgument', 'stream_mode_details.stream_mode must be PROVISIONED or ON_DEMAND', {
    field: 'stream_mode_details',
  });
}

export function updateStreamMode(
  ctx: ServiceContext,
  req: pb.UpdateStreamModeRequest__Output,
  call: CallInfo,
): Promise<pb.UpdateStreamModeResponse> {
  return viaController(ctx, { service: 'StreamAdmin', method: 'UpdateStreamMode', req, call }, async (c) => {
    await c.reshard.updateStreamMode(nameOf(ctx, req), modeOf(req.streamModeDetails));
    return {};
  });
}

/** The four handlers, for the cluster StreamAdmin service's table. */
export function reshardHandlers(ctx: ServiceContext): grpc.UntypedServiceImplementation {
  return {
    SplitShard: unary(ctx, 'SplitShard', (req: pb.SplitShardRequest__Output, call) =>
      splitShard(ctx, req, call),
    ),
    MergeShards: unary(ctx, 'MergeShards', (req: pb.MergeShardsRequest__Output, call) =>
      mergeShards(ctx, req, call),
    ),
    UpdateShardCount: unary(ctx, 'UpdateShardCount', (req: pb.UpdateShardCountRequest__Output, call) =>
      updateShardCount(ctx, req, call),
    ),
    UpdateStreamMode: unary(ctx, 'UpdateStreamMode', (req: pb.UpdateStreamModeRequest__Output, call) =>
      updateStreamMode(ctx, req, call),
    ),
  };
}
