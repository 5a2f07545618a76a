// The node-to-node Raft transport: one long-lived gRPC bidirectional stream
// per node pair carries the messages of every group, batched.
//
// - send(groupId, msg) queues the message for its peer (bounded, by count
//   and bytes; dropped and counted past the bounds, as Raft tolerates loss).
//   Every peer with queued messages is flushed once, right after the group
//   drivers' passes of the event-loop turn (storage's eventTurn), so all
//   that the node's groups produced in one turn goes to a peer in one stream
//   write (a RaftBatch), with idle groups' heartbeats in the compact
//   coalesced form.
// - The node with the lower id opens the pair's stream (PeerDialer) and
//   redials with jittered backoff; the higher one accepts it (handleExchange),
//   and both send on it. The first frame each way is a hello, checked.
// - When a stream breaks, or messages are dropped, onUnreachable(peer,
//   groups) tells the driver which groups should reportUnreachable.
// - Received messages are checked one by one and handed to `handler`.
// - Peers may change at run time (cluster mode learns brokers' addresses
//   from the metadata): setPeers(list) reconciles the learned peers with a
//   list, addPeer/removePeer change one. The peers given at construction are
//   pinned: setPeers may re-address them but never removes them (a
//   controller voter must stay reachable before it appears in the metadata).
//
// See docs/transport.md for the rules and the figures.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import { type Message, NETWORK_MESSAGE_TYPES } from '@rheo/raft';
import { eventTurn } from '@rheo/storage';
import { errorDetailToMetadata, type pb } from '@rheo/wire';
import type { Tracer } from '../log/logger.js';
import { raiseServerWindow } from './flow-window.js';
import { frameMessageBytesMax } from './frame-size.js';
import { checkHello, helloBatch } from './hello.js';
import { PeerDialer } from './peer-dialer.js';
import { PeerLink, type PeerStream } from './peer-link.js';
import { decodeBatch, encodeBatch, rawRaftTransportService } from './raw-service.js';
import { deliverBatch } from './receive.js';
import {
  type DropReason,
  emptyDrops,
  type RaftTransportOptions,
  type TransportPeer,
  type TransportStats,
} from './transport-types.js';

const MiB = 1024 * 1024;
export const transportDefaults = Object.freeze({
  peerQueueBytesMax: 128 * MiB,
  peerQueueMessagesMax: 100_000,
  // About one 500-record client batch per write: larger frames cost big-buffer churn and pipeline worse (bench).
  batchBytesMax: 1 * MiB,
  backoff: Object.freeze({ initialMs: 100, maxMs: 5_000 }),
  helloTimeoutMs: 5_000,
});

type ServerCall = grpc.ServerDuplexStream<Buffer, Buffer>;
type PeerOrigin = 'pinned' | 'learned' | 'unannounced';

export class RaftTransport {
  readonly incarnation = randomUUID();
  private readonly links = new Map<number, PeerLink>();
  /** Where each peer came from: construction (pinned), setPeers/addPeer, or a stream it opened unannounced. */
  private readonly origins = new Map<number, PeerOrigin>();
  private readonly dialers = new Map<number, PeerDialer>();
  private readonly pendingCalls = new Set<ServerCall>();
  private dirty = new Set<PeerLink>();
  private flushScheduled = false;
  private closed = false;
  private readonly drops = emptyDrops();
  private refused = 0;
  private windowWarned = false;
  private readonly tracer: Tracer;
  private readonly bounds;

  constructor(private readonly options: RaftTransportOptions) {
    const batchBytesMax = options.batchBytesMax ?? transportDefaults.batchBytesMax;
    assert(
      batchBytesMax <= frameMessageBytesMax,
      `batchBytesMax ${batchBytesMax} is over the frame bound ${frameMessageBytesMax}`,
    );
    this.bounds = {
      messagesMax: options.peerQueueMessagesMax ?? transportDefaults.peerQueueMessagesMax,
      bytesMax: options.peerQueueBytesMax ?? transportDefaults.peerQueueBytesMax,
      batchBytesMax,
    };
    this.tracer = options.tracer ?? { enabled: false, log: () => {} };
    for (const p of options.peers) this.addPeer(p, 'pinned');
  }

  get nodeId(): number {
    return this.options.nodeId;
  }

  /**
   * Adds (or re-addresses) a peer; dials it now if this node opens the pair's
   * stream. A new address for a peer this node dials drops the old stream,
   * its queue and its counters, and dials the new address. A peer that dials
   * this node (a lower id) keeps its stream: the address is only recorded,
   * as the peer's new process will dial in by itself.
   */
  addPeer(peer: TransportPeer, origin: 'pinned' | 'learned' = 'learned'): void {
    assert(!this.closed, 'the transport is closed');
    assert(Number.isSafeInteger(peer.id) && peer.id > 0, `peer id ${peer.id} is not a positive integer`);
    if (peer.id === this.options.nodeId) return;
    const existing = this.links.get(peer.id);
    const opener = this.options.nodeId < peer.id;
    if (existing !== undefined) {
      if (this.origins.get(peer.id) !== 'pinned') this.origins.set(peer.id, origin);
      if (existing.address === peer.address) return;
      if (!opener) {
        this.log('info', 'raft transport: peer re-addressed', { peer: peer.id, address: peer.address });
        existing.address = peer.address;
        return;
      }
      this.log('info', 'raft transport: peer re-addressed; redialling', {
        peer: peer.id,
        from: existing.address,
        address: peer.address,
      });
      this.dropLink(peer.id);
    } else this.origins.set(peer.id, origin);
    const link = new PeerLink(peer.id, peer.address, this.bounds, (l) => this.wake(l), !opener);
    this.links.set(peer.id, link);
    if (opener) {
      const dialer = new PeerDialer(link, this.dialerContext());
      this.dialers.set(peer.id, dialer);
      dialer.start();
    }
  }

  /** Forgets a peer: ends its stream and drops what is queued for it (pinned peers too). */
  removePeer(peerId: number): void {
    this.dropLink(peerId);
    this.origins.delete(peerId);
  }

  /**
   * Makes the learned peers exactly `peers` (this node's own id is skipped):
   * new ids are added, changed addresses re-addressed (see addPeer), and
   * learned peers missing from the list removed. Pinned peers and peers
   * that dialled in unannounced are never removed here; they are
   * re-addressed when the list names them.
   */
  setPeers(peers: readonly TransportPeer[]): void {
    if (this.closed) return;
    const listed = new Set<number>();
    for (const p of peers) {
      listed.add(p.id);
      this.addPeer(p);
    }
    for (const [id, origin] of [...this.origins]) {
      if (origin === 'learned' && !listed.has(id)) this.removePeer(id);
    }
  }

  /** The peers known now, by id (pinned, learned, and those that dialled in unannounced, whose address is ''). */
  peers(): TransportPeer[] {
    return [...this.links.values()].map((l) => ({ id: l.id, address: l.address }));
  }

  private dropLink(peerId: number): void {
    const link = this.links.get(peerId);
    if (link === undefined) return;
    this.dialers.get(peerId)?.stop();
    this.dialers.delete(peerId);
    const stream = link.stream;
    if (stream !== null) {
      link.detach(stream);
      stream.close();
    }
    link.discardQueue('closed');
    this.links.delete(peerId);
    this.dirty.delete(link);
  }

  /** Queues `msg` for `msg.to`; it leaves with everything else for that peer on the next turn. */
  send(groupId: number, msg: Message): void {
    assert(Number.isSafeInteger(groupId) && groupId > 0, `group id ${groupId} is not a positive integer`);
    assert(
      msg.from === this.options.nodeId,
      `message from ${msg.from} sent through node ${this.options.nodeId}'s transport`,
    );
    assert(
      NETWORK_MESSAGE_TYPES.has(msg.type),
      `message type ${msg.type} is local to a node and never travels`,
    );
    if (this.closed) {
      this.countDrop('closed', 1);
      return;
    }
    const link = this.links.get(msg.to);
    if (link === undefined) {
      this.countDrop('unknown-peer', 1);
      this.reportUnreachable(msg.to, [groupId]);
      return;
    }
    link.enqueue(groupId, msg);
  }

  /** Counters: per peer, and drops not tied to a peer. */
  stats(): TransportStats {
    return {
      peers: [...this.links.values()].map((l) => l.snapshotStats()),
      drops: { ...this.drops },
      refused: this.refused,
    };
  }

  /** Registers the RaftTransport service (Exchange) on the node's gRPC server. */
  register(server: grpc.Server): void {
    server.addService(rawRaftTransportService(), {
      Exchange: (call: ServerCall) => this.handleExchange(call),
    });
  }

  /** Stops dialing, ends every stream and drops what is queued. The gRPC server is the caller's. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const id of [...this.links.keys()]) this.removePeer(id);
    for (const call of this.pendingCalls) call.end();
    this.pendingCalls.clear();
  }

  private wake(link: PeerLink): void {
    this.dirty.add(link);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    eventTurn.afterWork(() => this.flushAll());
  }

  private flushAll(): void {
    this.flushScheduled = false;
    const dirty = this.dirty;
    this.dirty = new Set();
    for (const link of dirty) {
      const before = this.tracer.enabled ? link.stats.batchesSent : 0;
      link.flush();
      if (this.tracer.enabled && link.stats.batchesSent > before) {
        const s = link.stats;
        this.tracer.log('flushed', {
          peer: link.id,
          batches: s.batchesSent - before,
          queued: link.queue.length,
          sentTotal: s.messagesSent,
        });
      }
      const groups = link.takeUnreachable();
      if (groups.length > 0 && !this.closed) this.reportUnreachable(link.id, groups);
    }
  }

  private reportUnreachable(peerId: number, groups: readonly number[]): void {
    try {
      this.options.onUnreachable?.(peerId, groups);
    } catch (err) {
      this.log('warn', 'raft transport: onUnreachable threw', { peer: peerId, err });
    }
  }

  private countDrop(reason: DropReason, count: number, link?: PeerLink): void {
    if (link !== undefined) link.drop(reason, count);
    else this.drops[reason] += count;
  }

  private log(level: 'info' | 'warn', msg: string, fields: Record<string, unknown>): void {
    this.options.log?.(level, msg, fields);
  }

  private dialerContext() {
    return {
      backoff: this.options.backoff ?? transportDefaults.backoff,
      helloTimeoutMs: this.options.helloTimeoutMs ?? transportDefaults.helloTimeoutMs,
      ...(this.options.credentials === undefined ? {} : { credentials: this.options.credentials }),
      random: this.options.random ?? Math.random,
      helloFrame: (peerId: number) =>
        encodeBatch(helloBatch(this.options.clusterId, this.options.nodeId, peerId, this.incarnation)),
      acceptFirstFrame: (link: PeerLink, frame: Buffer, stream: PeerStream) =>
        this.acceptFirstFrame(link.id, frame, stream) instanceof PeerLink,
      receive: (link: PeerLink, frame: Buffer) => this.receive(link, frame),
      log: (level: 'info' | 'warn', msg: string, fields: Record<string, unknown>) =>
        this.log(level, msg, fields),
    };
  }

  /**
   * Checks a stream's first frame (the peer's hello) and attaches the stream
   * to the peer's link; `expectedPeer` is set on the opening side. Returns
   * the link, or why the stream is refused (counted and logged).
   */
  private acceptFirstFrame(
    expectedPeer: number | undefined,
    frame: Buffer,
    stream: PeerStream,
  ): PeerLink | { field: string; message: string } {
    let batch: pb.RaftBatch__Output;
    try {
      batch = decodeBatch(frame);
    } catch (err) {
      return this.refuse(
        expectedPeer,
        'hello',
        `the first frame does not decode (${(err as Error).message})`,
      );
    }
    const check = checkHello(batch.hello, {
      clusterId: this.options.clusterId,
      selfId: this.options.nodeId,
      ...(expectedPeer === undefined ? {} : { fromNodeId: expectedPeer }),
      isPeer: (id) => this.links.has(id) || this.options.acceptUnknownPeers === true,
    });
    if (!check.ok) return this.refuse(expectedPeer, check.field, check.message);
    const link = this.links.get(check.fromNodeId) ?? this.acceptUnannounced(check.fromNodeId);
    if (link.incarnation !== '' && link.incarnation !== check.incarnation) {
      this.log('info', 'raft transport: peer restarted', { peer: link.id, incarnation: check.incarnation });
    }
    link.attach(stream, check.incarnation);
    this.log('info', 'raft transport: peer stream up', { peer: link.id, address: link.address });
    this.countReceived(link, frame.length);
    this.deliver(link, batch);
    return link;
  }

  /**
   * A lower-id node of this cluster dialled in before this node learned of
   * it (acceptUnknownPeers): it gets a link with no address, which is all an
   * accepting side needs; setPeers fills the address in when the metadata
   * names the node.
   */
  private acceptUnannounced(peerId: number): PeerLink {
    const link = new PeerLink(peerId, '', this.bounds, (l) => this.wake(l), true);
    this.links.set(peerId, link);
    this.origins.set(peerId, 'unannounced');
    this.log('info', 'raft transport: stream from a node not yet known accepted', { peer: peerId });
    return link;
  }

  private refuse(
    peer: number | undefined,
    field: string,
    message: string,
  ): { field: string; message: string } {
    this.refused++;
    this.log('warn', 'raft transport: stream refused', { peer, field, error: message });
    return { field, message };
  }

  private handleExchange(call: ServerCall): void {
    if (this.closed) {
      call.emit('error', { code: grpc.status.UNAVAILABLE, details: 'the node is shutting down' });
      return;
    }
    this.pendingCalls.add(call);
    if (!raiseServerWindow(call) && !this.windowWarned) {
      this.windowWarned = true;
      this.log(
        'warn',
        'raft transport: cannot raise the HTTP/2 receive window (grpc-js internals changed?)',
        {},
      );
    }
    let link: PeerLink | undefined;
    const stream: PeerStream = {
      write: (frame) => call.write(frame),
      onceDrain: (cb) => call.once('drain', cb),
      close: () => call.end(),
    };
    const helloTimeoutMs = this.options.helloTimeoutMs ?? transportDefaults.helloTimeoutMs;
    const helloTimer = setTimeout(() => this.refuseCall(call, 'hello', 'no hello in time'), helloTimeoutMs);
    helloTimer.unref();
    const gone = (): void => {
      clearTimeout(helloTimer);
      this.pendingCalls.delete(call);
      if (link?.detach(stream)) this.log('info', 'raft transport: peer stream down', { peer: link.id });
    };
    let refused = false;
    call.on('data', (frame: Buffer) => {
      if (link !== undefined) return this.receive(link, frame);
      if (refused) return; // frames the peer sent before it saw the refusal
      clearTimeout(helloTimer);
      const accepted = this.acceptFirstFrame(undefined, frame, stream);
      if (!(accepted instanceof PeerLink)) {
        refused = true;
        return this.refuseCall(call, accepted.field, accepted.message);
      }
      link = accepted;
      // Written now, in this turn: the link flushes on the next, so the hello goes first.
      call.write(
        encodeBatch(helloBatch(this.options.clusterId, this.options.nodeId, link.id, this.incarnation)),
      );
    });
    call.on('end', () => {
      gone();
      call.end();
    });
    call.on('error', gone);
    call.on('cancelled', gone);
    call.on('close', gone);
  }

  private refuseCall(call: ServerCall, field: string, message: string): void {
    this.pendingCalls.delete(call);
    const metadata = errorDetailToMetadata({ reason: 'InvalidArgument', message, field, retryable: false });
    call.emit('error', { code: grpc.status.INVALID_ARGUMENT, details: message, metadata });
  }

  private receive(link: PeerLink, frame: Buffer): void {
    let batch: pb.RaftBatch__Output;
    try {
      batch = decodeBatch(frame);
    } catch (err) {
      this.countReceived(link, frame.length);
      link.drop('malformed', 1);
      this.log('warn', 'raft transport: undecodable frame dropped', {
        peer: link.id,
        bytes: frame.length,
        err,
      });
      return;
    }
    this.countReceived(link, frame.length);
    this.deliver(link, batch);
  }

  private countReceived(link: PeerLink, bytes: number): void {
    link.stats.bytesReceived += bytes;
    link.stats.batchesReceived++;
  }

  private deliver(link: PeerLink, batch: pb.RaftBatch__Output): void {
    const delivered = deliverBatch(batch, {
      selfId: this.options.nodeId,
      peerId: link.id,
      hasGroup: this.options.hasGroup,
      handler: this.options.handler,
      drop: (reason, count, detail) => {
        link.drop(reason, count);
        if (this.tracer.enabled)
          this.tracer.log('dropped received message', { peer: link.id, reason, detail });
      },
    });
    link.stats.messagesReceived += delivered;
    if (this.tracer.enabled) {
      this.tracer.log('received batch', { peer: link.id, messages: batch.messages?.length ?? 0, delivered });
    }
  }
}
