// The node's observability port, on a real node's parts (LevelDB store,
// replica host leading two single-replica streams, Raft transport with an
// unreachable peer): /metrics is valid text exposition (parsed strictly:
// HELP and TYPE before samples, legal names, no duplicate series) with the
// metric families docs/metrics.md lists, and its figures match what the test
// produced and read; per-shard series appear only for a stream with
// enhanced monitoring, and only the metrics asked for; /healthz answers 200,
// /readyz 503 with reasons until ready then 200, other paths 404; stop()
// closes the port.
import { RheoError } from '@rheo/wire';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callTimer,
  DiskUsage,
  failedReplicasCheck,
  type Observability,
  readinessOf,
  startObservability,
} from '../src/observability/index.js';
import { type Family, parseExposition, sampleValue } from './observability-exposition.js';
import { batchOf, type NodeParts, produceAndRead, startNodeParts } from './observability-parts.js';

const orders = { stream: 'orders' };

describe('observability HTTP port', () => {
  let parts: NodeParts;
  let obs: Observability;
  let caughtUp = false;

  beforeAll(async () => {
    parts = await startNodeParts(['orders', 'clicks']);
    obs = await startObservability({
      nodeId: 1,
      listen: { host: '127.0.0.1', port: 0 },
      store: parts.store,
      host: parts.host,
      transport: parts.transport,
      ready: readinessOf([
        () => (caughtUp ? undefined : 'metadata not caught up'),
        failedReplicasCheck(parts.host),
      ]),
      log: pino({ level: 'silent' }),
      disk: new DiskUsage(parts.dir, 0),
    });
    const leader = await parts.leader('orders');
    expect(await produceAndRead(leader, 3, 100)).toBe(3);
    await leader.produce(batchOf(2, 10));
    await parts.leader('clicks');
  });

  afterAll(async () => {
    await obs?.stop();
    await parts?.close();
  });

  const url = (path: string) => `http://${obs.address}${path}`;
  async function scrape(): Promise<Map<string, Family>> {
    const res = await fetch(url('/metrics'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain; version=0.0.4');
    return parseExposition(await res.text());
  }

  it('serves every family with HELP and TYPE, in valid exposition format', async () => {
    const f = await scrape();
    const expected: Record<string, string> = {
      rheo_node_info: 'gauge',
      rheo_stream_incoming_bytes_total: 'counter',
      rheo_stream_incoming_records_total: 'counter',
      rheo_stream_outgoing_bytes_total: 'counter',
      rheo_stream_outgoing_records_total: 'counter',
      rheo_stream_iterator_age_seconds: 'gauge',
      rheo_stream_put_duration_seconds: 'histogram',
      rheo_stream_get_duration_seconds: 'histogram',
      rheo_stream_write_throttled_records_total: 'counter',
      rheo_stream_read_throttled_requests_total: 'counter',
      rheo_shard_incoming_bytes_total: 'counter',
      rheo_shard_iterator_age_seconds: 'gauge',
      rheo_raft_role: 'gauge',
      rheo_raft_term: 'gauge',
      rheo_raft_commit_index: 'gauge',
      rheo_raft_applied_index: 'gauge',
      rheo_raft_leader_changes_total: 'counter',
      rheo_raft_follower_lag_entries: 'gauge',
      rheo_raft_under_replicated_groups: 'gauge',
      rheo_storage_write_duration_seconds: 'histogram',
      rheo_storage_write_size_bytes: 'histogram',
      rheo_storage_write_contributions: 'histogram',
      rheo_storage_data_dir_bytes: 'gauge',
      rheo_storage_filesystem_free_bytes: 'gauge',
      rheo_transport_queued_bytes: 'gauge',
      rheo_transport_reconnects_total: 'counter',
      process_cpu_seconds_total: 'counter',
      nodejs_eventloop_lag_seconds: 'gauge',
    };
    for (const [name, type] of Object.entries(expected)) {
      expect(f.get(name)?.type, name).toBe(type);
      expect(f.get(name)?.help.length, name).toBeGreaterThan(10);
    }
    for (const name of f.keys()) if (name.startsWith('rheo_')) expect(name).toMatch(/^rheo_[a-z0-9_]+$/);
  });

  it("reports what was produced and read, and each group's Raft state", async () => {
    const f = await scrape();
    const v = (family: string, labels: Record<string, string> = {}, sample = family) =>
      sampleValue(f, family, sample, labels);
    expect(v('rheo_stream_incoming_records_total', orders)).toBe(5);
    expect(v('rheo_stream_incoming_bytes_total', orders)).toBeGreaterThan(3 * 100 + 2 * 10);
    expect(v('rheo_stream_outgoing_records_total', orders)).toBe(3);
    expect(v('rheo_stream_outgoing_bytes_total', orders)).toBeGreaterThan(300);
    // A hosted stream without traffic reports 0, so rate() over it starts at its first write.
    expect(v('rheo_stream_incoming_records_total', { stream: 'clicks' })).toBe(0);
    expect(v('rheo_stream_iterator_age_seconds', orders)).toBe(0);
    expect(v('rheo_raft_role', { ...orders, role: 'leader', group: '1' })).toBe(1);
    expect(v('rheo_raft_term', orders)).toBeGreaterThanOrEqual(1);
    expect(v('rheo_raft_applied_index', orders)).toBe(v('rheo_raft_commit_index', orders));
    expect(v('rheo_raft_groups', { role: 'leader' })).toBe(2);
    expect(v('rheo_node_info', { node: '1' })).toBe(1);
    // The writer's observer saw the synced writes of the produced entries.
    const fsyncs = v(
      'rheo_storage_write_duration_seconds',
      { synced: 'true' },
      'rheo_storage_write_duration_seconds_count',
    );
    expect(fsyncs).toBeGreaterThanOrEqual(2);
    expect(v('rheo_storage_fsyncs_total')).toBeGreaterThanOrEqual(fsyncs!);
    expect(v('rheo_storage_data_dir_bytes')).toBeGreaterThan(0);
    expect(v('rheo_storage_filesystem_size_bytes')).toBeGreaterThan(v('rheo_storage_filesystem_free_bytes')!);
    expect(v('rheo_transport_peer_connected', { peer: '2' })).toBe(0);
    expect(v('rheo_transport_queued_bytes', { peer: '2' })).toBe(0);
  });

  it('publishes per-shard series only for streams with enhanced monitoring, and only those asked for', async () => {
    const shard = { stream: 'orders', shard: 'shardId-000000000000' };
    let f = await scrape();
    expect(f.get('rheo_shard_incoming_records_total')?.samples).toEqual([]);
    expect(obs.setEnhancedMonitoring('orders', ['IncomingRecords', 'IteratorAgeMilliseconds'])).toEqual([
      'IncomingRecords',
      'IteratorAgeMilliseconds',
    ]);
    f = await scrape();
    expect(
      sampleValue(f, 'rheo_shard_incoming_records_total', 'rheo_shard_incoming_records_total', shard),
    ).toBe(5);
    expect(f.get('rheo_shard_iterator_age_seconds')?.samples).toHaveLength(1);
    expect(f.get('rheo_shard_incoming_bytes_total')?.samples).toEqual([]);
    expect(() => obs.setEnhancedMonitoring('orders', ['IncomingBites'])).toThrow(RheoError);
    expect(obs.enhancedMonitoring('orders')).toEqual(['IncomingRecords', 'IteratorAgeMilliseconds']);
    expect(obs.setEnhancedMonitoring('orders', ['ALL'])).toHaveLength(7);
    obs.serviceMetrics.throttledWrite('orders', shard.shard, 4);
    f = await scrape();
    expect(
      sampleValue(
        f,
        'rheo_shard_write_throttled_records_total',
        'rheo_shard_write_throttled_records_total',
        shard,
      ),
    ).toBe(4);
    expect(obs.setEnhancedMonitoring('orders', [])).toEqual([]);
    f = await scrape();
    expect(f.get('rheo_shard_incoming_records_total')?.samples).toEqual([]);
    expect(f.get('rheo_shard_write_throttled_records_total')?.samples).toEqual([]);
  });

  it('records what the services report, and keeps streams it does not host out of the labels', async () => {
    obs.serviceMetrics.observePut('orders', 0.003);
    obs.serviceMetrics.observePut('orders', 0.2, 'Backpressure');
    obs.serviceMetrics.observeGet('no-such-stream', 0.001, 'ResourceNotFound');
    obs.serviceMetrics.throttledRead('orders', 'shardId-000000000000');
    callTimer(obs.serviceMetrics.observePut)('orders', new RheoError('NotLeader', 'node 1 does not lead'));
    callTimer(obs.serviceMetrics.observeGet)('orders', new Error('a bug'));
    const f = await scrape();
    const put = 'rheo_stream_put_duration_seconds';
    expect(sampleValue(f, put, `${put}_count`, { stream: 'orders', result: 'ok' })).toBe(1);
    expect(sampleValue(f, put, `${put}_bucket`, { stream: 'orders', result: 'ok', le: '0.005' })).toBe(1);
    expect(sampleValue(f, put, `${put}_bucket`, { stream: 'orders', result: 'ok', le: '0.0025' })).toBe(0);
    expect(sampleValue(f, put, `${put}_count`, { stream: 'orders', result: 'Backpressure' })).toBe(1);
    expect(sampleValue(f, put, `${put}_count`, { stream: 'orders', result: 'NotLeader' })).toBe(1);
    const get = 'rheo_stream_get_duration_seconds';
    expect(sampleValue(f, get, `${get}_count`, { stream: '', result: 'ResourceNotFound' })).toBe(1);
    expect(sampleValue(f, get, `${get}_count`, { stream: 'orders', result: 'Internal' })).toBe(1);
    const readThrottled = 'rheo_stream_read_throttled_requests_total';
    expect(sampleValue(f, readThrottled, readThrottled, orders)).toBe(1);
  });

  it('reports the controller summary only while this node is the active controller', async () => {
    let active = false;
    const actions = obs.controllerMetrics(() =>
      active
        ? {
            nodesByState: { ALIVE: 2, DEAD: 1 },
            shardsOpen: 6,
            shardsClosed: 2,
            underReplicated: 1,
            leaderless: 0,
            leadersPerNode: { 1: 4, 2: 2 },
          }
        : undefined,
    );
    let f = await scrape();
    expect(sampleValue(f, 'rheo_controller_active', 'rheo_controller_active')).toBe(0);
    expect(f.get('rheo_controller_nodes')?.samples).toEqual([]);
    active = true;
    actions.countScalingAction('split', 'write-throughput');
    f = await scrape();
    const v = (family: string, labels: Record<string, string> = {}) => sampleValue(f, family, family, labels);
    expect(v('rheo_controller_active')).toBe(1);
    expect(v('rheo_controller_nodes', { state: 'DEAD' })).toBe(1);
    expect(v('rheo_controller_shards', { state: 'open' })).toBe(6);
    expect(v('rheo_controller_under_replicated_shards')).toBe(1);
    expect(v('rheo_controller_shard_leaders', { node: '1' })).toBe(4);
    expect(v('rheo_controller_scaling_actions_total', { action: 'split', reason: 'write-throughput' })).toBe(
      1,
    );
  });

  it('answers /healthz, /readyz as the node says, and 404 elsewhere', async () => {
    expect((await fetch(url('/healthz'))).status).toBe(200);
    let res = await fetch(url('/readyz'));
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ ready: false, reasons: ['metadata not caught up'] });
    caughtUp = true;
    res = await fetch(url('/readyz'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ready: true, reasons: [] });
    expect((await fetch(url('/metricz'))).status).toBe(404);
    expect((await fetch(url('/'))).status).toBe(404);
    expect((await fetch(url('/metrics'), { method: 'POST' })).status).toBe(405);
  });

  it('closes the port on stop(), and a second node cannot take a port in use', async () => {
    const [host, port] = obs.address.split(':') as [string, string];
    await expect(
      startObservability({
        nodeId: 2,
        listen: { host, port: Number(port) },
        store: parts.store,
        host: parts.host,
        transport: parts.transport,
        ready: () => ({ ready: true, reasons: [] }),
        log: pino({ level: 'silent' }),
      }),
    ).rejects.toThrow(/cannot listen/);
    await obs.stop();
    await expect(fetch(url('/healthz'))).rejects.toThrow();
  });
});
