// The node's log lines as an operator reads them (issue 8, part 3): a real
// single-node cluster (controller and broker, debug level, lines captured)
// creates a stream. Every line is JSON with the node id; the Raft cores'
// lines name their group (the metadata group's 1, each shard's own id,
// though every shard group shares the host's logger) and, for elections,
// the term.
import { Writable } from 'node:stream';
import { freePorts, LOOPBACK, tempDir } from '@rheo/testkit';
import type { pb } from '@rheo/wire';
import { afterAll, expect, test } from 'vitest';
import { createLogger, type RheoNode, startNode } from '../src/index.js';
import { call, clusterConfig, waitFor } from './cluster-harness.js';
import { clientsFor, type NodeClients } from './grpc-test-client.js';

type Line = Record<string, unknown>;

const chunks: string[] = [];
const sink = new Writable({
  write(chunk, _enc, cb) {
    chunks.push(String(chunk));
    cb();
  },
});
const lines = (): Line[] =>
  chunks
    .join('')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Line);

let node: RheoNode | undefined;
let client: NodeClients | undefined;
let removeDir: (() => Promise<void>) | undefined;

afterAll(async () => {
  client?.close();
  await node?.stop();
  await removeDir?.();
});

test('every line names the node; Raft lines name their group, elections their term', async () => {
  const dir = await tempDir('logs');
  removeDir = dir.remove;
  const [grpcPort, metricsPort] = await freePorts(2);
  const address = `${LOOPBACK}:${grpcPort}`;
  const config = clusterConfig([
    ...['--node-id', '7', '--roles', 'broker,controller', '--grpc-listen', address],
    ...['--metrics-listen', `${LOOPBACK}:${metricsPort}`, '--data-dir', dir.path],
    ...['--controller-voters', `7@${address}`, '--tick-interval-ms', '20', '--election-ticks', '10'],
    ...['--heartbeat-interval-ms', '100'],
  ]);
  node = await startNode(config, {
    logger: createLogger({ nodeId: 7, level: 'debug', destination: sink, trace: '' }),
    shutdownGraceMs: 2_000,
  });
  client = clientsFor(node.grpcAddress);
  const c = client;
  await waitFor('the node registered', () =>
    call(c.admin, 'CreateStream', { streamName: 'logged', shardCount: 1, replicationFactor: 1 }).then(
      () => true,
    ),
  );
  const groupId = await waitFor('the shard led', () => {
    const r = [...node!.host.replicas()][0];
    return r?.status().serving ? r.spec.groupId : undefined;
  });
  await waitFor('ACTIVE', async () => {
    const s = await call<pb.DescribeStreamSummaryResponse__Output>(c.admin, 'DescribeStreamSummary', {
      streamName: 'logged',
    });
    return s.streamDescriptionSummary?.streamStatus === 'STREAM_STATUS_ACTIVE' ? true : undefined;
  });

  const all = lines();
  expect(all.length).toBeGreaterThan(5);
  for (const l of all) expect(l.node, JSON.stringify(l)).toBe(7);
  const elected = all.filter((l) => l.msg === 'became leader');
  const meta = elected.find((l) => l.component === 'meta-raft');
  const shard = elected.find((l) => l.component === 'raft');
  expect(meta).toMatchObject({ group: 1 });
  expect(shard).toMatchObject({ group: groupId });
  for (const l of [meta, shard]) expect(Number(l?.term)).toBeGreaterThanOrEqual(1);
  // Every line of a Raft core names its group.
  for (const l of all.filter((x) => x.component === 'raft' || x.component === 'meta-raft'))
    expect(l.group, JSON.stringify(l)).toBeTypeOf('number');
});
