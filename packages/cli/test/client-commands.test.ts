// What is proven: the client commands end to end as a program — commander
// parses, the SDK calls the scripted nodes, and the output is the table or
// the JSON: `stream create|list|describe|delete`, `cluster status|drain`,
// `put` from arguments and from stdin lines (acks printed in input order
// with shard and sequence number), `tail --limit` from TRIM_HORIZON across
// every shard, and errors surfacing as RheoErrors with their reason. How:
// the client package's scripted nodes (fake-admin.ts for StreamAdmin and
// Cluster, fake-cluster.ts for routing, writes and reads) on 127.0.0.1.
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeAdmin } from '../../client/test/fake-admin.js';
import { FakeCluster } from '../../client/test/fake-cluster.js';
import { buildProgram } from '../src/index.js';

let admin: FakeAdmin | undefined;
let data: FakeCluster | undefined;
afterEach(async () => {
  admin?.stop();
  await data?.stop();
  admin = undefined;
  data = undefined;
});

async function run(args: string[], stdin?: string[]): Promise<{ out: string; err: string }> {
  let out = '';
  let err = '';
  const program = buildProgram({
    out: (t) => (out += t),
    err: (t) => (err += t),
    env: {},
    ...(stdin === undefined ? {} : { stdin: Readable.from(stdin) }),
    onInterrupt: () => () => {},
  });
  program.exitOverride();
  await program.parseAsync(['node', 'rheo', ...args]);
  return { out, err };
}

describe('stream and cluster commands against scripted admin nodes', () => {
  it('creates (no wait), lists, describes and deletes a stream', async () => {
    admin = await FakeAdmin.start(2);
    const at = ['--endpoint', admin.addresses.join(',')];
    const created = await run([
      'stream',
      'create',
      'demo',
      '--shards',
      '3',
      '--tag',
      'team=x',
      '--no-wait',
      ...at,
    ]);
    expect(created.out).toBe('stream demo created (3 shards), CREATING\n');
    expect(admin.calls[0]!.request).toMatchObject({ streamName: 'demo', shardCount: 3, tags: { team: 'x' } });
    admin.addStream('other', 1);
    const list = await run(['stream', 'list', ...at]);
    expect(list.out.split('\n')[0]).toMatch(/^STREAM\s+STATUS\s+MODE\s+CREATED$/);
    expect(list.out).toMatch(/^demo\s+ACTIVE\s+PROVISIONED/m);
    const json = JSON.parse((await run(['stream', 'list', '--json', ...at])).out) as { streamName: string }[];
    expect(json.map((s) => s.streamName)).toEqual(['demo', 'other']);
    const described = await run(['stream', 'describe', 'demo', ...at]);
    expect(described.out).toMatch(/^stream {6}demo$/m);
    expect(described.out.match(/^shardId-/gm)).toHaveLength(3);
    const describedJson = JSON.parse((await run(['stream', 'describe', 'demo', '--json', ...at])).out) as {
      shards: unknown[];
      openShardCount: number;
    };
    expect(describedJson).toMatchObject({ openShardCount: 3 });
    expect(describedJson.shards).toHaveLength(3);
    const deleted = await run(['stream', 'delete', 'demo', '--wait-timeout', '5', ...at]);
    expect(deleted.out).toBe('stream demo deleted\n');
    expect(admin.streams.has('demo')).toBe(false);
  });

  it('surfaces the server reason of a refused call', async () => {
    admin = await FakeAdmin.start(1);
    admin.addStream('demo', 1);
    await expect(
      run(['stream', 'create', 'demo', '--no-wait', '--endpoint', admin.addresses[0]!]),
    ).rejects.toMatchObject({ code: 'ResourceInUse' });
  });

  it('prints the cluster status table, and drains a node', async () => {
    admin = await FakeAdmin.start(3);
    const at = ['--endpoint', admin.addresses.join(',')];
    const status = await run(['cluster', 'status', ...at]);
    expect(status.out).toMatch(/^NODE\s+ADDRESS\s+ROLES\s+RACK\s+STATE\s+REPLICAS\s+LEADERS$/m);
    expect(status.out).toMatch(
      /^ {3}1 {2}127\.0\.0\.1:\d+ \* {2}broker,controller {2}a {5}ALIVE {9}4 {8}3$/m,
    );
    expect(status.out).toMatch(/under-replicated shards: 1/);
    expect((await run(['cluster', 'drain', '2', ...at])).out).toMatch(/^node 2 draining/);
    const json = JSON.parse((await run(['cluster', 'status', '--json', ...at])).out) as {
      nodes: { state: string }[];
    };
    expect(json.nodes.map((n) => n.state)).toEqual(['ALIVE', 'DRAINING', 'ALIVE']);
  });
});

describe('put and tail against scripted data nodes', () => {
  it('puts from arguments and stdin, then tails every record from TRIM_HORIZON', async () => {
    data = await FakeCluster.start('s', 3, 2);
    const at = ['--endpoint', data.addresses.join(',')];
    const fromArgs = await run(['put', 's', 'key-1', 'one', 'two words', ...at]);
    const argLines = fromArgs.out.trim().split('\n');
    expect(argLines).toHaveLength(2);
    for (const line of argLines) expect(line).toMatch(/^shardId-\d{12} {2}\d+$/);
    const fromStdin = await run(['put', 's', 'key-2', '--json', ...at], ['a\nb\n', 'c\n']);
    const acks = fromStdin.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { partitionKey: string; shardId: string; sequenceNumber: string });
    expect(acks.map((a) => a.partitionKey)).toEqual(['key-2', 'key-2', 'key-2']);
    // One partition key, one shard: the sequence numbers rise in input order.
    expect(new Set(acks.map((a) => a.shardId)).size).toBe(1);
    const seqs = acks.map((a) => BigInt(a.sequenceNumber));
    expect(seqs).toEqual([...seqs].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
    const tail = await run(['tail', 's', '--from', 'TRIM_HORIZON', '--limit', '5', '--json', ...at]);
    const records = tail.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { data: string; partitionKey: string });
    expect(records.map((r) => r.data).sort()).toEqual(['a', 'b', 'c', 'one', 'two words']);
    const human = await run(['tail', 's', '--from', 'TRIM_HORIZON', '--limit', '2', '--base64', ...at]);
    expect(human.out.trim().split('\n')).toHaveLength(2);
    expect(human.out).toMatch(/^key-\d {2}shardId-\d{12} {2}\d+ {2}[A-Za-z0-9+/=]+$/m);
  });
});
