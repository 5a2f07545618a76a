// One attempt at one batch, for the Producer: to the shard leader's Produce
// stream (one per node, shared by the producer's shards there), or as a
// unary PutRecords call where the producer asked for that or the node does
// not serve Produce. Retrying is the producer's business, not this one's.
import { sleep } from './backoff.js';
import type { PutResult } from './data-calls.js';
import { type pb, RheoError } from './grpc.js';
import { ProduceSession } from './produce-session.js';
import { toPutResult } from './put-result.js';
import type { RheoClient } from './rheo-client.js';
import { unary } from './unary.js';

/** While a shard has no known leader, the map is fetched again every `leaderPollMs`, this many times, before the batch fails Unavailable. */
const leaderWaitPolls = 40;
const leaderPollMs = 50;

export interface BatchSenderOptions {
  readonly transport: 'stream' | 'unary';
  readonly batchTimeoutMs: number;
}

export class BatchSender {
  private readonly sessions = new Map<string, ProduceSession>();
  /** Node addresses that do not serve Produce. */
  private readonly unaryNodes = new Set<string>();

  constructor(
    private readonly client: RheoClient,
    private readonly options: BatchSenderOptions,
  ) {}

  async send(
    streamName: string,
    shardId: string,
    request: pb.PutRecordsRequest,
    bytes: number,
  ): Promise<PutResult> {
    const routes = this.client.shardMaps.cached(streamName) ?? (await this.client.shardRoutes(streamName));
    let address = routes.shard(shardId)?.leaderAddress;
    // A new shard (a split's child) elects within a second or so: wait for the map to name its leader.
    for (let i = 0; address === undefined && i < leaderWaitPolls; i++) {
      await sleep(leaderPollMs);
      address = (await this.client.shardMaps.refresh(streamName, true)).shard(shardId)?.leaderAddress;
    }
    if (address === undefined) {
      throw new RheoError('Unavailable', `shard ${shardId} of ${streamName} has no known leader`);
    }
    const node = this.client.connections.get(address);
    const putUnary = async () =>
      toPutResult(await unary(node.data.PutRecords, node.data, request, this.client.options.callDeadlineMs));
    if (this.options.transport === 'unary' || this.unaryNodes.has(address)) return putUnary();
    let session = this.sessions.get(address);
    if (session === undefined || session.broken) {
      session = new ProduceSession(node, {
        batchTimeoutMs: this.options.batchTimeoutMs,
        now: this.client.options.now,
      });
      this.sessions.set(address, session);
    }
    try {
      return await session.submit(request, bytes);
    } catch (err) {
      if (!session.unimplemented) throw err;
      this.unaryNodes.add(address);
      return putUnary();
    }
  }

  /** Ends every stream once its batches are answered. */
  end(): void {
    for (const session of this.sessions.values()) session.end();
    this.sessions.clear();
  }
}
