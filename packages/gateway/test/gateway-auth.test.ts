// The gateway's authentication as a node configures it (gateway_auth,
// gateway_access_keys, gateway_access_keys_file): one node in sigv4 mode
// with an access key, driven by the real AWS SDK (HTTP/2 and HTTP/1.1) with
// the right key, a wrong secret, an unknown key and a clock 10 minutes off
// either way; a request without a signature; one node in `any` mode taking
// whatever is well-formed; and the configuration refusing sigv4 without keys.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KinesisClient, ListStreamsCommand } from '@aws-sdk/client-kinesis';
import { ConfigError, loadConfig } from '@rheo/server';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type GatewayNodes, startGatewayNodes } from './gateway-nodes.js';

const accessKeyId = 'AKIDRHEOAUTHTEST';
const secretAccessKey = 'auth-test-secret/of+forty-characters-long';
let sigv4: GatewayNodes;
let any: GatewayNodes;
const clients: KinesisClient[] = [];

beforeAll(async () => {
  [sigv4, any] = await Promise.all([
    startGatewayNodes(1, { accessKeys: { [accessKeyId]: secretAccessKey, OTHERKEY: 'other-secret' } }),
    startGatewayNodes(1),
  ]);
}, 60_000);

afterAll(async () => {
  for (const k of clients) k.destroy();
  await Promise.all([sigv4?.stop(), any?.stop()]);
});

function client(
  nodes: GatewayNodes,
  id: string,
  secret: string,
  http1: boolean,
  systemClockOffset = 0,
): KinesisClient {
  const k = new KinesisClient({
    endpoint: nodes.gatewayUrl(1),
    region: 'eu-west-1',
    credentials: { accessKeyId: id, secretAccessKey: secret },
    maxAttempts: 1,
    systemClockOffset,
    ...(http1 ? { requestHandler: new NodeHttpHandler() } : {}),
  });
  clients.push(k);
  return k;
}

async function refusal(k: KinesisClient): Promise<{ name: string; message: string; status?: number }> {
  const err = await k.send(new ListStreamsCommand({})).then(
    () => undefined,
    (e: { name: string; message: string; $metadata?: { httpStatusCode?: number } }) => e,
  );
  if (err === undefined) throw new Error('the call was accepted');
  return {
    name: err.name,
    message: err.message,
    ...(err.$metadata?.httpStatusCode === undefined ? {} : { status: err.$metadata.httpStatusCode }),
  };
}

const tenMinutesMs = 10 * 60_000;

describe.each([
  ['HTTP/2', false],
  ['HTTP/1.1', true],
])('a node with gateway_auth sigv4, over %s', (_label, http1) => {
  test('the right access key and secret work (either configured key)', async () => {
    const list = await client(sigv4, accessKeyId, secretAccessKey, http1).send(new ListStreamsCommand({}));
    expect(list.HasMoreStreams).toBe(false);
    const other = await client(sigv4, 'OTHERKEY', 'other-secret', http1).send(new ListStreamsCommand({}));
    expect(other.StreamNames).toEqual([]);
  });

  test('a wrong secret is InvalidSignatureException, an unknown key UnrecognizedClientException', async () => {
    const wrong = await refusal(client(sigv4, accessKeyId, 'not-the-secret', http1));
    expect(wrong).toEqual({
      name: 'InvalidSignatureException',
      message: expect.stringContaining('The request signature we calculated does not match'),
      status: 400,
    });
    const swapped = await refusal(client(sigv4, 'OTHERKEY', secretAccessKey, http1));
    expect(swapped.name).toBe('InvalidSignatureException');
    const unknown = await refusal(client(sigv4, 'AKIDNOBODY', secretAccessKey, http1));
    expect(unknown).toEqual({
      name: 'UnrecognizedClientException',
      message: 'The security token included in the request is invalid.',
      status: 400,
    });
  });

  test('a signature from more than 5 minutes ago or ahead is refused as AWS refuses it', async () => {
    const late = await refusal(client(sigv4, accessKeyId, secretAccessKey, http1, -tenMinutesMs));
    expect(late.name).toBe('InvalidSignatureException');
    expect(late.message).toMatch(
      /^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 5 min\.\)$/,
    );
    const early = await refusal(client(sigv4, accessKeyId, secretAccessKey, http1, tenMinutesMs));
    expect(early.name).toBe('InvalidSignatureException');
    expect(early.message).toMatch(/^Signature not yet current: \d{8}T\d{6}Z is still later than /);
    // Within the 5 minutes it is fine.
    const skewed = client(sigv4, accessKeyId, secretAccessKey, http1, 2 * 60_000);
    expect((await skewed.send(new ListStreamsCommand({}))).HasMoreStreams).toBe(false);
  });
});

async function post(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'Kinesis_20131202.ListStreams',
      ...headers,
    },
    body: '{}',
  });
  return { status: res.status, body: await res.json() };
}

const madeUp = {
  authorization:
    'AWS4-HMAC-SHA256 Credential=anyone/20200101/us-east-1/kinesis/aws4_request, SignedHeaders=host;x-amz-date, Signature=0000',
  'x-amz-date': '20200101T000000Z',
};

test('without an Authorization header: MissingAuthenticationTokenException, in either mode', async () => {
  for (const nodes of [sigv4, any]) {
    const answer = await post(nodes.gatewayUrl(1), {});
    expect(answer).toEqual({
      status: 400,
      body: { __type: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' },
    });
  }
});

test('gateway_auth any accepts any well-formed signature; sigv4 refuses the same request', async () => {
  const accepted = await post(any.gatewayUrl(1), madeUp);
  expect(accepted).toMatchObject({ status: 200, body: { HasMoreStreams: false, StreamNames: [] } });
  const list = await client(any, 'whoever', 'whatever', true).send(new ListStreamsCommand({}));
  expect(list.HasMoreStreams).toBe(false);
  const refused = await post(sigv4.gatewayUrl(1), madeUp);
  expect(refused.status).toBe(400);
  expect((refused.body as { __type: string }).__type).toBe('UnrecognizedClientException');
});

describe('the configuration', () => {
  const base = {
    argv: ['--node-id', '1', '--roles', 'broker', '--gateway-listen', '127.0.0.1:4567'],
    env: { RHEO_CLUSTER_SECRET: 'config-test-secret-of-forty-characters!!' },
  };

  function problems(options: { argv: string[]; env: Record<string, string> }): string[] {
    try {
      loadConfig(options);
    } catch (err) {
      if (err instanceof ConfigError) return [...err.problems];
      throw err;
    }
    return [];
  }

  test('a gateway in sigv4 mode (the default) without access keys does not start', () => {
    const found = problems(base);
    expect(found).toEqual([
      expect.stringMatching(/^gateway_auth: is sigv4 \(the default\).*none are configured/),
    ]);
    expect(found[0]).toContain('gateway_access_keys_file');
    expect(found[0]).toContain('gateway_auth any');
  });

  test('keys from RHEO_GATEWAY_ACCESS_KEYS and from a file (the file form of a Kubernetes Secret)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rheo-keys-'));
    try {
      const file = join(dir, 'access-keys');
      await writeFile(file, '# rotated 2026-11\nAKIDONE:secret-one\n\nAKIDTWO : secret-two\n');
      const config = loadConfig({
        argv: [...base.argv, '--gateway-access-keys-file', file],
        env: { ...base.env, RHEO_GATEWAY_ACCESS_KEYS: 'AKIDENV:secret-env' },
      });
      expect(config.gatewayAuth).toBe('sigv4');
      expect(config.gatewayAccessKeys).toEqual({
        AKIDONE: 'secret-one',
        AKIDTWO: 'secret-two',
        AKIDENV: 'secret-env',
      });
      await writeFile(file, 'AKIDONE:secret-one\nAKIDTWO secret-two\n');
      const bad = problems({ argv: [...base.argv, '--gateway-access-keys-file', file], env: base.env });
      expect(bad).toEqual([expect.stringMatching(/^gateway_access_keys_file: expected a file of .*line 2/)]);
      expect(bad.join('\n')).not.toContain('secret-one');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('a malformed RHEO_GATEWAY_ACCESS_KEYS never shows the secret; a missing file is named', () => {
    const found = problems({
      ...base,
      env: { ...base.env, RHEO_GATEWAY_ACCESS_KEYS: 'no-colon-super-secret' },
    });
    expect(found.join('\n')).toContain('gateway_access_keys: expected ACCESS_KEY_ID:SECRET lines (line 1');
    expect(found.join('\n')).not.toContain('super-secret');
    const missing = problems({
      argv: [...base.argv, '--gateway-access-keys-file', '/nonexistent/rheo-keys'],
      env: base.env,
    });
    expect(missing.join('\n')).toContain('gateway_access_keys_file: expected a readable file');
  });

  test('gateway_auth any needs no keys; a bad mode is named', () => {
    expect(loadConfig({ ...base, argv: [...base.argv, '--gateway-auth', 'any'] }).gatewayAuth).toBe('any');
    expect(problems({ ...base, argv: [...base.argv, '--gateway-auth', 'none'] })).toEqual([
      'gateway_auth: expected one of sigv4, any, got "none" (from --gateway-auth)',
    ]);
  });
});
