// RheoClient's options: one typed shape, defaults written out, unknown keys
// refused (a misspelled option should fail loudly, not be ignored), result
// frozen.
import assert from 'node:assert/strict';
import { defaultRetryPolicy, type RetryPolicy } from './backoff.js';
import { parseEndpoints } from './endpoints.js';
import { type ChannelCredentials, credentials } from './grpc.js';

export interface RheoClientOptions {
  /** Seed nodes, `host:port` (an array, or one comma-separated string). Any node answers the shard map. */
  readonly endpoints: readonly string[] | string;
  /** Channel credentials; insecure by default. Pass `credentials.createSsl(...)` for TLS, or use `tls`. */
  readonly credentials?: ChannelCredentials;
  /**
   * TLS from PEM contents (not paths): `ca` verifies the nodes (the system roots
   * when left out), `cert` and `key` (both or neither) are this client's own
   * certificate for clusters that require one. Not together with `credentials`.
   */
  readonly tls?: ClientTlsOptions;
  /** Extra gRPC channel options (keepalive, `grpc.ssl_target_name_override`, ...). */
  readonly channelOptions?: Readonly<Record<string, string | number>>;
  /** Deadline of one unary call attempt. */
  readonly callDeadlineMs?: number;
  /** Bounds of the retry loop around a call (attempts, total time, backoff). */
  readonly retry?: Partial<RetryPolicy>;
  /** Bound on cached node channels. */
  readonly nodesMax?: number;
  /** Least time between two shard-map fetches for one stream (a storm of NotLeader answers fetches once). */
  readonly shardMapRefreshIntervalMinMs?: number;
  /** Randomness for jitter (injected for tests). */
  readonly random?: () => number;
  /** Clock, ms (injected for tests). */
  readonly now?: () => number;
}

export interface ClientTlsOptions {
  readonly ca?: string | Buffer;
  readonly cert?: string | Buffer;
  readonly key?: string | Buffer;
}

export interface ResolvedClientOptions {
  readonly endpoints: readonly string[];
  readonly credentials: ChannelCredentials;
  readonly channelOptions: Readonly<Record<string, string | number>>;
  readonly callDeadlineMs: number;
  readonly retry: RetryPolicy;
  readonly nodesMax: number;
  readonly shardMapRefreshIntervalMinMs: number;
  readonly random: () => number;
  readonly now: () => number;
}

const optionKeys: ReadonlySet<string> = new Set([
  'endpoints',
  'credentials',
  'tls',
  'channelOptions',
  'callDeadlineMs',
  'retry',
  'nodesMax',
  'shardMapRefreshIntervalMinMs',
  'random',
  'now',
]);
const retryKeys: ReadonlySet<string> = new Set(Object.keys(defaultRetryPolicy));

/** Refuses keys `allowed` does not hold (a typo in an options object is a programmer error). */
export function refuseUnknownKeys(what: string, value: object, allowed: ReadonlySet<string>): void {
  for (const key of Object.keys(value)) {
    assert.ok(allowed.has(key), `unknown ${what} option "${key}" (known: ${[...allowed].join(', ')})`);
  }
}

function positive(name: string, value: number): number {
  assert.ok(Number.isFinite(value) && value > 0, `${name} must be a positive number, got ${value}`);
  return value;
}

const tlsKeys: ReadonlySet<string> = new Set(['ca', 'cert', 'key']);

const pem = (v: string | Buffer | undefined): Buffer | null =>
  v === undefined ? null : Buffer.isBuffer(v) ? v : Buffer.from(v);

/** `credentials`, else TLS from `tls`, else plaintext. */
function channelCredentials(options: RheoClientOptions): ChannelCredentials {
  const tls = options.tls;
  if (tls === undefined) return options.credentials ?? credentials.createInsecure();
  assert.ok(options.credentials === undefined, 'pass credentials or tls, not both');
  refuseUnknownKeys('tls', tls, tlsKeys);
  assert.ok((tls.cert === undefined) === (tls.key === undefined), 'tls.cert and tls.key go together');
  return credentials.createSsl(pem(tls.ca), pem(tls.key), pem(tls.cert));
}

export function resolveClientOptions(options: RheoClientOptions): ResolvedClientOptions {
  refuseUnknownKeys('RheoClient', options, optionKeys);
  refuseUnknownKeys('retry', options.retry ?? {}, retryKeys);
  const endpoints = typeof options.endpoints === 'string' ? [options.endpoints] : options.endpoints;
  const retry = Object.freeze({ ...defaultRetryPolicy, ...options.retry });
  positive('retry.attemptsMax', retry.attemptsMax);
  positive('retry.totalMs', retry.totalMs);
  return Object.freeze({
    endpoints: Object.freeze(parseEndpoints(endpoints)),
    credentials: channelCredentials(options),
    channelOptions: Object.freeze({ ...options.channelOptions }),
    callDeadlineMs: positive('callDeadlineMs', options.callDeadlineMs ?? 10_000),
    retry,
    nodesMax: positive('nodesMax', options.nodesMax ?? 256),
    shardMapRefreshIntervalMinMs: options.shardMapRefreshIntervalMinMs ?? 50,
    random: options.random ?? Math.random,
    now: options.now ?? Date.now,
  });
}
