// Enhanced fan-out consumers' admin calls, SDK side (any seed answers;
// Register and Deregister are forwarded to the active controller).
import { type pb, RheoError } from './grpc.js';
import type { RheoClient } from './rheo-client.js';
import { unary } from './unary.js';

export type ConsumerStatus = 'CREATING' | 'ACTIVE' | 'DELETING';

export interface StreamConsumer {
  readonly consumerName: string;
  /** What subscribe() takes. */
  readonly consumerArn: string;
  readonly status: ConsumerStatus;
  readonly createdAtMs: number;
  /** Set by describe; empty in lists (as Kinesis). */
  readonly streamArn: string;
}

function view(c: pb.Consumer__Output | null): StreamConsumer {
  if (c === null) throw new RheoError('Internal', 'the answer holds no consumer');
  return {
    consumerName: c.consumerName,
    consumerArn: c.consumerArn,
    status: c.consumerStatus.replace('CONSUMER_STATUS_', '') as ConsumerStatus,
    createdAtMs: Number(c.consumerCreationTimestampMs),
    streamArn: c.streamArn,
  };
}

const pollMs = 100;

export class StreamConsumers {
  constructor(private readonly client: RheoClient) {}

  private get deadlineMs(): number {
    return this.client.options.callDeadlineMs;
  }

  /** Registers a consumer (CREATING at first; see waitForActive). */
  async register(streamName: string, consumerName: string): Promise<StreamConsumer> {
    const res = await this.client.seedCall(
      (n) => unary(n.admin.RegisterStreamConsumer, n.admin, { streamName, consumerName }, this.deadlineMs),
      false,
    );
    return view(res.consumer);
  }

  /** Registers `consumerName` unless it exists, and resolves once it is ACTIVE. */
  async ensureActive(streamName: string, consumerName: string, timeoutMs = 30_000): Promise<StreamConsumer> {
    try {
      await this.register(streamName, consumerName);
    } catch (err) {
      if (!(err instanceof RheoError && err.code === 'ResourceInUse')) throw err;
    }
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      // Another node may not have applied the registration yet: not found means "not yet" for a while.
      const c = await this.describe(streamName, consumerName).catch((err: unknown) => {
        if (err instanceof RheoError && err.code === 'ResourceNotFound' && Date.now() < deadline)
          return undefined;
        throw err;
      });
      if (c?.status === 'ACTIVE') return c;
      if (Date.now() > deadline)
        throw new RheoError(
          'Unavailable',
          `consumer ${consumerName} is still ${c?.status ?? 'unknown'} after ${timeoutMs} ms`,
        );
      await new Promise((r) => setTimeout(r, pollMs));
    }
  }

  async deregister(streamName: string, consumerName: string): Promise<void> {
    await this.client.seedCall(
      (n) => unary(n.admin.DeregisterStreamConsumer, n.admin, { streamName, consumerName }, this.deadlineMs),
      false,
    );
  }

  async describe(streamName: string, consumerName: string): Promise<StreamConsumer> {
    const res = await this.client.seedCall((n) =>
      unary(n.admin.DescribeStreamConsumer, n.admin, { streamName, consumerName }, this.deadlineMs),
    );
    return view(res.consumerDescription);
  }

  /** Every consumer of the stream (all pages). */
  async list(streamName: string): Promise<StreamConsumer[]> {
    const out: StreamConsumer[] = [];
    let nextToken = '';
    do {
      const token = nextToken;
      const res = await this.client.seedCall((n) =>
        unary(
          n.admin.ListStreamConsumers,
          n.admin,
          token === '' ? { streamName } : { streamName, nextToken: token },
          this.deadlineMs,
        ),
      );
      out.push(...res.consumers.map(view));
      nextToken = res.nextToken;
    } while (nextToken !== '');
    return out;
  }
}
