// What is proven: the client's `tls` option and the CLI's TLS flags end to
// end against a real node serving TLS. A one-node cluster (startNode, both
// roles) runs with a certificate for 127.0.0.1 from a throwaway CA; a
// RheoClient with `tls: { ca }` creates a stream, produces and reads it
// back; `rheo stream list --tls-ca` and RHEO_TLS_CA list it; without them
// the CLI is refused; --tls-cert without --tls-key is a usage error. How:
// openssl makes the certificates into a temp dir.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RheoClient } from '@rheo/client';
import { createLogger, loadConfig, type RheoNode, startNode } from '@rheo/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../src/index.js';

const LOOPBACK = '127.0.0.1';
let dir: string;
let node: RheoNode;
let caFile: string;

function openssl(args: string[]): void {
  execFileSync('openssl', args, { stdio: 'pipe' });
}

/** A CA and a certificate it signs for 127.0.0.1, in `dir`. */
function makeCerts(): { ca: string; cert: string; key: string } {
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  const f = (name: string) => join(dir, name);
  openssl([
    'req',
    '-x509',
    ...ec,
    '-keyout',
    f('ca.key'),
    '-out',
    f('ca.crt'),
    '-days',
    '2',
    '-subj',
    '/CN=test-ca',
  ]);
  writeFileSync(
    f('ext'),
    `subjectAltName=IP:${LOOPBACK},DNS:localhost\nextendedKeyUsage=serverAuth,clientAuth\n`,
  );
  openssl(['req', ...ec, '-keyout', f('node.key'), '-out', f('node.csr'), '-subj', '/CN=localhost']);
  openssl([
    ...['x509', '-req', '-in', f('node.csr'), '-CA', f('ca.crt'), '-CAkey', f('ca.key'), '-CAcreateserial'],
    ...['-out', f('node.crt'), '-days', '2', '-extfile', f('ext')],
  ]);
  return { ca: f('ca.crt'), cert: f('node.crt'), key: f('node.key') };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, LOOPBACK, () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rheo-cli-tls-'));
  const certs = makeCerts();
  caFile = certs.ca;
  const [grpcPort, metricsPort] = [await freePort(), await freePort()];
  const config = loadConfig({
    argv: [
      ...[
        '--node-id',
        '1',
        '--grpc-listen',
        `${LOOPBACK}:${grpcPort}`,
        '--metrics-listen',
        `${LOOPBACK}:${metricsPort}`,
      ],
      ...['--data-dir', join(dir, 'n1'), '--controller-voters', `1@${LOOPBACK}:${grpcPort}`],
      ...['--default-replication-factor', '1', '--tick-interval-ms', '50', '--heartbeat-interval-ms', '100'],
      ...['--tls-cert-file', certs.cert, '--tls-key-file', certs.key, '--tls-ca-file', certs.ca],
    ],
    env: { RHEO_CLUSTER_SECRET: 'test-cluster-secret-of-forty-characters!' },
  });
  node = await startNode(config, {
    logger: createLogger({ nodeId: 1, level: 'silent' }),
    shutdownGraceMs: 1_000,
  });
}, 30_000);

afterAll(async () => {
  await node?.stop();
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

async function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  let out = '';
  const program = buildProgram({ out: (t) => (out += t), err: () => {}, env, onInterrupt: () => () => {} });
  program.exitOverride();
  await program.parseAsync(['node', 'rheo', ...args]);
  return out;
}

describe('TLS from the client and the CLI', () => {
  it('a client with tls.ca creates a stream, produces and reads it back', async () => {
    const client = new RheoClient({ endpoints: [node.grpcAddress], tls: { ca: readFileSync(caFile) } });
    try {
      await client.admin.createStream('secure', { shardCount: 1 });
      await client.admin.waitForActive('secure', 20_000);
      const producer = client.producer();
      const ack = await producer.send('secure', { partitionKey: 'k', data: Buffer.from('over tls') });
      await producer.close();
      const iterator = await client.getShardIterator('secure', ack.shardId, {
        type: 'AT_SEQUENCE_NUMBER',
        sequenceNumber: ack.sequenceNumber,
      });
      const page = await client.getRecords('secure', ack.shardId, iterator);
      expect(page.records.map((r) => r.data.toString())).toEqual(['over tls']);
    } finally {
      client.close();
    }
  }, 30_000);

  it('rheo stream list with --tls-ca, and with RHEO_TLS_CA', async () => {
    const byFlag = await run(['stream', 'list', '--endpoint', node.grpcAddress, '--tls-ca', caFile]);
    expect(byFlag).toMatch(/^secure\s/m);
    const byEnv = await run(['stream', 'list', '--endpoint', node.grpcAddress], { RHEO_TLS_CA: caFile });
    expect(byEnv).toMatch(/^secure\s/m);
  });

  it('without TLS flags the CLI is refused', async () => {
    await expect(run(['stream', 'list', '--endpoint', node.grpcAddress])).rejects.toMatchObject({
      code: 'Unavailable',
    });
  }, 15_000);

  it('--tls-cert without --tls-key is a usage error', async () => {
    await expect(
      run(['stream', 'list', '--endpoint', node.grpcAddress, '--tls-ca', caFile, '--tls-cert', caFile]),
    ).rejects.toThrow('--tls-cert and --tls-key go together');
  });
});
