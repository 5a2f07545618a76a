// Hand-made requests to a node's gateway, over raw HTTP/1.1 and raw
// prior-knowledge HTTP/2 on the same port: CBOR bodies as the Java SDK sends
// them (byte strings for blobs, epoch milliseconds for timestamps) and their
// CBOR answers; a JSON answer's timestamps in epoch seconds; a body over the
// size limit answered 413 without reaching the cluster.
import http from 'node:http';
import http2 from 'node:http2';
import { decode as cborDecode, encode as cborEncode } from 'cbor-x';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type GatewayNodes, startGatewayNodes } from './gateway-nodes.js';

let cluster: GatewayNodes;

const signed = {
  authorization:
    'AWS4-HMAC-SHA256 Credential=local/20261130/us-east-1/kinesis/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc',
  'x-amz-date': '20261130T000000Z',
};

interface Answer {
  readonly status: number;
  readonly contentType: string;
  readonly body: Buffer;
}

type Format = 'json' | 'cbor';

function headersFor(action: string, format: Format, bytes: number): Record<string, string> {
  return {
    'content-type': `application/x-amz-${format === 'json' ? 'json' : 'cbor'}-1.1`,
    'x-amz-target': `Kinesis_20131202.${action}`,
    'content-length': String(bytes),
    ...signed,
  };
}

function encode(format: Format, value: unknown): Buffer {
  return format === 'json' ? Buffer.from(JSON.stringify(value)) : Buffer.from(cborEncode(value));
}

function decode(answer: Answer): Record<string, unknown> {
  return answer.contentType.includes('cbor')
    ? (cborDecode(answer.body) as Record<string, unknown>)
    : JSON.parse(answer.body.toString());
}

function http1(action: string, format: Format, body: Buffer): Promise<Answer> {
  const url = new URL(cluster.gatewayUrl(1));
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        method: 'POST',
        path: '/',
        headers: headersFor(action, format, body.length),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type']),
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function http2Call(action: string, format: Format, body: Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const session = http2.connect(cluster.gatewayUrl(1));
    session.on('error', reject);
    const req = session.request({
      ':method': 'POST',
      ':path': '/',
      ...headersFor(action, format, body.length),
    });
    let status = 0;
    let contentType = '';
    req.on('response', (h) => {
      status = Number(h[':status']);
      contentType = String(h['content-type']);
    });
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      session.close();
      resolve({ status, contentType, body: Buffer.concat(chunks) });
    });
    req.on('error', reject);
    req.end(body);
  });
}

beforeAll(async () => {
  cluster = await startGatewayNodes(1);
  const created = await http1('CreateStream', 'json', encode('json', { StreamName: 'raw', ShardCount: 1 }));
  expect(created.status, created.body.toString()).toBe(200);
  for (let i = 0; i < 200; i++) {
    const d = decode(await http1('DescribeStreamSummary', 'json', encode('json', { StreamName: 'raw' })));
    if ((d.StreamDescriptionSummary as { StreamStatus?: string } | undefined)?.StreamStatus === 'ACTIVE')
      return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('stream raw not ACTIVE');
});

afterAll(async () => {
  await cluster?.stop();
});

test.each([
  ['HTTP/1.1', http1],
  ['HTTP/2', http2Call],
])('CBOR over %s: byte strings in, byte strings and ms timestamps out', async (_label, send) => {
  const before = Date.now();
  const data = Buffer.from([0, 1, 2, 255, 254]);
  const put = await send(
    'PutRecord',
    'cbor',
    encode('cbor', { StreamName: 'raw', PartitionKey: 'p', Data: data }),
  );
  expect(put.status).toBe(200);
  expect(put.contentType).toBe('application/x-amz-cbor-1.1');
  const { SequenceNumber } = decode(put) as { SequenceNumber: string };
  const iterator = decode(
    await send(
      'GetShardIterator',
      'cbor',
      encode('cbor', {
        StreamName: 'raw',
        ShardId: 'shardId-000000000000',
        ShardIteratorType: 'AT_SEQUENCE_NUMBER',
        StartingSequenceNumber: SequenceNumber,
      }),
    ),
  ).ShardIterator as string;
  const got = decode(
    await send('GetRecords', 'cbor', encode('cbor', { ShardIterator: iterator, Limit: 1 })),
  ) as {
    Records: { Data: Uint8Array; SequenceNumber: string; ApproximateArrivalTimestamp: number }[];
  };
  expect(got.Records).toHaveLength(1);
  const record = got.Records[0]!;
  expect(record.Data).toBeInstanceOf(Uint8Array);
  expect(Buffer.from(record.Data)).toEqual(data);
  expect(record.SequenceNumber).toBe(SequenceNumber);
  // Epoch milliseconds in CBOR.
  expect(record.ApproximateArrivalTimestamp).toBeGreaterThanOrEqual(before - 1000);
  expect(record.ApproximateArrivalTimestamp).toBeLessThanOrEqual(Date.now() + 1000);
});

test('JSON answers carry blobs in base64 and timestamps in epoch seconds', async () => {
  await http1(
    'PutRecord',
    'json',
    encode('json', { StreamName: 'raw', PartitionKey: 'j', Data: 'aGVsbG8=' }),
  );
  const iterator = decode(
    await http1(
      'GetShardIterator',
      'json',
      encode('json', {
        StreamName: 'raw',
        ShardId: 'shardId-000000000000',
        ShardIteratorType: 'TRIM_HORIZON',
      }),
    ),
  ).ShardIterator as string;
  const got = decode(await http1('GetRecords', 'json', encode('json', { ShardIterator: iterator }))) as {
    Records: { Data: string; PartitionKey: string; ApproximateArrivalTimestamp: number }[];
  };
  const hello = got.Records.find((r) => r.PartitionKey === 'j')!;
  expect(hello.Data).toBe('aGVsbG8=');
  expect(Math.abs(hello.ApproximateArrivalTimestamp - Date.now() / 1000)).toBeLessThan(60);
});

test('a CBOR timestamp in milliseconds positions an AT_TIMESTAMP iterator', async () => {
  const at = Date.now();
  await new Promise((r) => setTimeout(r, 5));
  await http2Call(
    'PutRecord',
    'cbor',
    encode('cbor', { StreamName: 'raw', PartitionKey: 'late', Data: Buffer.from('x') }),
  );
  const iterator = decode(
    await http2Call(
      'GetShardIterator',
      'cbor',
      encode('cbor', {
        StreamName: 'raw',
        ShardId: 'shardId-000000000000',
        ShardIteratorType: 'AT_TIMESTAMP',
        Timestamp: at,
      }),
    ),
  ).ShardIterator as string;
  const got = decode(await http2Call('GetRecords', 'cbor', encode('cbor', { ShardIterator: iterator }))) as {
    Records: { PartitionKey: string }[];
  };
  expect(got.Records.map((r) => r.PartitionKey)).toEqual(['late']);
});

test('a body over the size limit is 413 on both protocols', async () => {
  const big = Buffer.alloc(8 * 1024 * 1024, 0x20);
  for (const send of [http1, http2Call]) {
    const answer = await send('PutRecord', 'json', big);
    expect(answer.status).toBe(413);
    expect(decode(answer).__type).toBe('SerializationException');
  }
});
