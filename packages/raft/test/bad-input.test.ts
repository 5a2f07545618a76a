// Bad input never throws: a table of malformed messages (wrong types,
// negative/NaN/fractional numbers, non-contiguous entries, missing
// snapshot...), messages from unknown members, stale terms and messages to
// another node are each dropped and counted in stats().dropped under the
// expected reason, and the group keeps working. A fast-check property feeds
// random garbage to a follower and a leader. Programmer errors by the driver
// (advance with the wrong Ready) are assertions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DropReason, type Message, MessageType, newMessage } from '../src/index.js';
import { Network } from './helpers/network.js';

const ok: Message = newMessage({ type: MessageType.Heartbeat, to: 2, from: 1, term: 1 });
const e = (index: number, term: number) => ({ index, term, type: 0 as const, data: new Uint8Array() });

const cases: { name: string; m: unknown; reason: DropReason | null }[] = [
  { name: 'well-formed heartbeat', m: ok, reason: null },
  { name: 'null', m: null, reason: 'malformed' },
  { name: 'unknown type', m: { ...ok, type: 99 }, reason: 'malformed' },
  { name: 'local type (Beat)', m: { ...ok, type: MessageType.Beat }, reason: 'malformed' },
  { name: 'negative term', m: { ...ok, term: -1 }, reason: 'malformed' },
  { name: 'NaN commit', m: { ...ok, commit: Number.NaN }, reason: 'malformed' },
  { name: 'fractional index', m: { ...ok, index: 1.5 }, reason: 'malformed' },
  { name: 'string from', m: { ...ok, from: '1' }, reason: 'malformed' },
  { name: 'context not bytes', m: { ...ok, context: 'x' }, reason: 'malformed' },
  { name: 'entries not an array', m: { ...ok, type: MessageType.App, entries: {} }, reason: 'malformed' },
  {
    name: 'entries not contiguous',
    m: { ...ok, type: MessageType.App, index: 1, logTerm: 1, entries: [e(2, 1), e(4, 1)] },
    reason: 'malformed',
  },
  {
    name: 'entry not after index',
    m: { ...ok, type: MessageType.App, index: 1, logTerm: 1, entries: [e(5, 1)] },
    reason: 'malformed',
  },
  {
    name: 'entry term above message term',
    m: { ...ok, type: MessageType.App, index: 1, logTerm: 1, entries: [e(2, 7)] },
    reason: 'malformed',
  },
  { name: 'entries on a heartbeat', m: { ...ok, entries: [e(1, 1)] }, reason: 'malformed' },
  { name: 'Snap without snapshot', m: { ...ok, type: MessageType.Snap }, reason: 'malformed' },
  { name: 'from self', m: { ...ok, from: 2 }, reason: 'malformed' },
  { name: 'from none', m: { ...ok, from: 0 }, reason: 'malformed' },
  { name: 'to another node', m: { ...ok, to: 3 }, reason: 'unexpected' },
  {
    name: 'vote response from unknown member',
    m: { ...ok, type: MessageType.VoteResp, from: 9 },
    reason: 'unknown-member',
  },
  {
    name: 'read index from unknown member',
    m: { ...ok, type: MessageType.ReadIndex, from: 9 },
    reason: 'unknown-member',
  },
  {
    name: 'late append response to a follower (ignored quietly)',
    m: { ...ok, type: MessageType.AppResp },
    reason: null,
  },
];

describe('bad input to a follower', () => {
  for (const c of cases) {
    it(`${c.name} -> ${c.reason ?? 'accepted'}`, () => {
      const n = new Network([1, 2, 3]);
      n.campaign(1);
      const node = n.node(2);
      const r = node.step(c.m as Message);
      expect(r).toBe(c.reason);
      if (c.reason) expect(node.stats().dropped[c.reason]).toBe(1);
      n.propose(1, 'still works');
      expect(n.data(2)).toEqual(['still works']);
    });
  }

  it('a stale-term message is dropped and answered so an old leader learns the term', () => {
    const n = new Network([1, 2, 3], { preVote: true });
    n.campaign(1);
    n.campaign(3);
    expect(n.leader()).toBe(3);
    const r = n.node(2).step({ ...ok, term: 1 });
    expect(r).toBe('stale-term');
    expect(n.node(2).stats().dropped['stale-term']).toBe(1);
    const rd = n.node(2).ready();
    expect(rd.messages.some((m) => m.type === MessageType.AppResp && m.to === 1 && m.term === 2)).toBe(true);
  });
});

describe('bad input to a leader', () => {
  it('responses from unknown members and impossible acks are dropped', () => {
    const n = new Network([1, 2, 3]);
    n.campaign(1);
    const l = n.node(1);
    expect(l.step({ ...ok, to: 1, from: 9, type: MessageType.AppResp })).toBe('unknown-member');
    expect(l.step({ ...ok, to: 1, from: 2, type: MessageType.AppResp, index: 999 })).toBe('malformed');
    expect(l.step({ ...ok, to: 1, from: 2, type: MessageType.App })).toBe('unexpected');
    expect(l.step({ ...ok, to: 1, from: 2, type: MessageType.ReadIndexResp })).toBe('unexpected');
    expect(l.stats().dropped).toMatchObject({ 'unknown-member': 1, malformed: 1, unexpected: 2 });
    expect(n.propose(1, 'fine').ok).toBe(true);
  });

  it('random garbage never throws (property)', () => {
    const n = new Network([1, 2, 3]);
    n.campaign(1);
    const num = fc.oneof(fc.integer({ min: -3, max: 20 }), fc.constant(Number.NaN), fc.double());
    const arb = fc.record({
      type: fc.integer({ min: -1, max: 20 }),
      to: fc.constantFrom(1, 2, 3, 4),
      from: fc.constantFrom(0, 1, 2, 3, 9),
      term: num,
      logTerm: num,
      index: num,
      commit: num,
      entries: fc.array(
        fc.record({ index: num, term: num, type: fc.constantFrom(0, 1, 2), data: fc.uint8Array() }),
        {
          maxLength: 3,
        },
      ),
      reject: fc.boolean(),
      rejectHint: num,
      rejectHintTerm: num,
      context: fc.uint8Array({ maxLength: 4 }),
    });
    fc.assert(
      fc.property(arb, (m) => {
        for (const id of [1, 2, 3]) {
          n.node(id).step(m as unknown as Message);
          n.processReady(id);
        }
        n.queue = [];
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});

describe('driver assertions', () => {
  it('advance with a Ready that is not the last one throws', () => {
    const n = new Network([1]);
    const node = n.node(1);
    node.campaign();
    const rd = node.ready();
    expect(() => node.advance({ ...rd })).toThrow(/not the oldest outstanding Ready/);
    expect(() => node.ready()).toThrow(/not advanced/);
  });
});
