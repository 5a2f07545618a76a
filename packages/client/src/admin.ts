// Stream administration, the few calls the bench and tests need now
// (create, describe summary, delete). Any node answers (it forwards to the
// active controller), so these go to the seed nodes. The full admin surface
// of issue 5 part 6 grows here.
import { type pb, RheoError } from './grpc.js';
import type { RheoClient } from './rheo-client.js';
import { unary } from './unary.js';

export interface CreateStreamOptions {
  readonly shardCount: number;
  /** Replicas per shard; 0 or absent: the cluster default. */
  readonly replicationFactor?: number;
  readonly retentionPeriodHours?: number;
}

export class StreamAdmin {
  constructor(private readonly client: RheoClient) {}

  async createStream(streamName: string, options: CreateStreamOptions): Promise<string> {
    const request: pb.CreateStreamRequest = {
      streamName,
      shardCount: options.shardCount,
      replicationFactor: options.replicationFactor ?? 0,
      retentionPeriodHours: options.retentionPeriodHours ?? 0,
    };
    const answer = await this.client.seedCall(
      (node) => unary(node.admin.CreateStream, node.admin, request, this.client.options.callDeadlineMs),
      false,
    );
    return answer.streamArn;
  }

  async describeStreamSummary(streamName: string): Promise<pb.StreamDescriptionSummary__Output> {
    const answer = await this.client.seedCall((node) =>
      unary(node.admin.DescribeStreamSummary, node.admin, { streamName }, this.client.options.callDeadlineMs),
    );
    if (answer.streamDescriptionSummary === null) {
      throw new RheoError('Internal', `DescribeStreamSummary of ${streamName} answered without a summary`);
    }
    return answer.streamDescriptionSummary;
  }

  async deleteStream(streamName: string): Promise<void> {
    await this.client.seedCall(
      (node) =>
        unary(node.admin.DeleteStream, node.admin, { streamName }, this.client.options.callDeadlineMs),
      false,
    );
  }

  /** Polls until the stream is ACTIVE and every open shard has a known leader, or `timeoutMs` passes. */
  async waitForActive(streamName: string, timeoutMs: number): Promise<void> {
    const deadline = this.client.options.now() + timeoutMs;
    let last = 'not yet described';
    while (this.client.options.now() < deadline) {
      try {
        const routes = await this.client.shardMaps.refresh(streamName, true);
        const leaderless = routes.map.shards.filter((s) => s.leaderAddress === undefined).length;
        if (routes.map.shards.length > 0 && leaderless === 0) return;
        last = `${leaderless} of ${routes.map.shards.length} open shards without a leader`;
      } catch (err) {
        last = err instanceof Error ? err.message : String(err);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new RheoError('Unavailable', `stream ${streamName} not ready after ${timeoutMs} ms: ${last}`);
  }
}
