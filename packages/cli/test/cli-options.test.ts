// What is proven: how the command line is read before anything is called —
// endpoint sources and their precedence (flag > RHEO_ENDPOINTS >
// RHEO_ENDPOINT > the dev cluster), `stream create` options (mode, shards,
// tags, conflicts), `rheo dev`'s layout (ports, metrics URLs, data dirs,
// the first three nodes as controller voters, the rest brokers), and
// commander's parsing (choices, passing every flag after `server` to the
// node). How: the pure option functions on tables of inputs, and the
// program parsed with exitOverride and stub actions where a real one would
// start a node.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { devEndpoints, resolveEndpoints } from '../src/commands/common.js';
import { devOptions } from '../src/commands/dev.js';
import { createOptions, parseTags } from '../src/commands/stream.js';
import { planDevCluster } from '../src/dev/dev-plan.js';
import { buildProgram, UsageError } from '../src/index.js';

describe('endpoints', () => {
  it('takes the flag, else RHEO_ENDPOINTS, else RHEO_ENDPOINT, else the dev cluster', () => {
    expect(resolveEndpoints(['a:1,b:2', 'c:3'], { RHEO_ENDPOINTS: 'z:9' })).toEqual(['a:1', 'b:2', 'c:3']);
    expect(resolveEndpoints(undefined, { RHEO_ENDPOINTS: 'z:9,y:8', RHEO_ENDPOINT: 'q:1' })).toEqual([
      'z:9',
      'y:8',
    ]);
    expect(resolveEndpoints(undefined, { RHEO_ENDPOINT: 'q:1' })).toEqual(['q:1']);
    expect(resolveEndpoints(undefined, { RHEO_ENDPOINTS: ' ' })).toEqual([...devEndpoints]);
    expect(resolveEndpoints(undefined, {})).toEqual(['127.0.0.1:7701', '127.0.0.1:7702', '127.0.0.1:7703']);
    expect(() => resolveEndpoints(['nohost'], {})).toThrow(UsageError);
  });
});

describe('stream create options', () => {
  it('is PROVISIONED with the shards given, ON_DEMAND without shards', () => {
    expect(createOptions({ shards: '4', tag: ['team=core', 'env=a=b'], wait: true })).toEqual({
      mode: 'PROVISIONED',
      shardCount: 4,
      replicationFactor: 0,
      retentionPeriodHours: 0,
      tags: { team: 'core', env: 'a=b' },
    });
    expect(createOptions({ onDemand: true, replicas: '3', retentionHours: '48', wait: true })).toMatchObject({
      mode: 'ON_DEMAND',
      shardCount: 0,
      replicationFactor: 3,
      retentionPeriodHours: 48,
    });
    expect(createOptions({ wait: true }).shardCount).toBe(1);
  });

  it.each([
    [{ shards: '2', onDemand: true, wait: true }, /not both/],
    [{ shards: '0', wait: true }, /--shards must be an integer from 1/],
    [{ shards: '1.5', wait: true }, /--shards/],
    [{ retentionHours: '12', wait: true }, /--retention-hours must be an integer from 24 to 8760/],
    [{ replicas: '10', wait: true }, /--replicas/],
  ])('refuses %o', (flags, message) => {
    expect(() => createOptions(flags)).toThrow(message);
  });

  it('refuses a tag without a key', () => {
    expect(() => parseTags(['novalue'])).toThrow(/key=value/);
    expect(() => parseTags(['=v'])).toThrow(/key=value/);
  });
});

describe('rheo dev layout', () => {
  it('puts node i on base+i-1 with metrics 2000 above, data in node-i, three voters', () => {
    const nodes = planDevCluster(devOptions({ nodes: '5', data: '/d', basePort: '7701' }));
    expect(nodes.map((n) => n.grpcAddress)).toEqual([
      '127.0.0.1:7701',
      '127.0.0.1:7702',
      '127.0.0.1:7703',
      '127.0.0.1:7704',
      '127.0.0.1:7705',
    ]);
    expect(nodes[2]!.metricsUrl).toBe('http://127.0.0.1:9703/metrics');
    expect(nodes.map((n) => n.roles.join(','))).toEqual([
      'broker,controller',
      'broker,controller',
      'broker,controller',
      'broker',
      'broker',
    ]);
    expect(nodes[4]!.args).toEqual([
      '--node-id=5',
      '--roles=broker',
      '--grpc-listen=127.0.0.1:7705',
      '--metrics-listen=127.0.0.1:9705',
      `--data-dir=${join('/d', 'node-5')}`,
      '--controller-voters=1@127.0.0.1:7701,2@127.0.0.1:7702,3@127.0.0.1:7703',
      '--log-format=pretty',
    ]);
    // Node 1 serves the Kinesis gateway, accepting any signature (local development).
    expect(nodes[0]!.args.slice(-2)).toEqual(['--gateway-listen=127.0.0.1:4567', '--gateway-auth=any']);
    // The secret is never a flag (it would show in `ps`).
    expect(nodes.flatMap((n) => n.args).some((a) => a.includes('secret'))).toBe(false);
  });

  it('defaults to three nodes at 7701 under ./.rheo; one node is its own voter', () => {
    const defaults = devOptions({});
    expect(defaults).toEqual({ nodes: 3, dataDir: './.rheo', basePort: 7701, fresh: false });
    const [only] = planDevCluster(devOptions({ nodes: '1', basePort: '8000', fresh: true }));
    expect(only!.args).toContain('--controller-voters=1@127.0.0.1:8000');
    expect(() => devOptions({ nodes: '0' })).toThrow(/--nodes/);
    expect(() => devOptions({ basePort: '65000' })).toThrow(/--base-port/);
  });
});

describe('commander parsing', () => {
  function program() {
    let out = '';
    let err = '';
    const p = buildProgram({ out: (t) => (out += t), err: (t) => (err += t), env: {} });
    p.exitOverride();
    for (const c of p.commands) c.exitOverride();
    return { p, text: () => ({ out, err }) };
  }

  it('hands every flag after `server` to the node, unparsed', async () => {
    const { p } = program();
    const server = p.commands.find((c) => c.name() === 'server')!;
    let got: string[] | undefined;
    server.action((flags: string[]) => {
      got = flags;
    });
    await p.parseAsync(['node', 'rheo', 'server', '--node-id', '1', '--roles=broker', '--json', 'x']);
    expect(got).toEqual(['--node-id', '1', '--roles=broker', '--json', 'x']);
  });

  it('refuses a --from that is not LATEST, TRIM_HORIZON or an ISO time, and unknown commands', async () => {
    const { p, text } = program();
    p.commands.find((c) => c.name() === 'tail')!.exitOverride();
    await expect(p.parseAsync(['node', 'rheo', 'tail', 's', '--from', 'EARLIEST'])).rejects.toThrow(
      /--from must be TRIM_HORIZON, LATEST or an ISO time/,
    );
    await expect(p.parseAsync(['node', 'rheo', 'strem', 'list'])).rejects.toThrow(/unknown command/);
    expect(text().err).toMatch(/unknown command 'strem'/);
  });

  it('lists every command group in the help', async () => {
    const { p, text } = program();
    await expect(p.parseAsync(['node', 'rheo', '--help'])).rejects.toThrow();
    for (const name of ['server', 'dev', 'stream', 'put', 'tail', 'cluster', 'bench'])
      expect(text().out).toMatch(new RegExp(`^  ${name} `, 'm'));
  });
});
