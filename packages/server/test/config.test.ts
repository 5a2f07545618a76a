// Proves the node configuration's contract: sources merge with flags over
// environment over file over defaults; every validation rule yields its
// exact message naming the key, the value and the source (a table of
// cases); unknown keys are refused in the file and among flags; the result
// is deep-frozen; the secret never shows; and docs/configuration.md lists
// every key with its flag, environment variable and default (the docs test
// fails when a key is added to the schema without its row).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '@rheo/testkit';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  ConfigError,
  configDefaults,
  configKeys,
  envName,
  flagName,
  type LoadConfigOptions,
  loadConfig,
} from '../src/index.js';

const secret = 's'.repeat(40);
/** The least a valid configuration needs (node 1, its own controller voter). */
const baseEnv = {
  RHEO_NODE_ID: '1',
  RHEO_CLUSTER_SECRET: secret,
  RHEO_CONTROLLER_VOTERS: '1@127.0.0.1:7400',
};

let dir: { path: string; remove: () => Promise<void> };
beforeAll(async () => {
  dir = await tempDir('config');
});
afterAll(() => dir.remove());

function yamlFile(name: string, text: string): string {
  const path = join(dir.path, name);
  writeFileSync(path, text);
  return path;
}

function problems(options: LoadConfigOptions): readonly string[] {
  try {
    loadConfig(options);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).name).toBe('ConfigError');
    return (err as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('precedence', () => {
  test('flags > environment > file > defaults, key by key', () => {
    const file = yamlFile(
      'p.yaml',
      'tick_interval_ms: 300\nelection_ticks: 20\nrack: from-file\nlog_level: debug\n',
    );
    const c = loadConfig({
      file,
      env: { ...baseEnv, RHEO_ELECTION_TICKS: '30', RHEO_RACK: 'from-env' },
      argv: ['--rack', 'from-flag'],
    });
    expect(c.rack).toBe('from-flag');
    expect(c.electionTicks).toBe(30);
    expect(c.tickIntervalMs).toBe(300);
    expect(c.logLevel).toBe('debug');
    expect(c.heartbeatTicks).toBe(configDefaults.heartbeat_ticks);
    expect(c.grpcListen).toEqual({ host: '127.0.0.1', port: 7400, address: '127.0.0.1:7400' });
    expect(c.advertisedAddress).toBe('127.0.0.1:7400');
  });

  test('--config beats RHEO_CONFIG beats the file option', () => {
    const a = yamlFile('a.yaml', 'rack: a\n');
    const b = yamlFile('b.yaml', 'rack: b\n');
    const c = yamlFile('c.yaml', 'rack: c\n');
    expect(loadConfig({ file: a, env: { ...baseEnv, RHEO_CONFIG: b }, argv: ['--config', c] }).rack).toBe(
      'c',
    );
    expect(loadConfig({ file: a, env: { ...baseEnv, RHEO_CONFIG: b } }).rack).toBe('b');
    expect(loadConfig({ file: a, env: baseEnv }).rack).toBe('a');
  });

  test('typed YAML values, lists, peer maps and byte units', () => {
    const file = yamlFile(
      't.yaml',
      [
        'node_id: 2',
        'roles: [broker]',
        'peers: {1: "127.0.0.1:7401", 3: "127.0.0.1:7403"}',
        'peer_queue_bytes_max: 64MiB',
        'gateway_listen: 127.0.0.1:4567',
        'gateway_auth: any',
        `cluster_secret: ${secret}`,
      ].join('\n'),
    );
    const c = loadConfig({ file, env: {} });
    expect(c.nodeId).toBe(2);
    expect(c.roles).toEqual(['broker']);
    expect(c.peers.map((p) => `${p.id}@${p.address}`)).toEqual(['1@127.0.0.1:7401', '3@127.0.0.1:7403']);
    expect(c.peerQueueBytesMax).toBe(64 * 1024 * 1024);
    expect(c.gatewayListen?.port).toBe(4567);
  });

  test('the result is deep-frozen', () => {
    const c = loadConfig({ env: baseEnv });
    expect(Object.isFrozen(c)).toBe(true);
    expect(Object.isFrozen(c.grpcListen)).toBe(true);
    expect(Object.isFrozen(c.controllerVoters)).toBe(true);
    expect(Object.isFrozen(c.controllerVoters[0])).toBe(true);
    expect(Object.isFrozen(c.roles)).toBe(true);
    expect(() => {
      (c as { nodeId: number }).nodeId = 9;
    }).toThrow(TypeError);
  });
});

/** [name, options, expected problems (exact, in order)] */
const cases: Array<[string, LoadConfigOptions, string[]]> = [
  [
    'node id not a number',
    { env: { ...baseEnv, RHEO_NODE_ID: 'abc' } },
    ['node_id: expected a positive integer, got "abc" (from RHEO_NODE_ID)'],
  ],
  [
    'node id zero',
    { env: baseEnv, argv: ['--node-id', '0'] },
    ['node_id: expected a positive integer, got "0" (from --node-id)'],
  ],
  [
    'required keys missing',
    { env: {} },
    [
      'node_id: required, not set (use --node-id, RHEO_NODE_ID or node_id in the config file)',
      'cluster_secret: required, not set (use --cluster-secret, RHEO_CLUSTER_SECRET or cluster_secret in the config file)',
    ],
  ],
  [
    'short secret, value hidden',
    { env: { ...baseEnv, RHEO_CLUSTER_SECRET: 'hunter2' } },
    [
      'cluster_secret: expected a secret of at least 32 characters, got a hidden value of 7 characters (from RHEO_CLUSTER_SECRET)',
    ],
  ],
  [
    'bad role',
    { env: baseEnv, argv: ['--roles', 'broker,brokr'] },
    ['roles[1]: expected one of broker, controller, got "brokr" (from --roles)'],
  ],
  [
    'no role',
    { env: baseEnv, argv: ['--roles', ''] },
    ['roles: at least one role is required (broker, controller) (from --roles)'],
  ],
  [
    'role twice',
    { env: baseEnv, argv: ['--roles=broker,broker'] },
    ['roles: a role is listed twice (from --roles)'],
  ],
  [
    'bad listen address',
    { env: { ...baseEnv, RHEO_GRPC_LISTEN: 'localhost' } },
    ['grpc_listen: expected host:port (port 0 to 65535), got "localhost" (from RHEO_GRPC_LISTEN)'],
  ],
  [
    'port out of range',
    { env: { ...baseEnv, RHEO_METRICS_LISTEN: '127.0.0.1:70000' } },
    [
      'metrics_listen: expected host:port (port 0 to 65535), got "127.0.0.1:70000" (from RHEO_METRICS_LISTEN)',
    ],
  ],
  [
    'bad voter entry',
    { env: { ...baseEnv, RHEO_CONTROLLER_VOTERS: '1@127.0.0.1:7400,two@h:1' } },
    [
      'controller_voters[1]: expected id@host:port (a positive id, port 1 to 65535), got "two@h:1" (from RHEO_CONTROLLER_VOTERS)',
    ],
  ],
  [
    'controller not among voters',
    { env: { ...baseEnv, RHEO_CONTROLLER_VOTERS: '2@127.0.0.1:7402' } },
    [
      'controller_voters: this node (1) has the controller role but is not among the voters (from RHEO_CONTROLLER_VOTERS)',
    ],
  ],
  [
    'duplicate voter id',
    { env: { ...baseEnv, RHEO_CONTROLLER_VOTERS: '1@127.0.0.1:7400,1@127.0.0.1:7401' } },
    ['controller_voters: node id 1 is listed twice (from RHEO_CONTROLLER_VOTERS)'],
  ],
  [
    'duplicate peer address',
    { env: baseEnv, argv: ['--peers', '2@127.0.0.1:7402,3@127.0.0.1:7402'] },
    ['peers: address 127.0.0.1:7402 is listed twice (from --peers)'],
  ],
  [
    'peer disagrees with voters',
    {
      env: { ...baseEnv, RHEO_CONTROLLER_VOTERS: '1@127.0.0.1:7400,2@127.0.0.1:7402' },
      argv: ['--peers', '2@127.0.0.1:9999'],
    },
    [
      'peers: node 2 is at 127.0.0.1:9999 here but at 127.0.0.1:7402 in controller_voters or advertised_address (from --peers)',
    ],
  ],
  [
    'voter self at another address',
    { env: { ...baseEnv, RHEO_CONTROLLER_VOTERS: '1@127.0.0.1:7411' } },
    [
      'controller_voters: lists this node (1) at 127.0.0.1:7411, but it is advertised at 127.0.0.1:7400 (from RHEO_CONTROLLER_VOTERS)',
    ],
  ],
  [
    'heartbeat not below election',
    { env: { ...baseEnv, RHEO_HEARTBEAT_TICKS: '10' } },
    ['heartbeat_ticks: must be below election_ticks (10), got 10 (from RHEO_HEARTBEAT_TICKS)'],
  ],
  [
    'tick out of range',
    { env: { ...baseEnv, RHEO_TICK_INTERVAL_MS: '5' } },
    ['tick_interval_ms: expected an integer from 10 to 10000, got "5" (from RHEO_TICK_INTERVAL_MS)'],
  ],
  [
    'bad byte count',
    { env: { ...baseEnv, RHEO_PEER_QUEUE_BYTES_MAX: '12 parsecs' } },
    [
      'peer_queue_bytes_max: expected a byte count from 1048576 to 17179869184 (an integer, or with a unit: KiB, MiB, GiB), got "12 parsecs" (from RHEO_PEER_QUEUE_BYTES_MAX)',
    ],
  ],
  [
    'bad log level',
    { env: { ...baseEnv, RHEO_LOG_LEVEL: 'loud' } },
    [
      'log_level: expected one of fatal, error, warn, info, debug, trace, silent, got "loud" (from RHEO_LOG_LEVEL)',
    ],
  ],
  [
    'bad log format',
    { env: baseEnv, argv: ['--log-format', 'xml'] },
    ['log_format: expected one of json, pretty, got "xml" (from --log-format)'],
  ],
  [
    'wildcard listen needs advertised address',
    { env: { ...baseEnv, RHEO_GRPC_LISTEN: '0.0.0.0:7400' } },
    [
      'advertised_address: required when grpc_listen binds every interface or port 0 (peers need an address to dial) (from default)',
    ],
  ],
  [
    'same port twice',
    { env: { ...baseEnv, RHEO_METRICS_LISTEN: '127.0.0.1:7400' } },
    [
      'metrics_listen: grpc_listen, metrics_listen and gateway_listen must use different ports (from RHEO_METRICS_LISTEN)',
    ],
  ],
  [
    'bad cluster id',
    { env: { ...baseEnv, RHEO_CLUSTER_ID: 'a b' } },
    [
      'cluster_id: expected a cluster name of 1 to 64 letters, digits, ".", "_" or "-", got "a b" (from RHEO_CLUSTER_ID)',
    ],
  ],
  [
    'unknown flag with hint',
    { env: baseEnv, argv: ['--node-idd', '1'] },
    ['--node-idd: unknown flag (did you mean --node-id?)'],
  ],
  ['flag without value', { env: baseEnv, argv: ['--rack'] }, ['--rack: expected a value']],
  [
    'positional argument',
    { env: baseEnv, argv: ['serve'] },
    ['unexpected argument "serve" (flags look like --node-id 1)'],
  ],
];

describe('validation messages', () => {
  test.each(cases)('%s', (_name, options, expected) => {
    expect(problems(options)).toEqual(expected);
  });

  test('file problems name the file; unknown keys are refused with a hint', () => {
    const file = yamlFile('bad.yaml', 'nodeid: 1\nelection_ticks: many\n');
    expect(problems({ file, env: baseEnv })).toEqual([
      `nodeid: unknown key (did you mean node_id?) (from file ${file})`,
      `election_ticks: expected an integer from 2 to 1000, got "many" (from file ${file})`,
    ]);
  });

  test('a file that is not YAML, not a mapping, or missing', () => {
    expect(problems({ file: yamlFile('y1.yaml', 'a: [1\nb: 2'), env: baseEnv })[0]).toMatch(
      /^config file .*y1\.yaml: not valid YAML: /,
    );
    expect(problems({ file: yamlFile('y2.yaml', '- 1\n- 2\n'), env: baseEnv })[0]).toMatch(
      /expected a mapping of keys to values$/,
    );
    expect(problems({ file: join(dir.path, 'nope.yaml'), env: baseEnv })[0]).toMatch(
      /nope\.yaml: cannot be read/,
    );
  });

  test('all problems together, and the message lists them', () => {
    try {
      loadConfig({ env: { RHEO_NODE_ID: 'x', RHEO_CLUSTER_SECRET: 'short' }, argv: ['--bogus', '1'] });
      throw new Error('expected a ConfigError');
    } catch (err) {
      expect((err as Error).message).toMatch(
        /^invalid configuration \(3 problems\):\n {2}--bogus: unknown flag/,
      );
      expect((err as Error).message).not.toContain('short');
    }
  });
});

describe('docs/configuration.md', () => {
  const doc = readFileSync(new URL('../../../docs/configuration.md', import.meta.url), 'utf8');
  const rows = new Map<string, string[]>();
  for (const line of doc.split('\n')) {
    const cells = line.split('|').map((c) => c.trim().replaceAll('`', ''));
    if (cells.length === 7 && /^[a-z_]+$/.test(cells[1]!) && cells[1] !== 'key')
      rows.set(cells[1]!, cells.slice(2, 6));
  }

  function shownDefault(key: (typeof configKeys)[number]): string {
    if (!(key in configDefaults)) return 'required';
    const v = configDefaults[key];
    if (v === null) return 'none';
    if (Array.isArray(v)) return v.length === 0 ? 'empty' : v.join(',');
    return v === '' ? 'empty' : String(v);
  }

  test.each([...configKeys])('%s has a row with its flag, environment variable and default', (key) => {
    const row = rows.get(key);
    expect(row, `docs/configuration.md has no row for ${key}`).toBeDefined();
    const [flag, env, dflt, meaning] = row!;
    expect(flag).toBe(flagName(key));
    expect(env).toBe(envName(key));
    expect(dflt).toBe(shownDefault(key));
    expect(meaning!.length).toBeGreaterThan(10);
  });

  test('no row for a key the schema does not have', () => {
    expect([...rows.keys()].filter((k) => !configKeys.includes(k as never))).toEqual([]);
  });
});
