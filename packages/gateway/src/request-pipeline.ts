// The one fixed path every request takes, in kinesalite's order: content
// type, action (X-Amz-Target), parse, auth, types, validations, the action's
// own checks, then the action. Each step either passes the request on or
// answers with the exact error a Kinesis client expects; only the last one
// reaches the cluster. (The size limit is the first step, taken while the
// body is read: http-handler.ts.) Transport-free: takes the method, headers
// and body, returns status, headers and body.
import { randomUUID } from 'node:crypto';
import type { KinesisAction } from './action.js';
import { actions } from './actions/index.js';
import { checkSignature } from './auth.js';
import { type BodyFormat, contentTypes, formatOf, parseBody, renderBody } from './body-codec.js';
import type { ClusterAccess } from './cluster-access.js';
import { EventStreamOutput, eventMessage, type StreamMessage } from './event-stream.js';
import { errorBody, fromClusterError, KinesisError } from './kinesis-error.js';
import { type AccessKeys, verifySignature } from './sigv4-verify.js';
import { checkTypes } from './types.js';
import { validateInput } from './validate.js';

export const targetPrefix = 'Kinesis_20131202.';

export interface GatewayRequest {
  readonly method: string;
  /** Path and query, as the request line has them. */
  readonly url: string;
  /** Lower-case names, as node:http and node:http2 give them. */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Buffer;
}

export interface GatewayResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: Buffer;
  /** SubscribeToShard: framed messages written after the headers, instead of `body`. */
  readonly stream?: AsyncIterable<Buffer>;
  /** Stops `stream` early (the caller went away). */
  readonly cancel?: () => void;
}

/** Called with every failure that is the gateway's fault (a 500), for the log. */
export type InternalErrorSink = (err: unknown, action: string) => void;

export interface PipelineOptions {
  /** Verify SigV4 signatures against these keys; left out: any well-formed signature is accepted. */
  readonly accessKeys?: AccessKeys;
  readonly onInternalError?: InternalErrorSink;
}

function header(request: GatewayRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function respond(statusCode: number, format: BodyFormat, body: Record<string, unknown>): GatewayResponse {
  const bytes = renderBody(body, format);
  return {
    statusCode,
    headers: {
      'content-type': contentTypes[format],
      'content-length': String(bytes.length),
      'x-amzn-requestid': randomUUID(),
    },
    body: bytes,
  };
}

export function errorResponse(err: KinesisError, format: BodyFormat = 'json'): GatewayResponse {
  const response = respond(err.statusCode, format, errorBody(err));
  response.headers['x-amzn-errortype'] = err.type;
  return response;
}

function frame(message: StreamMessage, format: BodyFormat): Buffer {
  const headers: Record<string, string> = { ':message-type': message.kind };
  headers[message.kind === 'event' ? ':event-type' : ':exception-type'] = message.type;
  headers[':content-type'] = contentTypes[format];
  return eventMessage(headers, renderBody(message.body, format));
}

async function* framed(messages: AsyncIterable<StreamMessage>, format: BodyFormat): AsyncGenerator<Buffer> {
  for await (const message of messages) yield frame(message, format);
}

function streamResponse(output: EventStreamOutput, format: BodyFormat): GatewayResponse {
  return {
    statusCode: 200,
    headers: { 'content-type': 'application/vnd.amazon.eventstream', 'x-amzn-requestid': randomUUID() },
    body: Buffer.alloc(0),
    stream: framed(output.messages, format),
    cancel: output.cancel,
  };
}

/** The action a request names, or UnknownOperationException. */
function actionOf(request: GatewayRequest): { name: string; action: KinesisAction } {
  const target = header(request, 'x-amz-target') ?? '';
  const name = target.startsWith(targetPrefix) ? target.slice(targetPrefix.length) : '';
  const action = Object.hasOwn(actions, name) ? actions[name] : undefined;
  if (action === undefined) throw new KinesisError('UnknownOperationException', undefined);
  return { name, action };
}

/** Runs the pipeline; never throws (every failure is an answer). */
export async function handleRequest(
  cluster: ClusterAccess,
  request: GatewayRequest,
  options: PipelineOptions = {},
): Promise<GatewayResponse> {
  const format = formatOf(header(request, 'content-type'));
  let name = '';
  try {
    if (request.method !== 'POST') {
      return {
        statusCode: 200,
        headers: { 'content-type': 'text/plain' },
        body: Buffer.from('healthy: rheo gateway\n'),
      };
    }
    if (format === undefined) throw new KinesisError('UnknownOperationException', undefined);
    const found = actionOf(request);
    name = found.name;
    const body = parseBody(request.body, format);
    checkSignature(request.headers, new URL(request.url, 'http://gateway').searchParams);
    if (options.accessKeys !== undefined) await verifySignature(request, options.accessKeys);
    const input = checkTypes(body, found.action.schema, format);
    validateInput(input, found.action.schema);
    found.action.check?.(input);
    const output = await found.action.run(cluster, input);
    if (output instanceof EventStreamOutput) return streamResponse(output, format);
    return respond(200, format, output);
  } catch (err) {
    const kinesis = fromClusterError(err);
    if (kinesis.statusCode >= 500 && kinesis.type === 'InternalFailure') options.onInternalError?.(err, name);
    return errorResponse(kinesis, format);
  }
}
