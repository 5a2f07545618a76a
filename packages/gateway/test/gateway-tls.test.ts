// The gateway over TLS: one port, HTTP/2 and HTTP/1.1 chosen by ALPN, both
// answering through the same pipeline. A throwaway self-signed certificate is
// made with the openssl command; the cluster behind is an address nothing
// listens on, since only the transport is under test (a request with a bad
// body is answered before any call).
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http2 from 'node:http2';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type Gateway, startGateway } from '../src/index.js';

let dir: string;
let gateway: Gateway;

const headers = {
  'content-type': 'application/x-amz-json-1.1',
  'x-amz-target': 'Kinesis_20131202.ListStreams',
  authorization: 'AWS4-HMAC-SHA256 Credential=a/b/c/kinesis/aws4_request, SignedHeaders=host, Signature=x',
  'x-amz-date': '20261130T000000Z',
};
const badBody = '{"Limit": "ten"}';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rheo-gateway-tls-'));
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost'].concat([
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ]),
    { stdio: 'ignore' },
  );
  gateway = await startGateway({
    host: '127.0.0.1',
    port: 0,
    endpoints: ['127.0.0.1:1'],
    tls: { key: await readFile(join(dir, 'key.pem')), cert: await readFile(join(dir, 'cert.pem')) },
  });
});

afterAll(async () => {
  await gateway?.close();
  await rm(dir, { recursive: true, force: true });
});

test('HTTP/1.1 over TLS (ALPN http/1.1)', async () => {
  const url = new URL(`https://${gateway.address}`);
  const [host, port] = [url.hostname, url.port];
  const answer = await new Promise<{ status: number; body: string; version: string }>((resolve, reject) => {
    // ALPNProtocols is a TLS option https passes through; the RequestOptions type does not list it.
    const options = {
      host,
      port,
      method: 'POST',
      path: '/',
      headers,
      rejectUnauthorized: false,
      ALPNProtocols: ['http/1.1'],
    } as https.RequestOptions;
    const req = https.request(options, (res) => {
      let body = '';
      res.on('data', (c) => {
        body += c;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, version: res.httpVersion }));
    });
    req.on('error', reject);
    req.end(badBody);
  });
  expect(answer.version).toBe('1.1');
  expect(answer.status).toBe(400);
  expect(JSON.parse(answer.body).__type).toBe('SerializationException');
});

test('HTTP/2 over TLS (ALPN h2)', async () => {
  const session = http2.connect(`https://${gateway.address}`, { rejectUnauthorized: false });
  try {
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = session.request({ ':method': 'POST', ':path': '/', ...headers });
      let status = 0;
      let body = '';
      req.on('response', (h) => {
        status = Number(h[':status']);
      });
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => resolve({ status, body }));
      req.on('error', reject);
      req.end(badBody);
    });
    expect(session.alpnProtocol).toBe('h2');
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).__type).toBe('SerializationException');
  } finally {
    session.close();
  }
});
