// Properties of MetaState over random command sequences (fast-check; a
// failure prints its seed and the shrunk sequence):
//   (a) the snapshot round-trips: decode(encode(s)) encodes to the same bytes
//       and answers the same queries;
//   (b) apply is deterministic: two states fed the same commands, one of them
//       through the command codec, encode identically;
//   (c) decoding random or mutated bytes either succeeds or throws
//       RheoError('Corrupt'), never anything else.
import { isRheoError } from '@rheo/wire';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeMetaCommand, encodeMetaCommand, type MetaCommand, MetaState } from '../src/index.js';
import { clusterId } from './fixtures.js';

const nodeId = fc.integer({ min: 1, max: 6 });
const name = fc.constantFrom('a', 'b', 'c', 'bad/name');
const shardId = fc.integer({ min: 0, max: 3 }).map((n) => `shardId-${String(n).padStart(12, '0')}`);
const tags = fc.dictionary(fc.constantFrom('k1', 'k2', 'k3', ''), fc.string({ maxLength: 3 }), {
  maxKeys: 3,
});
const replicaSet = fc.uniqueArray(nodeId, { minLength: 1, maxLength: 3 });

const createStream: fc.Arbitrary<MetaCommand> = fc
  .tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 3 }))
  .chain(([shardCount, rf]) =>
    fc.record({
      type: fc.constant('CreateStream' as const),
      name,
      shardCount: fc.constant(shardCount),
      replicationFactor: fc.constant(rf),
      retentionHours: fc.constantFrom(24, 48, 8760, 10),
      mode: fc.constantFrom('PROVISIONED' as const, 'ON_DEMAND' as const),
      tags,
      atMs: fc.integer({ min: 0, max: 1e6 }),
      placement: fc.array(fc.uniqueArray(fc.integer({ min: 1, max: 4 }), { minLength: rf, maxLength: rf }), {
        minLength: shardCount,
        maxLength: shardCount,
      }),
    }),
  );

const reportLeaders: fc.Arbitrary<MetaCommand> = fc.record({
  type: fc.constant('ReportLeaders' as const),
  leaders: fc.array(
    fc.record({ groupId: fc.integer({ min: 1, max: 12 }), nodeId, term: fc.integer({ min: 0, max: 5 }) }),
    {
      maxLength: 3,
    },
  ),
});

const command: fc.Arbitrary<MetaCommand> = fc.oneof(
  fc.record({
    type: fc.constant('RegisterNode' as const),
    node: fc.record({
      id: nodeId,
      address: fc.constantFrom('h1:1', 'h2:1'),
      gatewayAddress: fc.constant(''),
      roles: fc.constantFrom(
        ['broker' as const],
        ['broker' as const, 'controller' as const],
        ['controller' as const],
      ),
      rack: fc.constantFrom('', 'r1', 'r2'),
      incarnation: fc.string({ maxLength: 4 }),
      registeredAtMs: fc.integer({ min: 0, max: 1e6 }),
    }),
  }),
  fc.record({
    type: fc.constant('SetNodeState' as const),
    nodeId,
    state: fc.constantFrom(
      'ALIVE' as const,
      'SUSPECT' as const,
      'DEAD' as const,
      'DRAINING' as const,
      'DRAINED' as const,
    ),
  }),
  fc.record({ type: fc.constant('RemoveNode' as const), nodeId }),
  createStream,
  createStream,
  createStream,
  reportLeaders,
  reportLeaders,
  fc.record({ type: fc.constant('DeleteStream' as const), name }),
  fc.record({ type: fc.constant('ForgetStream' as const), name }),
  fc.record({
    type: fc.constant('SetStreamStatus' as const),
    name,
    status: fc.constantFrom('CREATING' as const, 'ACTIVE' as const, 'UPDATING' as const),
  }),
  fc.record({
    type: fc.constant('SetShardReplicas' as const),
    streamName: name,
    shardId,
    replicas: replicaSet,
  }),
  fc.record({
    type: fc.constant('ReportLeaders' as const),
    leaders: fc.array(
      fc.record({ groupId: fc.integer({ min: 1, max: 12 }), nodeId, term: fc.integer({ min: 0, max: 5 }) }),
      {
        maxLength: 3,
      },
    ),
  }),
  fc.record({ type: fc.constant('AddTags' as const), name, tags }),
  fc.record({
    type: fc.constant('RemoveTags' as const),
    name,
    keys: fc.array(fc.constantFrom('k1', 'k2', 'k9')),
  }),
  fc.record({
    type: fc.constant('SetRetention' as const),
    name,
    hours: fc.constantFrom(24, 36, 48, 9000),
    direction: fc.constantFrom('increase' as const, 'decrease' as const),
  }),
);

// Four brokers first make the interesting commands (streams placed on known nodes) likely to apply.
const brokers: MetaCommand[] = [1, 2, 3, 4].map((id) => ({
  type: 'RegisterNode',
  node: {
    id,
    address: `h${id}:1`,
    gatewayAddress: '',
    roles: ['broker'],
    rack: '',
    incarnation: 'i',
    registeredAtMs: 0,
  },
}));
const commands = fc.array(command, { maxLength: 40, size: 'medium' }).map((cmds) => [...brokers, ...cmds]);

function run(cmds: readonly MetaCommand[], viaCodec = false): MetaState {
  const s = MetaState.empty(clusterId);
  cmds.forEach((c, i) => {
    s.apply(viaCodec ? decodeMetaCommand(encodeMetaCommand(c)) : c, i + 1);
  });
  return s;
}

describe('MetaState properties', () => {
  it('the generator reaches streams, shards and leaders (else the properties prove little)', () => {
    const samples = fc.sample(commands, { numRuns: 300, seed: 42 }).map((cmds) => run(cmds));
    expect(samples.filter((s) => s.streams().length > 0).length).toBeGreaterThan(60);
    expect(samples.filter((s) => s.allShards().some((x) => x.leader !== undefined)).length).toBeGreaterThan(
      10,
    );
  });

  it('(a) the snapshot round-trips', () => {
    fc.assert(
      fc.property(commands, (cmds) => {
        const s = run(cmds);
        const copy = MetaState.decode(s.encode());
        expect(copy.encode()).toEqual(s.encode());
        expect(copy.nodes()).toEqual(s.nodes());
        expect(copy.streams()).toEqual(s.streams());
        expect(copy.allShards()).toEqual(s.allShards());
        expect(copy.nextGroupId).toBe(s.nextGroupId);
      }),
      { numRuns: 200 },
    );
  });

  it('(b) apply is deterministic, also through the command codec', () => {
    fc.assert(
      fc.property(commands, (cmds) => {
        expect(run(cmds, true).encode()).toEqual(run(cmds).encode());
      }),
      { numRuns: 200 },
    );
  });

  it('(c) bad snapshot bytes throw RheoError Corrupt and nothing else', () => {
    const decodeOrCorrupt = (bytes: Uint8Array) => {
      try {
        MetaState.decode(bytes);
      } catch (err) {
        if (!isRheoError(err, 'Corrupt')) throw err;
      }
    };
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), decodeOrCorrupt), { numRuns: 300 });
    fc.assert(
      fc.property(
        commands,
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }),
        (cmds, edits) => {
          const bytes = run(cmds).encode();
          for (const [at, value] of edits) bytes[at % bytes.length] = value;
          decodeOrCorrupt(bytes);
        },
      ),
      { numRuns: 300 },
    );
    // Structural mutations that keep the JSON well-formed: a field removed or retyped anywhere.
    fc.assert(
      fc.property(commands, fc.nat(), fc.constantFrom(null, 1, 'x', [], {}, true), (cmds, pick, value) => {
        const json = JSON.parse(new TextDecoder().decode(run(cmds).encode()));
        const slots: [Record<string, unknown>, string][] = [];
        const walk = (v: unknown) => {
          if (typeof v !== 'object' || v === null) return;
          for (const [k, x] of Object.entries(v)) {
            slots.push([v as Record<string, unknown>, k]);
            walk(x);
          }
        };
        walk(json);
        const [holder, key] = slots[pick % slots.length]!;
        holder[key] = value;
        decodeOrCorrupt(new TextEncoder().encode(JSON.stringify(json)));
      }),
      { numRuns: 300 },
    );
  });
});
