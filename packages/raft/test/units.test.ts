// Small parts checked alone: majority and joint quorums against a naive
// reference (fast-check), the inflights ring buffer against a plain array,
// conf-change validation as a table, config validation errors, and the
// ConfChange codec round trip.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChange, restore } from '../src/confchange.js';
import { type ConfChange, decodeConfChange, encodeConfChange, MemoryStorage } from '../src/index.js';
import { Inflights } from '../src/inflights.js';
import { jointCommitted } from '../src/quorum/joint.js';
import { majorityCommitted, majorityVoteResult } from '../src/quorum/majority.js';
import { RawNode } from '../src/raw-node.js';
import { configToConfState } from '../src/tracker.js';
import { baseConfig, confState } from './helpers/network.js';

/** Naive: the largest v such that a majority have value >= v. */
function naiveCommitted(ids: number[], val: Map<number, number>): number {
  if (ids.length === 0) return Number.POSITIVE_INFINITY;
  const candidates = [...new Set(ids.map((id) => val.get(id)!))].sort((a, b) => b - a);
  for (const c of candidates) {
    if (ids.filter((id) => val.get(id)! >= c).length * 2 > ids.length) return c;
  }
  return 0;
}

describe('quorum', () => {
  it('majorityCommitted matches the naive reference', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 9 }), { maxLength: 7 }),
        fc.array(fc.nat(20), { minLength: 9, maxLength: 9 }),
        (ids, vals) => {
          const val = new Map(ids.map((id) => [id, vals[id - 1]!]));
          expect(majorityCommitted(new Set(ids), (id) => val.get(id)!)).toBe(naiveCommitted(ids, val));
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });

  it('jointCommitted is the min of both halves', () => {
    const val = new Map([
      [1, 5],
      [2, 7],
      [3, 2],
      [4, 9],
    ]);
    expect(
      jointCommitted({ incoming: new Set([1, 2, 3]), outgoing: new Set([3, 4]) }, (id) => val.get(id)!),
    ).toBe(2);
    expect(jointCommitted({ incoming: new Set([1, 2, 3]), outgoing: new Set() }, (id) => val.get(id)!)).toBe(
      5,
    );
  });

  it('vote results', () => {
    const v = new Set([1, 2, 3]);
    expect(majorityVoteResult(v, new Map([[1, true]]))).toBe('pending');
    expect(
      majorityVoteResult(
        v,
        new Map([
          [1, true],
          [2, true],
        ]),
      ),
    ).toBe('won');
    expect(
      majorityVoteResult(
        v,
        new Map([
          [1, false],
          [2, false],
        ]),
      ),
    ).toBe('lost');
  });
});

describe('inflights', () => {
  it('behaves as a bounded FIFO by count and bytes (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.nat(10).map((b) => ({ add: b })),
            fc.nat(60).map((f) => ({ free: f })),
          ),
          { maxLength: 80 },
        ),
        (ops) => {
          const inf = new Inflights(5, 30);
          let ref: { i: number; b: number }[] = [];
          let next = 1;
          for (const op of ops) {
            if ('add' in op) {
              const full = ref.length === 5 || ref.reduce((s, x) => s + x.b, 0) >= 30;
              expect(inf.full()).toBe(full);
              if (full) continue;
              inf.add(next, op.add);
              ref.push({ i: next, b: op.add });
              next++;
            } else {
              inf.freeLE(op.free);
              ref = ref.filter((x) => x.i > op.free);
            }
            expect(inf.size()).toBe(ref.length);
            expect(inf.sizeBytes()).toBe(ref.reduce((s, x) => s + x.b, 0));
          }
        },
      ),
      { numRuns: 200, seed: 3 },
    );
  });
});

describe('conf change validation', () => {
  const limits = { lastIndex: 10, maxInflightMsgs: 4, maxInflightBytes: 0 };
  const base = () => {
    const r = restore(limits, confState([1, 2, 3], [4]));
    if (typeof r === 'string') throw new Error(r);
    return { ...limits, config: r.config, progress: r.progress };
  };
  const cases: { cc: ConfChange; want: string | object }[] = [
    {
      cc: { transition: 'auto', changes: [{ type: 'add-voter', nodeId: 5 }] },
      want: { voters: [1, 2, 3, 5] },
    },
    {
      cc: { transition: 'auto', changes: [{ type: 'add-voter', nodeId: 4 }] },
      want: { voters: [1, 2, 3, 4], learners: [] },
    },
    {
      cc: { transition: 'auto', changes: [{ type: 'add-learner', nodeId: 3 }] },
      want: { voters: [1, 2], learners: [3, 4] },
    },
    {
      cc: { transition: 'auto', changes: [{ type: 'remove-voter', nodeId: 4 }] },
      want: { voters: [1, 2, 3], learners: [] },
    },
    {
      cc: { transition: 'explicit', changes: [{ type: 'add-voter', nodeId: 5 }] },
      want: { voters: [1, 2, 3, 5], votersOutgoing: [1, 2, 3], autoLeave: false },
    },
    {
      cc: {
        transition: 'auto',
        changes: [
          { type: 'add-learner', nodeId: 1 },
          { type: 'add-voter', nodeId: 5 },
        ],
      },
      want: { voters: [2, 3, 5], votersOutgoing: [1, 2, 3], learnersNext: [1], autoLeave: true },
    },
    { cc: { transition: 'auto', changes: [] }, want: 'cannot leave a non-joint configuration' },
    {
      cc: {
        transition: 'auto',
        changes: [
          { type: 'remove-voter', nodeId: 1 },
          { type: 'remove-voter', nodeId: 2 },
          { type: 'remove-voter', nodeId: 3 },
        ],
      },
      want: 'removed all voters',
    },
    { cc: { transition: 'auto', changes: [{ type: 'add-voter', nodeId: -1 }] }, want: 'invalid node id -1' },
  ];
  for (const c of cases) {
    it(JSON.stringify(c.cc), () => {
      const res = applyChange(base(), c.cc);
      if (typeof c.want === 'string') expect(res).toBe(c.want);
      else {
        if (typeof res === 'string') throw new Error(res);
        expect(configToConfState(res.config)).toMatchObject(c.want);
      }
    });
  }

  it('codec round-trips and rejects garbage', () => {
    const cc: ConfChange = { transition: 'explicit', changes: [{ type: 'add-learner', nodeId: 7 }] };
    expect(decodeConfChange(encodeConfChange(cc))).toEqual(cc);
    expect(decodeConfChange(new Uint8Array([0xff, 1]))).toBeNull();
    expect(decodeConfChange(new TextEncoder().encode('{"t":"auto","c":[["add-voter",0]]}'))).toBeNull();
  });
});

describe('config validation', () => {
  const storage = new MemoryStorage({ confState: confState([1]) });
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ['id 0', { id: 0 }, /id must be a positive integer/],
    ['heartbeat >= election', { heartbeatTick: 10, electionTick: 10 }, /greater than heartbeatTick/],
    ['zero inflight', { maxInflightMsgs: 0 }, /maxInflightMsgs must be positive/],
    ['negative bytes', { maxInflightBytes: -1 }, /maxInflightBytes/],
    ['unknown key', { electionTicks: 5 }, /unknown key 'electionTicks'/],
    [
      'lease without checkQuorum',
      { readOnlyOption: 'lease', leaseSafetyMarginTicks: 1 },
      /requires checkQuorum/,
    ],
    [
      'lease margin 0',
      { readOnlyOption: 'lease', checkQuorum: true, leaseSafetyMarginTicks: 0 },
      /leaseSafetyMarginTicks/,
    ],
  ];
  for (const [name, o, re] of cases) {
    it(name, () => {
      expect(() => new RawNode({ ...baseConfig(1, storage, 1), ...o } as never)).toThrow(re);
    });
  }
});
