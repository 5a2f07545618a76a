// Proves the hand-written RaftBatch codec agrees with the contract's own
// codec (@grpc/proto-loader over protobufjs) both ways, for arbitrary
// batches: hello, full messages of every type with entries and snapshots,
// and coalesced heartbeats. Ours → theirs, theirs → ours and ours → ours
// all decode to the same objects. And arbitrary bytes make the decoder
// either return or throw BatchDecodeError, never anything else.
import { type Message, MessageType, NETWORK_MESSAGE_TYPES } from '@rheo/raft';
import { loadRheoProto, type pb } from '@rheo/wire';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { encodeRaftMessage } from '../src/index.js';
import { encodeRaftBatch } from '../src/transport/batch-codec.js';
import { BatchDecodeError, decodeRaftBatch } from '../src/transport/batch-decode.js';

const RaftBatch = loadRheoProto().rheo.v1.RaftBatch;
const U53 = Number.MAX_SAFE_INTEGER;
const num = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: U53 }));
const u32 = fc.oneof(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 2 ** 32 - 1 }));
const bytes = fc.oneof(fc.constant(new Uint8Array(0)), fc.uint8Array({ maxLength: 40 }));
const ids = fc.array(u32, { maxLength: 4 });

const message: fc.Arbitrary<Message> = fc
  .record({
    type: fc.constantFrom(...NETWORK_MESSAGE_TYPES),
    to: u32,
    from: u32,
    term: num,
    logTerm: num,
    index: num,
    entries: fc.array(
      fc.record({ term: num, index: num, type: fc.constantFrom(0 as const, 1 as const), data: bytes }),
      { maxLength: 3 },
    ),
    commit: num,
    reject: fc.boolean(),
    rejectHint: num,
    rejectHintTerm: num,
    context: bytes,
    snapshot: fc.option(
      fc.record({
        metadata: fc.record({
          index: num,
          term: num,
          confState: fc.record({
            voters: ids,
            learners: ids,
            votersOutgoing: ids,
            learnersNext: ids,
            autoLeave: fc.boolean(),
          }),
        }),
        data: bytes,
      }),
      { nil: undefined },
    ),
  })
  .map((m) => (m.snapshot === undefined ? { ...m, snapshot: undefined } : m) as Message);

const coalesced = fc.option(
  fc.integer({ min: 0, max: 20 }).chain((n) =>
    fc.record({
      groupIds: fc.array(num, { minLength: n, maxLength: n }),
      terms: fc.array(num, { minLength: n, maxLength: n }),
      commits: fc.array(num, { maxLength: n }),
      indexes: fc.array(num, { maxLength: n }),
    }),
  ),
  { nil: null },
);

const batch: fc.Arbitrary<pb.RaftBatch> = fc.record({
  hello: fc.option(
    fc.record({ clusterId: fc.string(), fromNodeId: u32, toNodeId: u32, incarnation: fc.string() }),
    { nil: null },
  ),
  messages: fc.array(fc.record({ groupId: num, message: message.map(encodeRaftMessage) }), { maxLength: 6 }),
  heartbeats: coalesced,
  heartbeatResponses: coalesced,
});

function canon(value: unknown): unknown {
  if (value instanceof Uint8Array) return `bytes:${Buffer.from(value).toString('hex')}`;
  if (Array.isArray(value)) return value.map(canon);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, canon(v)]));
  return value;
}

describe('hand-written RaftBatch codec', () => {
  test('agrees with the contract codec both ways', () => {
    fc.assert(
      fc.property(batch, (b) => {
        const ours = encodeRaftBatch(b);
        const theirs = RaftBatch.serialize(b);
        const reference = canon(RaftBatch.deserialize(theirs));
        expect(canon(RaftBatch.deserialize(ours))).toEqual(reference);
        expect(canon(decodeRaftBatch(theirs))).toEqual(reference);
        expect(canon(decodeRaftBatch(ours))).toEqual(reference);
      }),
      { numRuns: 400 },
    );
  });

  test('an empty batch and a Snap with an all-default snapshot keep their presence', () => {
    expect(decodeRaftBatch(encodeRaftBatch({}))).toEqual({
      hello: null,
      messages: [],
      heartbeats: null,
      heartbeatResponses: null,
    });
    const snap = encodeRaftMessage({
      type: MessageType.Snap,
      to: 2,
      from: 1,
      term: 0,
      logTerm: 0,
      index: 0,
      entries: [],
      commit: 0,
      reject: false,
      rejectHint: 0,
      rejectHintTerm: 0,
      context: new Uint8Array(0),
      snapshot: {
        metadata: {
          index: 0,
          term: 0,
          confState: { voters: [], learners: [], votersOutgoing: [], learnersNext: [], autoLeave: false },
        },
        data: new Uint8Array(0),
      },
    });
    const back = decodeRaftBatch(encodeRaftBatch({ messages: [{ groupId: 1, message: snap }] }));
    expect(back.messages[0]?.message?.snapshot?.metadata?.confState).toEqual({
      voters: [],
      learners: [],
      votersOutgoing: [],
      learnersNext: [],
      autoLeave: false,
    });
  });

  test('arbitrary bytes: a result or a BatchDecodeError, nothing else', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (raw) => {
        try {
          decodeRaftBatch(Buffer.from(raw));
        } catch (err) {
          expect(err).toBeInstanceOf(BatchDecodeError);
        }
      }),
      { numRuns: 3000 },
    );
  });

  test('truncations of a valid frame never decode into garbage silently past the end', () => {
    const frame = encodeRaftBatch({
      messages: [
        {
          groupId: 5,
          message: encodeRaftMessage({
            type: MessageType.App,
            to: 2,
            from: 1,
            term: 3,
            logTerm: 2,
            index: 9,
            entries: [{ term: 3, index: 10, type: 0, data: Buffer.alloc(50, 1) }],
            commit: 8,
            reject: false,
            rejectHint: 0,
            rejectHintTerm: 0,
            context: new Uint8Array(0),
          }),
        },
      ],
    });
    for (let cut = 1; cut < frame.length; cut++)
      expect(() => decodeRaftBatch(frame.subarray(0, cut))).toThrow(BatchDecodeError);
  });
});
