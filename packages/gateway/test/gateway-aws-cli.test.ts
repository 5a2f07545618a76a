// The AWS CLI (botocore: HTTP/1.1, JSON) against three in-process nodes,
// with only --endpoint-url changed: create, put, get-shard-iterator,
// get-records, list-shards, split, describe, as issue 10 asks. The gateways
// verify SigV4 against one access key (gateway_auth sigv4), so the CLI's
// real signatures are checked, and a wrong secret is refused. Skipped when
// no `aws` command is on the PATH, unless RHEO_REQUIRE_AWSCLI=1 (.ci/run
// installs Debian's awscli and sets it): then a missing CLI fails.
// The nodes run in this process, so the CLI runs asynchronously: a blocking
// child would stop them from answering.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type GatewayNodes, startGatewayNodes } from './gateway-nodes.js';

const run = promisify(execFile);

async function hasAwsCli(): Promise<boolean> {
  try {
    await run('aws', ['--version'], { timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
}

const available = await hasAwsCli();
const required = process.env.RHEO_REQUIRE_AWSCLI === '1';
const accessKeyId = 'AKIDRHEOCLITEST';
const secretAccessKey = 'cli-test-secret/of+forty-characters-long0';
let cluster: GatewayNodes;

test.runIf(required && !available)('the AWS CLI is installed (RHEO_REQUIRE_AWSCLI=1)', () => {
  expect.fail('RHEO_REQUIRE_AWSCLI=1 but no working `aws` on the PATH (.ci/run installs awscli)');
});

async function aws(...args: string[]): Promise<Record<string, unknown>> {
  return awsAs(secretAccessKey, ...args);
}

async function awsAs(secret: string, ...args: string[]): Promise<Record<string, unknown>> {
  const { stdout } = await run(
    'aws',
    ['--endpoint-url', cluster.gatewayUrl(1), '--output', 'json', 'kinesis', ...args],
    {
      timeout: 60_000,
      env: {
        ...process.env,
        AWS_ACCESS_KEY_ID: accessKeyId,
        AWS_SECRET_ACCESS_KEY: secret,
        AWS_DEFAULT_REGION: 'us-east-1',
        AWS_CONFIG_FILE: '/dev/null',
        AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_PAGER: '',
      },
    },
  );
  return stdout.trim() === '' ? {} : (JSON.parse(stdout) as Record<string, unknown>);
}

async function waitActive(stream: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const d = (await aws('describe-stream-summary', '--stream-name', stream)) as {
      StreamDescriptionSummary: { StreamStatus: string };
    };
    if (d.StreamDescriptionSummary.StreamStatus === 'ACTIVE') return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${stream} not ACTIVE`);
}

describe.skipIf(!available)('the AWS CLI', () => {
  beforeAll(async () => {
    cluster = await startGatewayNodes(3, { accessKeys: { [accessKeyId]: secretAccessKey } });
  });

  afterAll(async () => {
    await cluster?.stop();
  });

  test('create, put, get-shard-iterator, get-records, list-shards, split, describe', async () => {
    await aws('create-stream', '--stream-name', 'cli', '--shard-count', '1');
    await waitActive('cli');
    const put = (await aws(
      'put-record',
      '--stream-name',
      'cli',
      '--partition-key',
      'k',
      '--data',
      'aGVsbG8=',
    )) as {
      ShardId: string;
      SequenceNumber: string;
    };
    expect(put.ShardId).toBe('shardId-000000000000');
    const { ShardIterator } = (await aws(
      'get-shard-iterator',
      '--stream-name',
      'cli',
      '--shard-id',
      put.ShardId,
      '--shard-iterator-type',
      'TRIM_HORIZON',
    )) as { ShardIterator: string };
    const got = (await aws('get-records', '--shard-iterator', ShardIterator)) as {
      Records: { Data: string; PartitionKey: string; SequenceNumber: string }[];
    };
    expect(got.Records).toHaveLength(1);
    expect(got.Records[0]!.PartitionKey).toBe('k');
    expect(got.Records[0]!.SequenceNumber).toBe(put.SequenceNumber);
    // The CLI's output carries the blob in base64, whichever way the CLI version took the input.
    expect(['aGVsbG8=', Buffer.from('aGVsbG8=').toString('base64')]).toContain(got.Records[0]!.Data);
    await aws(
      'split-shard',
      '--stream-name',
      'cli',
      '--shard-to-split',
      'shardId-000000000000',
      '--new-starting-hash-key',
      (2n ** 127n).toString(),
    );
    await waitActive('cli');
    const shards = (await aws('list-shards', '--stream-name', 'cli')) as { Shards: { ShardId: string }[] };
    expect(shards.Shards.map((s) => s.ShardId)).toEqual([
      'shardId-000000000000',
      'shardId-000000000001',
      'shardId-000000000002',
    ]);
    const described = (await aws('describe-stream', '--stream-name', 'cli')) as {
      StreamDescription: { StreamStatus: string; Shards: unknown[] };
    };
    expect(described.StreamDescription.StreamStatus).toBe('ACTIVE');
    expect(described.StreamDescription.Shards).toHaveLength(3);
  });

  test('a wrong secret is refused with InvalidSignatureException', async () => {
    const refused = await awsAs('not-the-secret', 'list-streams').catch((e: { stderr?: string }) => e);
    expect((refused as { stderr?: string }).stderr).toContain('InvalidSignatureException');
  });
});
