// What is proven: TLS in flight between the nodes and to their clients.
// Three in-process cluster-mode nodes serve gRPC over TLS with a
// certificate for 127.0.0.1 signed by a throwaway CA and dial one another
// with it (Raft transport, broker agents' controller clients, admin
// forwarding): the metadata group elects, the brokers register, a stream
// created through a node that may not run the controller (forwarded) gets
// ACTIVE, and records written to its leader are read back from every
// replica (replicated over TLS). A plaintext client, and a client trusting
// another CA, are refused. A node whose key file is missing does not start
// and names the key. With tls_client_auth a node refuses a client without a
// certificate and serves one with a certificate from the CA. How: openssl
// makes the certificates in a temp dir (tls-certs.ts); the cluster harness
// passes the tls_* flags and dials with the CA.
import { readFileSync } from 'node:fs';
import https from 'node:https';
import * as grpc from '@grpc/grpc-js';
import { freePorts, LOOPBACK, tempDir } from '@rheo/testkit';
import type { pb } from '@rheo/wire';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, createLogger, startNode } from '../src/index.js';
import { type ClusterHarness, call, clusterConfig, startClusterHarness, waitFor } from './cluster-harness.js';
import { batchOf, clientsFor, delivered, records, rpc } from './grpc-test-client.js';
import { makeCa, makeCert, type TestCa, type TestCert } from './tls-certs.js';

let dir: Awaited<ReturnType<typeof tempDir>>;
let cluster: ClusterHarness;
let ca: TestCa;
let node: TestCert;
let otherCa: TestCa;

beforeAll(async () => {
  dir = await tempDir('server-tls');
  ca = makeCa(dir.path, 'ca');
  node = makeCert(dir.path, 'node', ca, [LOOPBACK, 'localhost']);
  otherCa = makeCa(dir.path, 'other-ca');
  cluster = await startClusterHarness({
    nodes: 3,
    extraArgs: ['--tls-cert-file', node.cert, '--tls-key-file', node.key, '--tls-ca-file', ca.caCert],
    credentials: grpc.credentials.createSsl(readFileSync(ca.caCert)),
  });
}, 60_000);

afterAll(async () => {
  await cluster?.stop();
  await dir?.remove();
});

describe('a cluster with TLS', () => {
  it('elects, creates a stream through a forwarded call, replicates and serves its records', async () => {
    await cluster.controller();
    await waitFor('CreateStream accepted', () =>
      call(cluster.client(2).admin, 'CreateStream', { streamName: 'secure', shardCount: 1 }).then(() => true),
    );
    const shard = await waitFor('a leader of secure', async () => {
      const map = await rpc.getShardMap(cluster.client(1), { streamNames: ['secure'] });
      const s = map.streams[0]?.shards[0];
      return s !== undefined && s.leaderNodeId > 0 && s.replicaNodeIds.length === 3 ? s : undefined;
    });
    const recs = records('tls', 3);
    await waitFor('a write to the leader', async () => {
      const map = await rpc.getShardMap(cluster.client(1), { streamNames: ['secure'] });
      const leader = map.streams[0]!.shards[0]!.leaderNodeId;
      return rpc.putRecords(cluster.client(leader), {
        streamName: 'secure',
        shardId: shard.shardId,
        recordBatch: batchOf(recs),
        producerId: 'tls-test',
        producerEpoch: 1,
        batchSequence: 1,
      });
    });
    for (const id of shard.replicaNodeIds) {
      const got = await waitFor(`the records on node ${id}`, async () => {
        const c = cluster.client(id);
        const it = await rpc.getShardIterator(c, {
          streamName: 'secure',
          shardId: shard.shardId,
          shardIteratorType: 'SHARD_ITERATOR_TYPE_TRIM_HORIZON',
        });
        const res = await rpc.getRecords(c, { shardIterator: it.shardIterator, allowFollowerRead: true });
        return res.recordCount === recs.length ? res : undefined;
      });
      expect(delivered(got).map((r) => r.data.trimEnd())).toEqual(recs.map((r) => r.data.toString()));
    }
  }, 40_000);

  it('refuses a plaintext client', async () => {
    const plain = clientsFor(cluster.node(1).grpcAddress);
    try {
      await expect(call(plain.cluster, 'DescribeCluster', {})).rejects.toMatchObject({
        code: grpc.status.UNAVAILABLE,
      });
    } finally {
      plain.close();
    }
  });

  it('refuses a client trusting another CA: the node certificate does not verify', async () => {
    const other = clientsFor(
      cluster.node(1).grpcAddress,
      grpc.credentials.createSsl(readFileSync(otherCa.caCert)),
    );
    try {
      await expect(call(other.cluster, 'DescribeCluster', {})).rejects.toMatchObject({
        code: grpc.status.UNAVAILABLE,
        details: expect.stringMatching(/certificate/),
      });
    } finally {
      other.close();
    }
  });

  it('does not start a node whose key file is missing, and names the key', async () => {
    const argv = cluster.argv(1);
    argv[argv.indexOf('--tls-key-file') + 1] = `${dir.path}/no-such.key`;
    argv[argv.indexOf('--data-dir') + 1] = `${dir.path}/bad`;
    const started = startNode(clusterConfig(argv));
    await expect(started).rejects.toBeInstanceOf(ConfigError);
    await expect(started).rejects.toThrow(`tls_key_file: cannot read ${dir.path}/no-such.key (no such file)`);
  });

  it('does not start a node whose key is not its certificate’s', async () => {
    const stranger = makeCert(dir.path, 'stranger', ca, [LOOPBACK]);
    const argv = cluster.argv(1);
    argv[argv.indexOf('--tls-key-file') + 1] = stranger.key;
    argv[argv.indexOf('--data-dir') + 1] = `${dir.path}/bad2`;
    await expect(startNode(clusterConfig(argv))).rejects.toThrow(
      /tls_key_file: .* is not the key of the certificate/,
    );
  });
});

/** POST one Kinesis action to the gateway over HTTPS, trusting `ca`. */
function kinesis(
  address: string,
  ca: Buffer,
  action: string,
  body: object,
): Promise<{ status: number; body: string }> {
  const [host, port] = address.split(':');
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host,
        port,
        method: 'POST',
        path: '/',
        ca,
        headers: {
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-target': `Kinesis_20131202.${action}`,
          authorization:
            'AWS4-HMAC-SHA256 Credential=a/20261130/us-east-1/kinesis/aws4_request, SignedHeaders=host, Signature=x',
          'x-amz-date': new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+/, ''),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

describe('tls_client_auth, and the gateway over HTTPS', () => {
  it('refuses a client without a certificate and serves one with a certificate from the CA', async () => {
    const [grpcPort, metricsPort, gatewayPort] = await freePorts(3);
    const n = await startNode(
      clusterConfig([
        ...['--node-id', '1', '--grpc-listen', `${LOOPBACK}:${grpcPort}`, '--cluster-id', 'mtls'],
        ...['--metrics-listen', `${LOOPBACK}:${metricsPort}`, '--data-dir', `${dir.path}/mtls`],
        ...['--controller-voters', `1@${LOOPBACK}:${grpcPort}`, '--tick-interval-ms', '50'],
        ...['--tls-cert-file', node.cert, '--tls-key-file', node.key, '--tls-ca-file', ca.caCert],
        ...[
          '--tls-client-auth',
          'true',
          '--gateway-listen',
          `${LOOPBACK}:${gatewayPort}`,
          '--gateway-auth',
          'any',
        ],
      ]),
      { logger: createLogger({ nodeId: 1, level: 'silent' }), shutdownGraceMs: 1_000 },
    );
    const caPem = readFileSync(ca.caCert);
    const anonymous = clientsFor(n.grpcAddress, grpc.credentials.createSsl(caPem));
    const client = makeCert(dir.path, 'client', ca, ['rheo-client']);
    const known = clientsFor(
      n.grpcAddress,
      grpc.credentials.createSsl(caPem, readFileSync(client.key), readFileSync(client.cert)),
    );
    try {
      await expect(call(anonymous.cluster, 'DescribeCluster', {})).rejects.toMatchObject({
        code: grpc.status.UNAVAILABLE,
      });
      const d = await waitFor('DescribeCluster with a client certificate', () =>
        call<pb.DescribeClusterResponse__Output>(known.cluster, 'DescribeCluster', {}),
      );
      expect(d.clusterId).toBe('mtls');
      // The gateway serves HTTPS with the node's certificate and reaches the node, which requires
      // client certificates, with TLS and the node's own certificate.
      const listed = await waitFor('ListStreams through the gateway', async () => {
        const answer = await kinesis(`${LOOPBACK}:${gatewayPort}`, caPem, 'ListStreams', {});
        return answer.status === 200 ? answer : undefined;
      });
      expect(JSON.parse(listed.body)).toMatchObject({ StreamNames: [] });
      await expect(
        kinesis(`${LOOPBACK}:${gatewayPort}`, readFileSync(otherCa.caCert), 'ListStreams', {}),
      ).rejects.toThrow(/certificate/);
    } finally {
      anonymous.close();
      known.close();
      await n.stop();
    }
  }, 20_000);
});
