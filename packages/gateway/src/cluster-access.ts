// The gateway's one door to the cluster: a RheoClient (seeded with the local
// node first, so admin calls are answered there and data calls go straight
// to shard leaders), a shared idempotent Producer for PutRecord(s), and
// unary StreamAdmin calls for the actions the SDK's StreamAdmin does not wrap
// (retention, resharding, consumers, monitoring, limits). A method the
// server answers UNIMPLEMENTED becomes the error Kinesis gives for an
// operation it does not support.
import { type ClientReadableStream, Metadata, type ServiceError, status } from '@grpc/grpc-js';
import { type Producer, RheoClient, type RheoClientOptions } from '@rheo/client';
import { errorDetailFromMetadata, fromErrorDetail, RheoError } from '@rheo/wire';
import { unsupportedOperation } from './kinesis-error.js';

type Callback = (err: ServiceError | null, response?: unknown) => void;
type RawUnary = (
  request: object,
  metadata: Metadata,
  options: { deadline: number },
  callback: Callback,
) => void;

/** A put waits this long at most in the producer's retries, well inside an SDK's request timeout. */
const putRetryTotalMs = 10_000;

export class ClusterAccess {
  readonly client: RheoClient;
  readonly producer: Producer;

  constructor(options: RheoClientOptions) {
    this.client = new RheoClient(options);
    // Linger 0: an HTTP request waits for its own records only; concurrent
    // requests to one shard still share batches while one is in flight.
    this.producer = this.client.producer({
      lingerMs: 0,
      retry: { attemptsMax: 10, totalMs: putRetryTotalMs },
    });
  }

  /** One StreamAdmin RPC by name at the seeds (the local node first), with the client's retries. */
  adminCall<Res>(action: string, method: string, request: object, outcomeUnknownSafe = true): Promise<Res> {
    return this.client.seedCall(
      (node) => this.unary<Res>(node.admin, action, method, request),
      outcomeUnknownSafe,
    );
  }

  /** One StreamData RPC by name at the shard's leader, following NotLeader hints. */
  dataCall<Res>(
    action: string,
    stream: string,
    shardId: string,
    method: string,
    request: object,
  ): Promise<Res> {
    return this.client.leaderCall(stream, shardId, true, (node) =>
      this.unary<Res>(node.data, action, method, request),
    );
  }

  private unary<Res>(service: object, action: string, method: string, request: object): Promise<Res> {
    const deadlineMs = this.client.options.callDeadlineMs;
    return new Promise<Res>((resolve, reject) => {
      const methods = service as Record<string, RawUnary>;
      const call = methods[method];
      if (call === undefined) throw new RheoError('Internal', `no RPC method ${method}`);
      call.call(service, request, new Metadata(), { deadline: Date.now() + deadlineMs }, (err, response) => {
        if (err === null && response !== undefined) resolve(response as Res);
        else reject(callFailure(action, err));
      });
    });
  }

  /** A SubscribeToShard server stream at the shard's leader (a follower when no leader is known). */
  async subscribeToShard(
    stream: string,
    shardId: string,
    request: object,
  ): Promise<ClientReadableStream<unknown>> {
    const route = (await this.client.shardRoutes(stream)).shard(shardId);
    if (route === undefined) {
      throw new RheoError('ResourceNotFound', `Shard ${shardId} in stream ${stream} not found.`);
    }
    const address = route.leaderAddress ?? route.replicaAddresses[0];
    if (address === undefined)
      throw new RheoError('Unavailable', `shard ${shardId} of ${stream} has no replica known`);
    const data = this.client.connections.get(address).data as unknown as {
      SubscribeToShard(request: object): ClientReadableStream<unknown>;
    };
    return data.SubscribeToShard(request);
  }

  /** A failed streaming call as the error a Kinesis client expects to see. */
  streamFailure(action: string, err: unknown): Error {
    return err instanceof Error && typeof (err as ServiceError).code === 'number'
      ? callFailure(action, err as ServiceError)
      : (err as Error);
  }

  async close(): Promise<void> {
    await this.producer.close().catch(() => undefined);
    this.client.close();
  }
}

function callFailure(action: string, err: ServiceError | null): Error {
  if (err === null) return new RheoError('Internal', `${action}: the node answered nothing`);
  if (err.code === status.UNIMPLEMENTED) return unsupportedOperation(action, err.details);
  const detail = errorDetailFromMetadata(err.metadata);
  const rheo = fromErrorDetail(detail, err.code, err.details);
  return detail === undefined ? new RheoError(rheo.code, rheo.message, { cause: err }) : rheo;
}
