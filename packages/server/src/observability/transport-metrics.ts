// The node-to-node Raft transport, per peer, pulled from RaftTransport.stats()
// at scrape time (its counters are plain numbers it keeps anyway).
import { Counter, Gauge, type Registry } from 'prom-client';
import type { RaftTransport } from '../transport/raft-transport.js';
import type { PeerStats } from '../transport/transport-types.js';
import { perScrape, setTotal } from './per-scrape.js';

export function registerTransportMetrics(registry: Registry, transport: RaftTransport): void {
  const stats = perScrape(() => transport.stats());
  const peerGauge = (name: string, help: string, read: (p: PeerStats) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ['peer'],
      registers: [registry],
      collect() {
        this.reset();
        for (const p of stats().peers) this.set({ peer: p.peerId }, read(p));
      },
    });
  const peerCounter = (name: string, help: string, read: (p: PeerStats) => number) =>
    new Counter({
      name,
      help,
      labelNames: ['peer'],
      registers: [registry],
      collect() {
        setTotal(
          this,
          stats().peers.map((p) => [{ peer: p.peerId }, read(p)] as const),
        );
      },
    });
  peerGauge('rheo_transport_peer_connected', '1 while the Raft stream to the peer is up.', (p) =>
    p.connected ? 1 : 0,
  );
  peerGauge(
    'rheo_transport_queued_bytes',
    'Bytes queued for the peer (upper bounds of encoded sizes).',
    (p) => p.queuedBytes,
  );
  peerGauge('rheo_transport_queued_messages', 'Raft messages queued for the peer.', (p) => p.queuedMessages);
  peerCounter(
    'rheo_transport_reconnects_total',
    'Streams to the peer established after the first.',
    (p) => p.reconnects,
  );
  peerCounter(
    'rheo_transport_sent_bytes_total',
    'Bytes of the frames written to the peer.',
    (p) => p.bytesSent,
  );
  peerCounter(
    'rheo_transport_received_bytes_total',
    'Bytes of the frames received from the peer.',
    (p) => p.bytesReceived,
  );
  peerCounter('rheo_transport_sent_messages_total', 'Raft messages sent to the peer.', (p) => p.messagesSent);
  peerCounter(
    'rheo_transport_received_messages_total',
    'Raft messages received from the peer and delivered.',
    (p) => p.messagesReceived,
  );
  new Counter({
    name: 'rheo_transport_dropped_messages_total',
    help: 'Raft messages dropped (Raft tolerates loss), by peer ("" when not tied to one) and reason.',
    labelNames: ['peer', 'reason'],
    registers: [registry],
    collect() {
      const s = stats();
      const rows: Array<readonly [Record<string, string | number>, number]> = [];
      for (const [reason, n] of Object.entries(s.drops)) if (n > 0) rows.push([{ peer: '', reason }, n]);
      for (const p of s.peers)
        for (const [reason, n] of Object.entries(p.drops))
          if (n > 0) rows.push([{ peer: p.peerId, reason }, n]);
      setTotal(this, rows);
    },
  });
  new Counter({
    name: 'rheo_transport_refused_streams_total',
    help: 'Incoming Raft streams refused for a bad hello (wrong node, wrong cluster, unknown peer).',
    registers: [registry],
    collect() {
      setTotal(this, [[{}, stats().refused]]);
    },
  });
}
