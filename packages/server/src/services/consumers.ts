// Enhanced fan-out consumers' admin calls (cluster mode): Register and
// Deregister run on the active controller (forwarded there from any other
// node, like every mutation); List and Describe are answered here from the
// metadata. A consumer is named by its ARN alone, or by its stream and name.
import type * as grpc from '@grpc/grpc-js';
import type { ConsumerRecord, MetaState, StreamRecord } from '@rheo/controller';
import { type pb, RheoError } from '@rheo/wire';
import { type CallInfo, viaController } from './admin-mutations.js';
import { metadataOf, metaStream } from './admin-views.js';
import { decodeNextToken, encodeNextToken } from './next-token.js';
import type { ServiceContext } from './service-context.js';
import { unary } from './unary.js';

const CONSUMERS_TOKEN = 'ListStreamConsumers';
const listMaxDefault = 100;
const listMax = 10_000;

export function consumerView(c: ConsumerRecord, streamArn?: string): pb.Consumer {
  return {
    consumerName: c.name,
    consumerArn: c.arn,
    consumerStatus: `CONSUMER_STATUS_${c.status}`,
    consumerCreationTimestampMs: c.createdAtMs,
    streamArn: streamArn ?? '',
  };
}

interface ConsumerNaming {
  readonly streamArn: string;
  readonly streamName: string;
  readonly consumerName: string;
  readonly consumerArn: string;
}

/** The consumer a request names; ResourceNotFound when there is none. */
export function namedConsumer(
  state: MetaState,
  req: ConsumerNaming,
): { stream: StreamRecord; consumer: ConsumerRecord } {
  if (req.consumerArn !== '') {
    const consumer = state.consumerByArn(req.consumerArn);
    if (consumer === undefined)
      throw new RheoError('ResourceNotFound', `Consumer ${req.consumerArn} not found.`, {
        field: 'consumer_arn',
      });
    return { stream: state.stream(consumer.streamName)!, consumer };
  }
  if (req.consumerName === '')
    throw new RheoError('InvalidArgument', 'consumer_arn, or consumer_name with the stream, is required', {
      field: 'consumer_name',
    });
  const stream = metaStream(state, req.streamName, req.streamArn);
  const consumer = state.consumer(stream.name, req.consumerName);
  if (consumer === undefined)
    throw new RheoError(
      'ResourceNotFound',
      `Consumer ${req.consumerName} under stream ${stream.name} not found.`,
      {
        field: 'consumer_name',
      },
    );
  return { stream, consumer };
}

export function registerStreamConsumer(
  ctx: ServiceContext,
  req: pb.RegisterStreamConsumerRequest__Output,
  call: CallInfo,
): Promise<pb.RegisterStreamConsumerResponse> {
  return viaController(
    ctx,
    { service: 'StreamAdmin', method: 'RegisterStreamConsumer', req, call },
    async (c) => {
      const stream = metaStream(metadataOf(ctx), req.streamName, req.streamArn);
      const consumer = await c.consumers.register(stream.name, req.consumerName);
      return { consumer: consumerView(consumer, stream.arn) };
    },
  );
}

export function deregisterStreamConsumer(
  ctx: ServiceContext,
  req: pb.DeregisterStreamConsumerRequest__Output,
  call: CallInfo,
): Promise<pb.DeregisterStreamConsumerResponse> {
  return viaController(
    ctx,
    { service: 'StreamAdmin', method: 'DeregisterStreamConsumer', req, call },
    async (c) => {
      const { stream, consumer } = namedConsumer(metadataOf(ctx), req);
      await c.consumers.deregister(stream.name, consumer.name);
      return {};
    },
  );
}

export function listStreamConsumers(
  ctx: ServiceContext,
  req: pb.ListStreamConsumersRequest__Output,
): pb.ListStreamConsumersResponse {
  const state = metadataOf(ctx);
  const stream = metaStream(state, req.streamName, req.streamArn);
  if (req.maxResults > listMax)
    throw new RheoError('InvalidArgument', `max_results ${req.maxResults} must be in [1, ${listMax}]`, {
      field: 'max_results',
    });
  const max = req.maxResults === 0 ? listMaxDefault : req.maxResults;
  const after =
    req.nextToken === ''
      ? ''
      : decodeNextToken<{ stream: string; after: string }>(
          ctx.iteratorSecret,
          CONSUMERS_TOKEN,
          req.nextToken,
          ctx.nowMs(),
        );
  if (typeof after !== 'string' && after.stream !== stream.name)
    throw new RheoError('InvalidArgument', 'next_token belongs to another stream', { field: 'next_token' });
  const from = typeof after === 'string' ? '' : after.after;
  const all = state.consumersOf(stream.name).filter((c) => c.name > from);
  const page = all.slice(0, max);
  const last = page[page.length - 1];
  return {
    consumers: page.map((c) => consumerView(c)),
    nextToken:
      all.length > max && last !== undefined
        ? encodeNextToken(
            ctx.iteratorSecret,
            CONSUMERS_TOKEN,
            { stream: stream.name, after: last.name },
            ctx.nowMs(),
          )
        : '',
  };
}

export function describeStreamConsumer(
  ctx: ServiceContext,
  req: pb.DescribeStreamConsumerRequest__Output,
): pb.DescribeStreamConsumerResponse {
  const { stream, consumer } = namedConsumer(metadataOf(ctx), req);
  return { consumerDescription: consumerView(consumer, stream.arn) };
}

/** The four consumer calls, for StreamAdmin's handler table. */
export function consumerAdminHandlers(ctx: ServiceContext): grpc.UntypedServiceImplementation {
  return {
    RegisterStreamConsumer: unary(
      ctx,
      'RegisterStreamConsumer',
      (req: pb.RegisterStreamConsumerRequest__Output, call) => registerStreamConsumer(ctx, req, call),
    ),
    DeregisterStreamConsumer: unary(
      ctx,
      'DeregisterStreamConsumer',
      (req: pb.DeregisterStreamConsumerRequest__Output, call) => deregisterStreamConsumer(ctx, req, call),
    ),
    ListStreamConsumers: unary(ctx, 'ListStreamConsumers', (req: pb.ListStreamConsumersRequest__Output) =>
      listStreamConsumers(ctx, req),
    ),
    DescribeStreamConsumer: unary(
      ctx,
      'DescribeStreamConsumer',
      (req: pb.DescribeStreamConsumerRequest__Output) => describeStreamConsumer(ctx, req),
    ),
  };
}
