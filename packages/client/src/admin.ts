// Stream administration over the StreamAdmin service, with Kinesis's names
// and paging. Any node answers: reads from its copy of the metadata,
// mutations forwarded to the active controller (docs/cluster.md), so every
// call goes to the seed nodes through RheoClient.seedCall, which moves on to
// the next seed and backs off on retryable reasons only. Calls that create or
// delete are not repeated after OutcomeUnknown (a repeat could answer
// ResourceInUse / ResourceNotFound for the caller's own success); reads and
// tag changes are (a repeat has the same effect).
import {
  type ShardDescription,
  type ShardFilter,
  type ShardThroughputLimits,
  type StreamDescription,
  type StreamDescriptionSummary,
  type StreamMode,
  type StreamSummary,
  toDescriptionSummary,
  toShard,
  toShardFilter,
  toStreamDescription,
  toStreamSummary,
} from './admin-types.js';
import { sleep } from './backoff.js';
import type { NodeClients } from './connections.js';
import { type pb, RheoError } from './grpc.js';
import { collectPages, followPages } from './paging.js';
import type { RheoClient } from './rheo-client.js';
import { unary } from './unary.js';

export interface CreateStreamOptions {
  /** Shards of a PROVISIONED stream (required there); left out for ON_DEMAND. */
  readonly shardCount?: number;
  /** Replicas per shard; 0 or absent: the cluster default. */
  readonly replicationFactor?: number;
  /** 24..8760; 0 or absent: 24. */
  readonly retentionPeriodHours?: number;
  /** PROVISIONED when left out. */
  readonly mode?: StreamMode;
  /** At most 50. */
  readonly tags?: Readonly<Record<string, string>>;
  /** Rheo extension: this stream's per-shard throughput limits; a rate left out takes the cluster's. */
  readonly shardLimits?: Partial<ShardThroughputLimits>;
}

export interface DeleteStreamOptions {
  /** Deregister the stream's consumers too; without it a stream with consumers is ResourceInUse. */
  readonly enforceConsumerDeletion?: boolean;
}

export interface DescribeStreamPageOptions {
  /** Shards per page (1..10000); the server's default (100) when left out. */
  readonly limit?: number;
  /** Shards whose id sorts after this one. */
  readonly exclusiveStartShardId?: string;
}

export interface ListStreamsPage {
  readonly streams: readonly StreamSummary[];
  readonly hasMoreStreams: boolean;
  /** For the next page; undefined on the last. */
  readonly nextToken: string | undefined;
}

export interface ListStreamsPageOptions {
  readonly limit?: number;
  readonly exclusiveStartStreamName?: string;
  readonly nextToken?: string;
}

export interface ListShardsPageOptions {
  /** The previous page's token; the other fields must be left out with it (Kinesis's rule). */
  readonly nextToken?: string;
  readonly maxResults?: number;
  readonly exclusiveStartShardId?: string;
  readonly shardFilter?: ShardFilter;
  readonly streamCreationTimestampMs?: number;
}

export interface ListShardsPage {
  readonly shards: readonly ShardDescription[];
  readonly nextToken: string | undefined;
}

/** Poll interval of waitForActive / waitForDeleted. */
const waitPollMs = 100;

export class StreamAdmin {
  constructor(private readonly client: RheoClient) {}

  /** Creates a stream; resolves with its ARN once the controller accepted it (it is CREATING). */
  async createStream(streamName: string, options: CreateStreamOptions): Promise<string> {
    const request: pb.CreateStreamRequest = {
      streamName,
      shardCount: options.shardCount ?? 0,
      replicationFactor: options.replicationFactor ?? 0,
      retentionPeriodHours: options.retentionPeriodHours ?? 0,
      streamModeDetails: { streamMode: `STREAM_MODE_${options.mode ?? 'PROVISIONED'}` },
      tags: { ...options.tags },
      ...(options.shardLimits === undefined ? {} : { shardLimits: shardLimitsRequest(options.shardLimits) }),
    };
    const answer = await this.call(
      (n) => unary(n.admin.CreateStream, n.admin, request, this.deadlineMs),
      false,
    );
    return answer.streamArn;
  }

  /** Starts deleting a stream (it is DELETING until every node dropped it; see waitForDeleted). */
  async deleteStream(streamName: string, options: DeleteStreamOptions = {}): Promise<void> {
    const request = { streamName, enforceConsumerDeletion: options.enforceConsumerDeletion ?? false };
    await this.call((n) => unary(n.admin.DeleteStream, n.admin, request, this.deadlineMs), false);
    this.client.shardMaps.invalidate(streamName);
  }

  /** SplitShard: the stream is UPDATING until both children take writes. */
  async splitShard(
    streamName: string,
    shardToSplit: string,
    newStartingHashKey: string | bigint,
  ): Promise<void> {
    const request = { streamName, shardToSplit, newStartingHashKey: String(newStartingHashKey) };
    await this.call((n) => unary(n.admin.SplitShard, n.admin, request, this.deadlineMs), false);
  }

  /** MergeShards: the stream is UPDATING until the child takes writes. */
  async mergeShards(streamName: string, shardToMerge: string, adjacentShardToMerge: string): Promise<void> {
    const request = { streamName, shardToMerge, adjacentShardToMerge };
    await this.call((n) => unary(n.admin.MergeShards, n.admin, request, this.deadlineMs), false);
  }

  /** UpdateShardCount (UNIFORM_SCALING): answers the open count before and the target. */
  async updateShardCount(
    streamName: string,
    targetShardCount: number,
  ): Promise<{ currentShardCount: number; targetShardCount: number }> {
    const request = { streamName, targetShardCount, scalingType: 'SCALING_TYPE_UNIFORM_SCALING' as const };
    const a = await this.call(
      (n) => unary(n.admin.UpdateShardCount, n.admin, request, this.deadlineMs),
      false,
    );
    return { currentShardCount: a.currentShardCount, targetShardCount: a.targetShardCount };
  }

  /** UpdateStreamMode: PROVISIONED (the operator sizes the stream) or ON_DEMAND (the controller does). */
  async updateStreamMode(streamName: string, mode: 'PROVISIONED' | 'ON_DEMAND'): Promise<void> {
    const request = {
      streamName,
      streamArn: '',
      streamModeDetails: { streamMode: `STREAM_MODE_${mode}` as const },
    };
    await this.call((n) => unary(n.admin.UpdateStreamMode, n.admin, request, this.deadlineMs), false);
  }

  async describeStreamSummary(streamName: string): Promise<StreamDescriptionSummary> {
    const answer = await this.call((n) =>
      unary(n.admin.DescribeStreamSummary, n.admin, { streamName }, this.deadlineMs),
    );
    if (answer.streamDescriptionSummary === null) {
      throw new RheoError('Internal', `DescribeStreamSummary of ${streamName} answered without a summary`);
    }
    return toDescriptionSummary(answer.streamDescriptionSummary);
  }

  /** One DescribeStream page: the stream and up to `limit` shards after `exclusiveStartShardId`. */
  async describeStreamPage(
    streamName: string,
    options: DescribeStreamPageOptions = {},
  ): Promise<StreamDescription> {
    const request: pb.DescribeStreamRequest = {
      streamName,
      limit: options.limit ?? 0,
      exclusiveStartShardId: options.exclusiveStartShardId ?? '',
    };
    const answer = await this.call((n) => unary(n.admin.DescribeStream, n.admin, request, this.deadlineMs));
    if (answer.streamDescription === null) {
      throw new RheoError('Internal', `DescribeStream of ${streamName} answered without a description`);
    }
    return toStreamDescription(answer.streamDescription);
  }

  /**
   * The stream with every shard: DescribeStream pages followed as Kinesis
   * pages them (the last shard id as the next exclusive start, while
   * has_more_shards). The stream's fields are the last page's.
   */
  async describeStream(streamName: string, options: { pageLimit?: number } = {}): Promise<StreamDescription> {
    let last: StreamDescription | undefined;
    const pages = followPages<StreamDescription, string>(
      `DescribeStream ${streamName}`,
      (after) =>
        this.describeStreamPage(streamName, { limit: options.pageLimit, exclusiveStartShardId: after }),
      (page) => (page.hasMoreShards ? page.shards.at(-1)?.shardId : undefined),
    );
    const shards = await collectPages(pages, (page) => {
      last = page;
      return page.shards;
    });
    return { ...last!, shards, hasMoreShards: false };
  }

  async listStreamsPage(options: ListStreamsPageOptions = {}): Promise<ListStreamsPage> {
    const request: pb.ListStreamsRequest = {
      limit: options.limit ?? 0,
      exclusiveStartStreamName: options.exclusiveStartStreamName ?? '',
      nextToken: options.nextToken ?? '',
    };
    const answer = await this.call((n) => unary(n.admin.ListStreams, n.admin, request, this.deadlineMs));
    // Summaries are the newer field; an answer with names only still lists every stream.
    const streams =
      answer.streamSummaries.length === answer.streamNames.length
        ? answer.streamSummaries.map(toStreamSummary)
        : answer.streamNames.map((name) => bareSummary(name));
    return {
      streams,
      hasMoreStreams: answer.hasMoreStreams,
      nextToken: answer.nextToken === '' ? undefined : answer.nextToken,
    };
  }

  /** Every stream, following NextToken (or, from a server that gives none, the last name while has_more_streams). */
  async listStreams(options: { pageLimit?: number } = {}): Promise<StreamSummary[]> {
    const pages = followPages<ListStreamsPage, ListStreamsPageOptions>(
      'ListStreams',
      (cursor) => this.listStreamsPage({ limit: options.pageLimit, ...cursor }),
      (page) => {
        if (page.nextToken !== undefined) return { nextToken: page.nextToken };
        const last = page.streams.at(-1)?.streamName;
        return page.hasMoreStreams && last !== undefined ? { exclusiveStartStreamName: last } : undefined;
      },
    );
    return collectPages(pages, (page) => page.streams);
  }

  async listShardsPage(streamName: string, options: ListShardsPageOptions = {}): Promise<ListShardsPage> {
    // With a token every other field stays empty, the stream's name included (Kinesis's rule).
    const request: pb.ListShardsRequest =
      options.nextToken !== undefined
        ? { nextToken: options.nextToken, maxResults: options.maxResults ?? 0 }
        : {
            streamName,
            maxResults: options.maxResults ?? 0,
            exclusiveStartShardId: options.exclusiveStartShardId ?? '',
            streamCreationTimestampMs: options.streamCreationTimestampMs ?? 0,
            ...(options.shardFilter === undefined ? {} : { shardFilter: toShardFilter(options.shardFilter) }),
          };
    const answer = await this.call((n) => unary(n.admin.ListShards, n.admin, request, this.deadlineMs));
    return {
      shards: answer.shards.map(toShard),
      nextToken: answer.nextToken === '' ? undefined : answer.nextToken,
    };
  }

  /** Every shard (that the filter lets through), following NextToken. */
  async listShards(
    streamName: string,
    options: { shardFilter?: ShardFilter; pageLimit?: number } = {},
  ): Promise<ShardDescription[]> {
    const pages = followPages<ListShardsPage, string>(
      `ListShards ${streamName}`,
      (token) =>
        this.listShardsPage(
          streamName,
          token === undefined
            ? { shardFilter: options.shardFilter, maxResults: options.pageLimit }
            : { nextToken: token, maxResults: options.pageLimit },
        ),
      (page) => page.nextToken,
    );
    return collectPages(pages, (page) => page.shards);
  }

  /** Adds or overwrites tags (Kinesis allows 10 per call, 50 per stream). */
  async addTagsToStream(streamName: string, tags: Readonly<Record<string, string>>): Promise<void> {
    const request = { streamName, tags: { ...tags } };
    await this.call((n) => unary(n.admin.AddTagsToStream, n.admin, request, this.deadlineMs));
  }

  /** Removes tags by key; unknown keys are ignored. */
  async removeTagsFromStream(streamName: string, tagKeys: readonly string[]): Promise<void> {
    const request = { streamName, tagKeys: [...tagKeys] };
    await this.call((n) => unary(n.admin.RemoveTagsFromStream, n.admin, request, this.deadlineMs));
  }

  /** Every tag of the stream, following has_more_tags. */
  async listTagsForStream(streamName: string): Promise<Record<string, string>> {
    type Page = pb.ListTagsForStreamResponse__Output;
    const pages = followPages<Page, string>(
      `ListTagsForStream ${streamName}`,
      (after) =>
        this.call((n) =>
          unary(
            n.admin.ListTagsForStream,
            n.admin,
            { streamName, exclusiveStartTagKey: after ?? '' },
            this.deadlineMs,
          ),
        ),
      (page) => (page.hasMoreTags ? page.tags.at(-1)?.key : undefined),
    );
    const tags = await collectPages(pages, (page) => page.tags);
    return Object.fromEntries(tags.map((t) => [t.key, t.value]));
  }

  /** Polls until the stream is ACTIVE and every open shard has a known leader, or `timeoutMs` passes. */
  async waitForActive(streamName: string, timeoutMs: number): Promise<void> {
    await this.poll(streamName, timeoutMs, 'ready', async () => {
      const routes = await this.client.shardMaps.refresh(streamName, true);
      const leaderless = routes.map.shards.filter((s) => s.leaderAddress === undefined).length;
      if (routes.map.shards.length > 0 && leaderless === 0) return undefined;
      return `${leaderless} of ${routes.map.shards.length} open shards without a leader`;
    });
  }

  /** Polls until the stream is gone (ResourceNotFound), or `timeoutMs` passes. */
  async waitForDeleted(streamName: string, timeoutMs: number): Promise<void> {
    await this.poll(streamName, timeoutMs, 'deleted', async () => {
      try {
        const summary = await this.describeStreamSummary(streamName);
        return `still ${summary.streamStatus}`;
      } catch (err) {
        if (err instanceof RheoError && err.code === 'ResourceNotFound') return undefined;
        throw err;
      }
    });
    this.client.shardMaps.invalidate(streamName);
  }

  /** Runs `check` every waitPollMs until it answers undefined (done); else its last answer is the why. */
  private async poll(
    streamName: string,
    timeoutMs: number,
    goal: string,
    check: () => Promise<string | undefined>,
  ): Promise<void> {
    const deadline = this.client.options.now() + timeoutMs;
    let last = 'not yet asked';
    while (this.client.options.now() < deadline) {
      try {
        const why = await check();
        if (why === undefined) return;
        last = why;
      } catch (err) {
        // A stream not created yet, or a node not ready, is a reason to wait; closed is not.
        this.client.checkOpen();
        last = err instanceof Error ? err.message : String(err);
      }
      await sleep(waitPollMs);
    }
    throw new RheoError('Unavailable', `stream ${streamName} not ${goal} after ${timeoutMs} ms: ${last}`);
  }

  private get deadlineMs(): number {
    return this.client.options.callDeadlineMs;
  }

  private call<T>(call: (node: NodeClients) => Promise<T>, outcomeUnknownSafe = true): Promise<T> {
    return this.client.seedCall(call, outcomeUnknownSafe);
  }
}

/** The contract's form: 0 for a rate left to the cluster. */
function shardLimitsRequest(l: Partial<ShardThroughputLimits>): pb.ShardThroughputLimits {
  return {
    writeBytesPerSecond: l.writeBytesPerS ?? 0,
    writeRecordsPerSecond: l.writeRecordsPerS ?? 0,
    readBytesPerSecond: l.readBytesPerS ?? 0,
    readCallsPerSecond: l.readCallsPerS ?? 0,
  };
}

function bareSummary(streamName: string): StreamSummary {
  return {
    streamName,
    streamArn: '',
    streamStatus: 'UNSPECIFIED',
    streamMode: 'PROVISIONED',
    streamCreationTimestampMs: 0,
  };
}
