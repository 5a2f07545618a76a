// Paging tokens of ListStreams and ListShards (Kinesis's NextToken): the
// position and the request's fixed parts, signed with the cluster secret so
// a client cannot forge another position, and valid for five minutes, as
// Kinesis's (an older one is ExpiredNextToken).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { RheoError } from '@rheo/wire';

/** How long a token is valid (Kinesis: 300 seconds). */
export const nextTokenTtlMs = 300_000;
const MAC_BYTES = 16;

interface Envelope<T> {
  readonly k: string;
  readonly x: number;
  readonly p: T;
}

function mac(secret: Uint8Array, body: string): Buffer {
  return createHmac('sha256', secret).update(body).digest().subarray(0, MAC_BYTES);
}

/** A token of kind `kind` carrying `payload`, expiring nextTokenTtlMs after `nowMs`. */
export function encodeNextToken<T>(secret: Uint8Array, kind: string, payload: T, nowMs: number): string {
  const body = Buffer.from(JSON.stringify({ k: kind, x: nowMs + nextTokenTtlMs, p: payload })).toString(
    'base64url',
  );
  return `${body}.${mac(secret, body).toString('base64url')}`;
}

/** The payload of a token of `kind`; InvalidArgument when it is not one of ours, ExpiredNextToken when old. */
export function decodeNextToken<T>(
  secret: Uint8Array,
  kind: string,
  token: string,
  nowMs: number,
  field = 'next_token',
): T {
  const invalid = new RheoError(
    'InvalidArgument',
    `${field} is not a valid token (it comes from another call or was altered)`,
    {
      field,
    },
  );
  const [body, sig, extra] = token.split('.');
  if (body === undefined || sig === undefined || extra !== undefined) throw invalid;
  const want = mac(secret, body);
  const got = Buffer.from(sig, 'base64url');
  if (got.length !== want.length || !timingSafeEqual(got, want)) throw invalid;
  let env: Envelope<T>;
  try {
    env = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Envelope<T>;
  } catch {
    throw invalid;
  }
  if (env.k !== kind) throw invalid;
  if (nowMs > env.x)
    throw new RheoError('ExpiredNextToken', `${field} has expired (tokens are valid for 300 seconds)`, {
      field,
    });
  return env.p;
}
