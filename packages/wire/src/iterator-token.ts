// Shard iterator tokens: what GetShardIterator hands out and GetRecords takes
// back. The token carries its own state (stream, shard, position, issue
// time), so any node can serve it without a lookup, and an HMAC-SHA256 with
// the cluster secret, so a client can neither forge nor edit one. Decoding
// tells apart the three ways a token fails, because Kinesis answers them
// differently: malformed and tampered are InvalidArgument (with different
// messages), expired is ExpiredIterator.
//
// Token = base64url(payload || HMAC-SHA256(secret, payload)), payload:
//   u8 version = 1 | u8 kind | u64 issuedMs | u64 streamCreatedMs | varint+UTF-8 stream name |
//   varint+UTF-8 shard id | position value (u128 sequence number minus
//   sequenceNumberOffset for the sequence kinds, u64 ms for AT_TIMESTAMP,
//   nothing otherwise)
import assert from 'node:assert/strict';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { readU53, readU128, writeU53, writeU128 } from './batch-format.js';
import { RheoError } from './errors.js';
import { iteratorTtlMs } from './limits.js';
import { isSequenceNumber, sequenceNumberOffset } from './sequence-number.js';
import { type ReadPosition, readVarint, varintSize, writeVarint } from './varint.js';

export type IteratorPosition =
  | { readonly kind: 'TRIM_HORIZON' | 'LATEST' }
  | { readonly kind: 'AT_SEQUENCE_NUMBER' | 'AFTER_SEQUENCE_NUMBER'; readonly sequenceNumber: bigint }
  | { readonly kind: 'AT_TIMESTAMP'; readonly timestampMs: number };

export interface IteratorClaims {
  readonly streamName: string;
  /**
   * When the stream was created (ms). A stream deleted and created again under
   * the same name reuses its shard ids; this tells the broker a token belongs
   * to the old stream, so it answers ResourceNotFound instead of reading the new one.
   * Optional when signing (0, "not checked"); always present once decoded.
   */
  readonly streamCreatedMs?: number;
  readonly shardId: string;
  readonly position: IteratorPosition;
  /** When the token was issued, ms since the Unix epoch (the caller's clock). */
  readonly issuedMs: number;
}

export type IteratorProblem = 'malformed' | 'tampered' | 'expired';

export type IteratorDecodeResult =
  | { readonly ok: true; readonly claims: IteratorClaims }
  | { readonly ok: false; readonly problem: IteratorProblem; readonly error: RheoError };

const tokenVersion = 1;
/** Version, kind, issue time and stream creation time, before the names. */
const fixedBytes = 18;
const macBytes = 32;
const nameBytesMax = 255;
/** Secrets shorter than this are too weak for HMAC-SHA256 to mean much. */
export const iteratorSecretBytesMin = 16;
/** Far above any token encodeIteratorToken makes; longer input is refused unread. */
const tokenCharsMax = 1024;
// Kind codes match the ShardIteratorType enum numbers in proto/rheo/v1/common.proto.
const kindCodes = {
  AT_SEQUENCE_NUMBER: 1,
  AFTER_SEQUENCE_NUMBER: 2,
  TRIM_HORIZON: 3,
  LATEST: 4,
  AT_TIMESTAMP: 5,
} as const;
const kindNames = [
  '',
  'AT_SEQUENCE_NUMBER',
  'AFTER_SEQUENCE_NUMBER',
  'TRIM_HORIZON',
  'LATEST',
  'AT_TIMESTAMP',
];
const base64urlPattern = /^[A-Za-z0-9_-]+$/;

function mac(secret: Uint8Array, payload: Uint8Array): Buffer {
  return createHmac('sha256', secret).update(payload).digest();
}

/** Signs `claims` into an opaque token. */
export function encodeIteratorToken(claims: IteratorClaims, secret: Uint8Array): string {
  assert.ok(secret.length >= iteratorSecretBytesMin, 'iterator secret too short');
  assert.ok(Number.isSafeInteger(claims.issuedMs) && claims.issuedMs >= 0, 'issuedMs');
  const streamCreatedMs = claims.streamCreatedMs ?? 0;
  assert.ok(Number.isSafeInteger(streamCreatedMs) && streamCreatedMs >= 0, 'streamCreatedMs');
  const stream = Buffer.from(claims.streamName, 'utf8');
  const shard = Buffer.from(claims.shardId, 'utf8');
  assert.ok(stream.length <= nameBytesMax && shard.length <= nameBytesMax, 'name too long for a token');
  const position = claims.position;
  const valueBytes = position.kind === 'AT_TIMESTAMP' ? 8 : 'sequenceNumber' in position ? 16 : 0;
  const size =
    fixedBytes + varintSize(stream.length) + stream.length + varintSize(shard.length) + shard.length;
  const token = Buffer.alloc(size + valueBytes + macBytes);
  token[0] = tokenVersion;
  token[1] = kindCodes[position.kind];
  writeU53(token, 2, claims.issuedMs);
  writeU53(token, 10, streamCreatedMs);
  let pos = writeVarint(token, fixedBytes, stream.length);
  pos += stream.copy(token, pos);
  pos = writeVarint(token, pos, shard.length);
  pos += shard.copy(token, pos);
  if (position.kind === 'AT_TIMESTAMP') {
    assert.ok(Number.isSafeInteger(position.timestampMs) && position.timestampMs >= 0, 'timestampMs');
    writeU53(token, pos, position.timestampMs);
  } else if ('sequenceNumber' in position) {
    assert.ok(isSequenceNumber(position.sequenceNumber), 'not a Rheo sequence number');
    writeU128(token, pos, position.sequenceNumber - sequenceNumberOffset);
  }
  pos += valueBytes;
  mac(secret, token.subarray(0, pos)).copy(token, pos);
  return token.toString('base64url');
}

function failure(problem: IteratorProblem, error: RheoError): IteratorDecodeResult {
  return { ok: false, problem, error };
}

function malformed(detail: string): IteratorDecodeResult {
  return failure(
    'malformed',
    new RheoError('InvalidArgument', `Invalid ShardIterator: ${detail}`, { field: 'ShardIterator' }),
  );
}

/**
 * Verifies and reads a token at time `nowMs`. Order matters: the signature is
 * checked before anything inside is trusted, and expiry last, so an edited
 * token is reported as tampered, not as expired.
 */
export function decodeIteratorToken(
  token: string,
  secret: Uint8Array,
  nowMs: number,
  ttlMs: number = iteratorTtlMs,
): IteratorDecodeResult {
  if (token.length > tokenCharsMax || !base64urlPattern.test(token)) return malformed('not a shard iterator');
  const bytes = Buffer.from(token, 'base64url');
  if (bytes.length < fixedBytes + 2 + macBytes || bytes[0] !== tokenVersion)
    return malformed('not a shard iterator');
  const body = bytes.subarray(0, bytes.length - macBytes);
  if (!timingSafeEqual(mac(secret, body), bytes.subarray(bytes.length - macBytes))) {
    return failure(
      'tampered',
      new RheoError('InvalidArgument', 'Invalid ShardIterator: signature does not match', {
        field: 'ShardIterator',
      }),
    );
  }
  const claims = readClaims(body);
  if (claims === undefined) return malformed('unreadable contents');
  if (nowMs - claims.issuedMs > ttlMs) {
    return failure(
      'expired',
      new RheoError(
        'ExpiredIterator',
        `Iterator expired. The iterator was created at time ${claims.issuedMs} while right now it is ${nowMs} ` +
          `which is further in the future than the tolerated delay of ${ttlMs} milliseconds.`,
        { field: 'ShardIterator' },
      ),
    );
  }
  return { ok: true, claims };
}

function readName(body: Buffer, at: ReadPosition): string | undefined {
  const length = readVarint(body, at, body.length);
  if (length < 0 || at.pos + length > body.length) return undefined;
  const name = body.toString('utf8', at.pos, at.pos + length);
  at.pos += length;
  return name;
}

/** Reads the signed payload; undefined when it does not parse (a version this code does not know). */
function readClaims(body: Buffer): IteratorClaims | undefined {
  const kind = kindNames[body[1]!];
  const issuedMs = readU53(body, 2);
  const streamCreatedMs = readU53(body, 10);
  const at: ReadPosition = { pos: fixedBytes };
  const streamName = readName(body, at);
  const shardId = readName(body, at);
  if (!kind || issuedMs < 0 || streamCreatedMs < 0 || streamName === undefined || shardId === undefined) {
    return undefined;
  }
  const rest = body.length - at.pos;
  let position: IteratorPosition;
  if (kind === 'AT_TIMESTAMP') {
    if (rest !== 8 || readU53(body, at.pos) < 0) return undefined;
    position = { kind, timestampMs: readU53(body, at.pos) };
  } else if (kind === 'AT_SEQUENCE_NUMBER' || kind === 'AFTER_SEQUENCE_NUMBER') {
    if (rest !== 16) return undefined;
    position = { kind, sequenceNumber: readU128(body, at.pos) + sequenceNumberOffset };
  } else {
    if (rest !== 0) return undefined;
    position = { kind: kind as 'TRIM_HORIZON' | 'LATEST' };
  }
  return { streamName, streamCreatedMs, shardId, position, issuedMs };
}

/**
 * The stream and shard a token names, read WITHOUT checking its signature:
 * for routing only (the Kinesis gateway sends GetRecords to the shard's
 * leader, which verifies the token). Undefined when it does not parse.
 */
export function peekIteratorRoute(token: string): { streamName: string; shardId: string } | undefined {
  if (token.length > tokenCharsMax || !base64urlPattern.test(token)) return undefined;
  const bytes = Buffer.from(token, 'base64url');
  if (bytes.length < fixedBytes + 2 + macBytes || bytes[0] !== tokenVersion) return undefined;
  const body = bytes.subarray(0, bytes.length - macBytes);
  const at: ReadPosition = { pos: fixedBytes };
  const streamName = readName(body, at);
  const shardId = readName(body, at);
  return streamName === undefined || shardId === undefined ? undefined : { streamName, shardId };
}
