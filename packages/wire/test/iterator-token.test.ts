// Proves shard iterator tokens carry their claims (stream, its creation time,
// shard, position, issue time) intact (fast-check round
// trip over every position kind), stay valid up to the TTL and expire one ms
// after it, and that decoding tells apart the three failures: malformed
// input and a tampered token (any flipped bit, or another cluster's secret)
// are InvalidArgument with different messages; an old token is
// ExpiredIterator. No clock is read: `nowMs` is passed in.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  decodeIteratorToken,
  encodeIteratorToken,
  type IteratorClaims,
  type IteratorPosition,
} from '../src/iterator-token.js';
import { iteratorTtlMs } from '../src/limits.js';
import { sequenceBaseMax, sequenceNumber } from '../src/sequence-number.js';

const secret = Buffer.from('0123456789abcdef0123456789abcdef');
const otherSecret = Buffer.from('fedcba9876543210fedcba9876543210');

const positionArb: fc.Arbitrary<IteratorPosition> = fc.oneof(
  fc.constantFrom<IteratorPosition>({ kind: 'TRIM_HORIZON' }, { kind: 'LATEST' }),
  fc
    .record({
      kind: fc.constantFrom('AT_SEQUENCE_NUMBER' as const, 'AFTER_SEQUENCE_NUMBER' as const),
      base: fc.bigInt({ min: 0n, max: sequenceBaseMax }),
      index: fc.integer({ min: 0, max: 2 ** 48 - 1 }),
      position: fc.integer({ min: 0, max: 16_383 }),
    })
    .map(({ kind, base, index, position }) => ({
      kind,
      sequenceNumber: sequenceNumber(base, index, position),
    })),
  fc
    .integer({ min: 0, max: Number.MAX_SAFE_INTEGER })
    .map((timestampMs) => ({ kind: 'AT_TIMESTAMP' as const, timestampMs })),
);

const claimsArb: fc.Arbitrary<IteratorClaims> = fc.record({
  streamName: fc.stringMatching(/^[a-zA-Z0-9_.-]{1,128}$/),
  streamCreatedMs: fc.integer({ min: 0, max: 2 ** 50 }),
  shardId: fc.stringMatching(/^shardId-[0-9]{12}$/),
  position: positionArb,
  issuedMs: fc.integer({ min: 0, max: 2 ** 50 }),
});

describe('iterator tokens', () => {
  test('round trip within the TTL, base64url, under Kinesis`s 512-character limit', () => {
    fc.assert(
      fc.property(claimsArb, fc.integer({ min: 0, max: iteratorTtlMs }), (claims, ageMs) => {
        const token = encodeIteratorToken(claims, secret);
        expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
        expect(token.length).toBeLessThanOrEqual(512);
        expect(decodeIteratorToken(token, secret, claims.issuedMs + ageMs)).toEqual({ ok: true, claims });
      }),
      { numRuns: 200 },
    );
  });

  const claims: IteratorClaims = {
    streamName: 'orders',
    streamCreatedMs: 1_600_000_000_000,
    shardId: 'shardId-000000000003',
    position: { kind: 'AFTER_SEQUENCE_NUMBER', sequenceNumber: sequenceNumber(1n, 99, 4) },
    issuedMs: 1_700_000_000_000,
  };
  const token = encodeIteratorToken(claims, secret);

  test('valid at exactly the TTL, expired one ms later', () => {
    expect(decodeIteratorToken(token, secret, claims.issuedMs + iteratorTtlMs).ok).toBe(true);
    const late = decodeIteratorToken(token, secret, claims.issuedMs + iteratorTtlMs + 1);
    expect(late.ok).toBe(false);
    if (late.ok) return;
    expect(late.problem).toBe('expired');
    expect(late.error.code).toBe('ExpiredIterator');
    expect(late.error.kinesisName).toBe('ExpiredIteratorException');
    expect(late.error.message).toMatch(/Iterator expired/);
  });

  test('a token signed without the stream`s creation time decodes with 0 there', () => {
    const { streamCreatedMs: _, ...withoutCreation } = claims;
    const result = decodeIteratorToken(encodeIteratorToken(withoutCreation, secret), secret, claims.issuedMs);
    expect(result).toEqual({ ok: true, claims: { ...withoutCreation, streamCreatedMs: 0 } });
  });

  test('the TTL is a parameter', () => {
    expect(decodeIteratorToken(token, secret, claims.issuedMs + 1001, 1000).ok).toBe(false);
    expect(decodeIteratorToken(token, secret, claims.issuedMs + 1000, 1000).ok).toBe(true);
  });

  test('any flipped bit is tampered or malformed, never accepted', () => {
    const bytes = Buffer.from(token, 'base64url');
    for (let bit = 0; bit < bytes.length * 8; bit++) {
      const damaged = Buffer.from(bytes);
      damaged[bit >> 3]! ^= 1 << (bit & 7);
      const result = decodeIteratorToken(damaged.toString('base64url'), secret, claims.issuedMs);
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(['tampered', 'malformed']).toContain(result.problem);
      expect(result.error.code).toBe('InvalidArgument');
      // Only the version byte is read before the signature check.
      if (bit >= 8) expect(result.problem).toBe('tampered');
    }
  });

  test('another cluster`s secret reads as tampered, with its own message', () => {
    const result = decodeIteratorToken(token, otherSecret, claims.issuedMs);
    expect(result).toMatchObject({ ok: false, problem: 'tampered' });
    if (!result.ok) expect(result.error.message).toMatch(/signature does not match/);
  });

  test('a tampered token that is also old is tampered, not expired', () => {
    const result = decodeIteratorToken(token, otherSecret, claims.issuedMs + 10 * iteratorTtlMs);
    expect(result).toMatchObject({ ok: false, problem: 'tampered' });
  });

  test.each(['', 'not base64!', '====', 'AAAA', 'a'.repeat(2000), token.slice(0, 20)])(
    '%j is malformed',
    (text) => {
      const result = decodeIteratorToken(text, secret, claims.issuedMs);
      expect(result).toMatchObject({ ok: false, problem: 'malformed' });
      if (!result.ok) {
        expect(result.error.code).toBe('InvalidArgument');
        expect(result.error.message).toMatch(/Invalid ShardIterator: not a shard iterator/);
      }
    },
  );

  test('random strings never decode and never throw', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        expect(decodeIteratorToken(text, secret, 0).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  test('a short secret is a programmer error', () => {
    expect(() => encodeIteratorToken(claims, Buffer.alloc(8))).toThrow(/secret/);
  });
});
