// The durability checker can fail: fabricated histories, each breaking one
// rule (a lost ack, a duplicate, a reorder, divergent replicas, a phantom, a
// misplaced ack, a key's counters reordered, a mid-run read that is not a
// prefix of the final log), must each be reported by kind
// and precisely; a clean history (with an unacked record present once and
// another absent) reports nothing. No processes: pure data.
import { describe, expect, test } from 'vitest';
import {
  type AckedRecord,
  checkDurability,
  checkSnapshots,
  type DurabilityHistory,
  formatViolations,
  type ReadBackRecord,
} from './helpers/durability-check.js';

const S0 = 'shardId-000000000000';
const S1 = 'shardId-000000000001';

const rec = (key: string, counter: number, sequenceNumber: string): ReadBackRecord => ({
  key,
  counter,
  sequenceNumber,
});
const ack = (shardId: string, r: ReadBackRecord): AckedRecord => ({ shardId, ...r });

const s0 = [rec('a', 0, '100'), rec('b', 0, '101'), rec('a', 1, '102'), rec('a', 2, '110')];
const s1 = [rec('c', 0, '200'), rec('c', 1, '201')];

/** Three replicas serving `shards` (the same on each unless `override` replaces one replica's). */
function history(
  override: Record<number, Partial<Record<string, ReadBackRecord[]>>> = {},
  acked: AckedRecord[] = [...s0.slice(0, 3).map((r) => ack(S0, r)), ...s1.map((r) => ack(S1, r))],
): DurabilityHistory {
  const replicas = new Map(
    [1, 2, 3].map((node) => [node, new Map(Object.entries({ [S0]: s0, [S1]: s1, ...override[node] }))]),
  );
  const ackedIds = new Set(acked.map((a) => `${a.key}#${a.counter}`));
  return {
    acked,
    // Sent records whose ack never came: by default a#2 (present, once) and d#0 (absent).
    unacked: [...s0, ...s1, rec('d', 0, '0')]
      .filter((r) => !ackedIds.has(`${r.key}#${r.counter}`))
      .map(({ key, counter }) => ({ key, counter })),
    replicas: replicas as DurabilityHistory['replicas'],
    shardIds: [S0, S1],
  };
}

const kinds = (h: DurabilityHistory): string[] => [...new Set(checkDurability(h).map((v) => v.kind))].sort();

describe('checkDurability', () => {
  test('a clean history has no violations (unacked present once or absent is fine)', () => {
    expect(formatViolations(checkDurability(history()))).toBe('');
  });

  test('a missing acknowledged record is reported on the replica that lacks it', () => {
    const v = checkDurability(history({ 2: { [S0]: [s0[0]!, s0[2]!, s0[3]!] } }));
    expect(v.filter((x) => x.kind === 'missing')).toEqual([
      { kind: 'missing', message: `replica 2: acked b#0@101 in ${S0} is absent` },
    ]);
    expect(v.some((x) => x.kind === 'divergent')).toBe(true);
  });

  test('missing on every replica (a lost ack with agreeing replicas) is reported three times', () => {
    const lost = [s0[0]!, s0[2]!, s0[3]!];
    const v = checkDurability(history({ 1: { [S0]: lost }, 2: { [S0]: lost }, 3: { [S0]: lost } }));
    expect(v.map((x) => x.kind)).toEqual(['missing', 'missing', 'missing']);
  });

  test('a duplicate is reported, acked or not', () => {
    const dup = [...s0, rec('a', 2, '111')];
    const h = history({ 1: { [S0]: dup }, 2: { [S0]: dup }, 3: { [S0]: dup } });
    expect(kinds(h)).toEqual(['duplicate', 'key-order']);
    expect(checkDurability(h)[0]!.message).toBe(`replica 1 ${S0} position 4: a#2@111 already at position 3`);
  });

  test('a reorder (sequence numbers not increasing) is reported', () => {
    const swapped = [s0[0]!, s0[2]!, s0[1]!, s0[3]!];
    const h = history({ 1: { [S0]: swapped }, 2: { [S0]: swapped }, 3: { [S0]: swapped } });
    expect(kinds(h)).toEqual(['order']);
  });

  test("a key's counters out of order (with increasing sequence numbers) is reported", () => {
    const log = [rec('a', 1, '100'), rec('b', 0, '101'), rec('a', 0, '102')];
    const h = history({ 1: { [S0]: log }, 2: { [S0]: log }, 3: { [S0]: log } }, []);
    expect(kinds(h)).toEqual(['key-order']);
  });

  test('divergent replicas (same length, different record at one position) are reported', () => {
    const other = [s0[0]!, s0[1]!, s0[2]!, rec('d', 0, '110')];
    const v = checkDurability(history({ 3: { [S0]: other } }));
    expect(v).toEqual([
      {
        kind: 'divergent',
        message: `${S0}: replica 3 differs from replica 1 at position 3 (d#0@110 vs a#2@110; lengths 4 vs 4)`,
      },
    ]);
  });

  test('a replica that lags (a prefix) is divergent', () => {
    expect(kinds(history({ 2: { [S1]: s1.slice(0, 1) } }))).toEqual(['divergent', 'missing']);
  });

  test('a record never sent is reported', () => {
    const log = [...s1, rec('zz', 7, '300')];
    expect(kinds(history({ 1: { [S1]: log }, 2: { [S1]: log }, 3: { [S1]: log } }))).toEqual(['unknown']);
  });

  test('an acked record served at another sequence number is reported as misplaced', () => {
    const acked = [ack(S1, rec('c', 0, '200')), ack(S1, rec('c', 1, '999'))];
    const v = checkDurability(history({}, acked));
    expect(v.map((x) => x.kind)).toEqual(['misplaced', 'misplaced', 'misplaced']);
    expect(v[0]!.message).toBe(`replica 1: acked c#1 as ${S1}@999 but served at ${S1}@201`);
  });

  test('a mid-run read that is a prefix of the final log is fine; one that is not is uncommitted data', () => {
    const final = history().replicas;
    const prefix = new Map([[2, new Map([[S0, s0.slice(0, 2)]])]]);
    expect(checkSnapshots([prefix], final, [S0, S1])).toEqual([]);
    const replaced = new Map([[3, new Map([[S0, [s0[0]!, rec('zz', 0, '101')]]])]]);
    expect(checkSnapshots([prefix, replaced], final, [S0, S1])).toEqual([
      {
        kind: 'uncommitted',
        message: `snapshot 1: replica 3 ${S0} position 1 served zz#0@101 but the final log holds b#0@101`,
      },
    ]);
  });

  test('many violations of one kind are capped and summarized', () => {
    const acked = Array.from({ length: 50 }, (_, i) => ack(S0, rec('x', i, String(1000 + i))));
    const v = checkDurability(history({}, acked));
    expect(v).toHaveLength(21);
    expect(v[20]!.message).toBe('... and 130 more missing violations');
  });
});
