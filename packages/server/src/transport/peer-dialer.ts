// The opening side of a node pair's stream (this node has the lower id):
// dials the peer, sends its hello, waits for the peer's hello and checks it,
// then hands the stream to the peer's link. When the stream fails or ends
// it redials after a jittered backoff, for as long as the transport runs.
//
// Each attempt uses a fresh client with a local subchannel pool, so a
// restarted peer is dialled anew at once instead of after grpc-js's own
// reconnect backoff of the old channel.
import type * as grpc from '@grpc/grpc-js';
import { errorDetailFromMetadata, grpcChannelOptions } from '@rheo/wire';
import { type BackoffOptions, backoffDelayMs } from './backoff.js';
import { flowWindowBytes } from './flow-window.js';
import type { PeerLink, PeerStream } from './peer-link.js';
import { type RawExchangeCall, type RawRaftTransportClient, rawRaftTransportClient } from './raw-service.js';

/** What a dialer needs from its transport. */
export interface DialerContext {
  readonly backoff: BackoffOptions;
  readonly helloTimeoutMs: number;
  /** TLS credentials for the peer's channel; plaintext when left out. */
  readonly credentials?: grpc.ChannelCredentials;
  readonly random: () => number;
  /** The encoded hello frame for `peerId`. */
  helloFrame(peerId: number): Buffer;
  /** Checks the peer's first frame; on success the stream is attached and the frame's messages delivered. */
  acceptFirstFrame(link: PeerLink, frame: Buffer, stream: PeerStream): boolean;
  receive(link: PeerLink, frame: Buffer): void;
  log(level: 'info' | 'warn', msg: string, fields: Record<string, unknown>): void;
}

/** Keepalive finds a peer that vanished without closing its connection (power loss, partition). */
const channelOptions: grpc.ChannelOptions = {
  ...grpcChannelOptions,
  'grpc.keepalive_time_ms': 10_000,
  'grpc.keepalive_timeout_ms': 5_000,
  'grpc.keepalive_permit_without_calls': 1,
  'grpc.use_local_subchannel_pool': 1,
  'grpc-node.flow_control_window': flowWindowBytes,
};

export class PeerDialer {
  private attempt = 0;
  private timer: NodeJS.Timeout | undefined;
  private client: RawRaftTransportClient | undefined;
  private call: RawExchangeCall | undefined;
  private stopped = false;

  constructor(
    private readonly link: PeerLink,
    private readonly ctx: DialerContext,
  ) {}

  start(): void {
    if (!this.stopped && this.client === undefined && this.timer === undefined) this.connect();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.call?.cancel();
    this.client?.close();
  }

  private connect(): void {
    this.timer = undefined;
    if (this.stopped) return;
    const client = rawRaftTransportClient(this.link.address, channelOptions, this.ctx.credentials);
    const call = client.Exchange();
    this.client = client;
    this.call = call;
    const stream: PeerStream = {
      write: (frame) => call.write(frame),
      onceDrain: (cb) => call.once('drain', cb),
      close: () => call.cancel(),
    };
    let attached = false;
    let done = false;
    const fail = (why: string, err?: unknown): void => {
      if (done) return;
      done = true;
      clearTimeout(helloTimer);
      if (attached) this.link.detach(stream);
      else this.link.markDown();
      call.cancel();
      client.close();
      if (this.client === client) [this.client, this.call] = [undefined, undefined];
      this.retry(why, err);
    };
    const helloTimer = setTimeout(() => fail('no hello from the peer in time'), this.ctx.helloTimeoutMs);
    helloTimer.unref();
    call.on('data', (frame: Buffer) => {
      if (done) return;
      if (attached) return this.ctx.receive(this.link, frame);
      clearTimeout(helloTimer);
      if (!this.ctx.acceptFirstFrame(this.link, frame, stream))
        return fail('the peer is not the node configured');
      attached = true;
      this.attempt = 0;
    });
    call.on('error', (err) => fail('stream failed', err));
    call.on('end', () => fail('stream ended by the peer'));
    call.write(this.ctx.helloFrame(this.link.id));
  }

  private retry(why: string, err: unknown): void {
    if (this.stopped) return;
    const delayMs = backoffDelayMs(this.attempt++, this.ctx.backoff, this.ctx.random);
    const e = err as (Partial<grpc.StatusObject> & Error) | undefined;
    const detail = errorDetailFromMetadata(e?.metadata);
    this.ctx.log(this.attempt > 1 ? 'info' : 'warn', 'raft transport: peer stream down', {
      peer: this.link.id,
      address: this.link.address,
      why,
      code: e?.code,
      error: detail?.message ?? e?.details,
      retryInMs: delayMs,
    });
    this.timer = setTimeout(() => this.connect(), delayMs);
    this.timer.unref();
  }
}
