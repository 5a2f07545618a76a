// The request pipeline without a cluster: every kind of bad input is
// answered by the step that owns it, with the type and message a Kinesis
// client expects, before anything reaches the cluster (the cluster here is
// an address nothing listens on, or a gRPC server that serves nothing).
// Table-driven cases pin the answers; fast-check properties throw random
// bodies (bytes, JSON values, CBOR values) at every action and check that
// the answer is always a 4xx or the cluster's 503, never a 500 or a throw.
import { Server, ServerCredentials } from '@grpc/grpc-js';
import { decode as cborDecode, encode as cborEncode } from 'cbor-x';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { actions, ClusterAccess, type GatewayRequest, handleRequest } from '../src/index.js';

/** A client whose every call fails at once: nothing listens on port 1. */
let deadCluster: ClusterAccess;

beforeAll(() => {
  deadCluster = new ClusterAccess({
    endpoints: ['127.0.0.1:1'],
    callDeadlineMs: 300,
    retry: { attemptsMax: 1, totalMs: 300 },
  });
});

afterAll(async () => {
  await deadCluster.close();
});

const signed = {
  authorization:
    'AWS4-HMAC-SHA256 Credential=local/20261130/us-east-1/kinesis/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc',
  'x-amz-date': '20261130T000000Z',
};

function request(
  action: string,
  body: Buffer | string,
  headers: Record<string, string> = {},
): GatewayRequest {
  return {
    method: 'POST',
    url: '/',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `Kinesis_20131202.${action}`,
      ...signed,
      ...headers,
    },
    body: typeof body === 'string' ? Buffer.from(body) : body,
  };
}

async function answer(req: GatewayRequest) {
  const res = await handleRequest(deadCluster, req);
  const type = res.headers['content-type'];
  const body = type?.includes('cbor') ? cborDecode(res.body) : JSON.parse(res.body.toString() || '{}');
  return { status: res.statusCode, body, type };
}

describe('each step answers as Kinesis does', () => {
  const cases: [string, GatewayRequest, number, Record<string, unknown>][] = [
    ['unknown action', request('NoSuchAction', '{}'), 400, { __type: 'UnknownOperationException' }],
    [
      'no target',
      {
        ...request('ListStreams', '{}'),
        headers: { 'content-type': 'application/x-amz-json-1.1', ...signed },
      },
      400,
      { __type: 'UnknownOperationException' },
    ],
    [
      'unknown content type',
      request('ListStreams', '{}', { 'content-type': 'text/plain' }),
      400,
      { __type: 'UnknownOperationException' },
    ],
    [
      'malformed JSON',
      request('ListStreams', '{"Limit": '),
      400,
      { __type: 'SerializationException', message: 'Malformed JSON body' },
    ],
    [
      'a JSON array body',
      request('ListStreams', '[]'),
      400,
      { __type: 'SerializationException', message: 'The request body must be a JSON or CBOR map' },
    ],
    [
      'no Authorization',
      request('ListStreams', '{}', { authorization: undefined as unknown as string }),
      400,
      { __type: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' },
    ],
    [
      'a string where an integer belongs',
      request('ListStreams', '{"Limit": "10"}'),
      400,
      { __type: 'SerializationException', message: 'STRING_VALUE can not be converted to an Integer' },
    ],
    [
      'a map where a string belongs',
      request('DescribeStream', '{"StreamName": {}}'),
      400,
      { __type: 'SerializationException', message: 'Start of structure or map found where not expected.' },
    ],
    [
      'a missing required member',
      request('GetShardIterator', '{"StreamName": "s", "ShardIteratorType": "LATEST"}'),
      400,
      {
        __type: 'ValidationException',
        message:
          "1 validation error detected: Value null at 'shardId' failed to satisfy constraint: Member must not be null",
      },
    ],
    [
      'three broken constraints',
      request('ListStreams', '{"Limit": 0, "ExclusiveStartStreamName": ""}'),
      400,
      {
        __type: 'ValidationException',
        message:
          "3 validation errors detected: Value 0 at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1; " +
          "Value '' at 'exclusiveStartStreamName' failed to satisfy constraint: Member must have length greater than or equal to 1; " +
          "Value '' at 'exclusiveStartStreamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+",
      },
    ],
    [
      'a value outside an enum',
      request(
        'GetShardIterator',
        '{"StreamName": "s", "ShardId": "shardId-000000000000", "ShardIteratorType": "OLDEST"}',
      ),
      400,
      {
        __type: 'ValidationException',
        message:
          "1 validation error detected: Value 'OLDEST' at 'shardIteratorType' failed to satisfy constraint: " +
          'Member must satisfy enum value set: [AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER, TRIM_HORIZON, LATEST, AT_TIMESTAMP]',
      },
    ],
    [
      'a record in a list breaking its constraint',
      request(
        'PutRecords',
        '{"StreamName": "s", "Records": [{"Data": "", "PartitionKey": "a"}, {"Data": ""}]}',
      ),
      400,
      {
        __type: 'ValidationException',
        message:
          "1 validation error detected: Value null at 'records.2.member.partitionKey' failed to satisfy constraint: Member must not be null",
      },
    ],
    [
      'neither StreamName nor StreamARN',
      request('DescribeStreamSummary', '{}'),
      400,
      { __type: 'ValidationException', message: 'Either StreamName or StreamARN should be provided.' },
    ],
    [
      'a sequence number without its iterator type',
      request(
        'GetShardIterator',
        '{"StreamName": "s", "ShardId": "a", "ShardIteratorType": "AT_SEQUENCE_NUMBER"}',
      ),
      400,
      {
        __type: 'InvalidArgumentException',
        message: 'Must specify StartingSequenceNumber for ShardIteratorType AT_SEQUENCE_NUMBER.',
      },
    ],
    [
      'an iterator that is not one',
      request('GetRecords', '{"ShardIterator": "not-an-iterator"}'),
      400,
      { __type: 'InvalidArgumentException', message: 'Invalid ShardIterator.' },
    ],
    [
      'bad base64 data',
      request('PutRecord', '{"StreamName": "s", "PartitionKey": "a", "Data": "!!!"}'),
      400,
      { __type: 'SerializationException' },
    ],
    [
      'NextToken with StreamName',
      request('ListShards', '{"StreamName": "s", "NextToken": "t"}'),
      400,
      {
        __type: 'InvalidArgumentException',
        message: 'NextToken and StreamName cannot be provided together.',
      },
    ],
  ];

  test.each(cases)('%s', async (_name, req, status, body) => {
    const got = await answer(req);
    expect(got.status).toBe(status);
    if (body.message === undefined) expect(got.body.__type).toBe(body.__type);
    else expect(got.body).toEqual(body);
  });

  test('a tag key "__proto__" is a key like any other, not a prototype', async () => {
    const got = await answer(
      request('AddTagsToStream', '{"StreamName": "s", "Tags": {"__proto__": {"x": 1}}}'),
    );
    expect(got.body.__type).toBe('SerializationException');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  test('an incomplete signature names what is missing', async () => {
    const got = await answer(
      request('ListStreams', '{}', { authorization: 'AWS4-HMAC-SHA256 Credential=a/b' }),
    );
    expect(got.body.__type).toBe('IncompleteSignatureException');
    expect(got.body.message).toContain("Authorization header requires 'Signature' parameter.");
  });

  test('errors of a CBOR request are CBOR', async () => {
    const got = await answer(
      request('DescribeStream', cborEncode({ StreamName: 7 }), {
        'content-type': 'application/x-amz-cbor-1.1',
      }),
    );
    expect(got.type).toBe('application/x-amz-cbor-1.1');
    expect(got.body).toEqual({
      __type: 'SerializationException',
      message: 'NUMBER_VALUE can not be converted to a String',
    });
  });

  test('a valid request that cannot reach the cluster is ServiceUnavailable (503), not a 500', async () => {
    const got = await answer(request('ListStreams', '{}'));
    expect(got.status).toBe(503);
    expect(got.body.__type).toBe('ServiceUnavailable');
  });
});

test('an action the cluster does not serve is UnknownOperationException with the reason', async () => {
  // A gRPC server with no services answers UNIMPLEMENTED to every method.
  const server = new Server();
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (err, p) =>
      err ? reject(err) : resolve(p),
    ),
  );
  const empty = new ClusterAccess({ endpoints: [`127.0.0.1:${port}`], retry: { attemptsMax: 1 } });
  try {
    const res = await handleRequest(empty, request('DescribeLimits', '{}'));
    const body = JSON.parse(res.body.toString());
    expect(res.statusCode).toBe(400);
    expect(body.__type).toBe('UnknownOperationException');
    expect(body.message).toMatch(/^DescribeLimits is not supported by this Rheo cluster/);
  } finally {
    await empty.close();
    server.forceShutdown();
  }
});

describe('random input never makes a 500', () => {
  const names = Object.keys(actions);
  const acceptable = (status: number) => (status >= 400 && status < 500) || status === 503;

  test('random bytes, as JSON and as CBOR', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...names),
        fc.uint8Array({ maxLength: 200 }),
        fc.boolean(),
        async (action, bytes, cbor) => {
          const res = await handleRequest(
            deadCluster,
            request(action, Buffer.from(bytes), cbor ? { 'content-type': 'application/x-amz-cbor-1.1' } : {}),
          );
          expect(acceptable(res.statusCode)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  test('random values in every member an action knows', async () => {
    const member = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.dictionary(fc.string(), fc.string())), {
        maxLength: 3,
      }),
      fc.dictionary(fc.string({ maxLength: 5 }), fc.oneof(fc.string(), fc.integer())),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...names),
        fc.dictionary(fc.string({ maxLength: 5 }), member),
        fc.boolean(),
        async (action, extra, cbor) => {
          const known = Object.keys(actions[action]!.schema);
          const body: Record<string, unknown> = {};
          for (const [i, name] of known.entries()) {
            const v = Object.values(extra)[i];
            if (v !== undefined) body[name] = v;
          }
          const bytes = cbor ? Buffer.from(cborEncode(body)) : Buffer.from(JSON.stringify(body));
          const res = await handleRequest(
            deadCluster,
            request(action, bytes, cbor ? { 'content-type': 'application/x-amz-cbor-1.1' } : {}),
          );
          expect(acceptable(res.statusCode)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
