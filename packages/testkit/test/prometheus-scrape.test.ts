// The real Prometheus against a live cluster (issue 8, part 5). Three node
// processes in cluster mode; a real Prometheus (Debian's package: the
// `prometheus` server and `promtool`) scrapes their /metrics every second
// while the test writes a known number of records and bytes to a
// two-shard stream and reads them all back. Proven:
//
// - every target is up, and Prometheus saw the traffic while it ran (a
//   sample strictly between nothing and everything);
// - once the traffic stops, sum(incoming/outgoing records and bytes) over
//   the nodes, queried through Prometheus's HTTP API, equals what the test
//   sent and read, within the scrape interval (plus the scrape's own time):
//   records exactly; bytes exactly too, because the test sends its own
//   record batches: a stored batch is the batch as sent, so outgoing bytes
//   are the batches' bytes, and incoming bytes are the Raft entries
//   carrying them, each one batch here plus its 17-byte envelope (16 fixed
//   bytes and one descriptor byte; docs/metrics.md);
// - one controller leads the metadata group (rheo_raft_role{group="1"}),
//   and the shard leaders timed their proposals' commits;
// - `promtool check metrics` passes on every node's /metrics output.
//
// Prometheus runs with its own config and data dir in a temp dir, on a free
// port, and is stopped by its pid at the end. Where the package is missing
// the test is skipped, unless RHEO_REQUIRE_PROMETHEUS=1 (CI's .ci/run sets
// it after installing the package), in which case it fails.
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RheoClient } from '@rheo/client';
import { freePorts, LOOPBACK, LocalCluster, ProcessGroup, type TestProcess, tempDir } from '@rheo/testkit';
import { encodeBatch, type RecordInput } from '@rheo/wire';
import { afterAll, expect, test } from 'vitest';

const STREAM = 'scraped';
const SCRAPE_INTERVAL_S = 1;
const BATCHES = 30;
const RECORDS_PER_BATCH = 40;
const RECORD_DATA_BYTES = 100;
/** What a shard entry adds to the one batch it carries: 16 fixed bytes, one descriptor byte (no producer). */
const ENTRY_ENVELOPE_BYTES = 17;

function installed(command: string): boolean {
  try {
    execFileSync(command, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const havePrometheus = installed('prometheus') && installed('promtool');
if (!havePrometheus && process.env.RHEO_REQUIRE_PROMETHEUS === '1')
  throw new Error(
    'RHEO_REQUIRE_PROMETHEUS=1 but prometheus or promtool is not installed (apt-get install prometheus)',
  );

const processes = new ProcessGroup();
let cluster: LocalCluster | undefined;
let client: RheoClient | undefined;
let removeDir: (() => Promise<void>) | undefined;

afterAll(async () => {
  client?.close();
  await processes.stopAll(5_000);
  await cluster?.destroy();
  await removeDir?.();
}, 60_000);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A running Prometheus scraping `targets` every second; its HTTP API at `url`. */
async function startPrometheus(targets: string[]): Promise<{ url: string; process: TestProcess }> {
  const dir = await tempDir('prometheus');
  removeDir = dir.remove;
  const config = [
    'global:',
    `  scrape_interval: ${SCRAPE_INTERVAL_S}s`,
    `  scrape_timeout: ${SCRAPE_INTERVAL_S}s`,
    'scrape_configs:',
    '  - job_name: rheo',
    '    static_configs:',
    `      - targets: [${targets.map((t) => `'${t}'`).join(', ')}]`,
    '',
  ].join('\n');
  await writeFile(join(dir.path, 'prometheus.yml'), config);
  const [port] = await freePorts(1);
  const url = `http://${LOOPBACK}:${port}`;
  const p = processes.spawn({
    name: 'prometheus',
    command: 'prometheus',
    args: [
      `--config.file=${join(dir.path, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir.path, 'data')}`,
      `--web.listen-address=${LOOPBACK}:${port}`,
      '--log.level=warn',
    ],
  });
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (!p.running) throw new Error(`prometheus exited:\n${p.output().join('\n')}`);
    const ok = await fetch(`${url}/-/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { url, process: p };
    if (Date.now() > deadline) throw new Error(`prometheus not ready:\n${p.output().join('\n')}`);
    await sleep(100);
  }
}

interface Vector {
  readonly metric: Record<string, string>;
  readonly value: [number, string];
}

async function query(url: string, promql: string): Promise<Vector[]> {
  const res = await fetch(`${url}/api/v1/query?query=${encodeURIComponent(promql)}`);
  const body = (await res.json()) as { status: string; data: { resultType: string; result: Vector[] } };
  if (body.status !== 'success') throw new Error(`query ${promql}: ${JSON.stringify(body)}`);
  return body.data.result;
}

/** A query's one value (a sum), or undefined when it has no sample yet. */
async function scalar(url: string, promql: string): Promise<number | undefined> {
  const r = await query(url, promql);
  return r[0] === undefined ? undefined : Number(r[0].value[1]);
}

test.skipIf(!havePrometheus)(
  'a real Prometheus scrapes three nodes during a produce/consume run and agrees with what was sent',
  async () => {
    const t0 = Date.now();
    cluster = await LocalCluster.start({
      nodes: 3,
      controllers: 3,
      args: ['--heartbeat-interval-ms', '250'],
    });
    const c = cluster;
    const targets = c.ids().map((id) => `${LOOPBACK}:${c.node(id).metricsPort}`);
    const prometheus = await startPrometheus(targets);
    client = new RheoClient({ endpoints: c.endpoints() });
    await client.admin.createStream(STREAM, { shardCount: 2 });
    await client.admin.waitForActive(STREAM, 30_000);
    const routes = await client.shardRoutes(STREAM);
    const shards = routes.shards.filter((s) => s.open);
    expect(shards).toHaveLength(2);

    const up = await waitUntil('every target up', async () => {
      const r = await query(prometheus.url, 'up{job="rheo"}');
      return r.length === 3 && r.every((v) => v.value[1] === '1') ? r : undefined;
    });
    expect(up.map((v) => v.metric.instance).sort()).toEqual([...targets].sort());

    // Write: sequential batches, alternating shards, spread over ~3 scrape intervals.
    let sentRecords = 0;
    let sentBatchBytes = 0;
    const writeStart = Date.now();
    for (let b = 0; b < BATCHES; b++) {
      const shard = shards[b % shards.length]!;
      const records: RecordInput[] = Array.from({ length: RECORDS_PER_BATCH }, (_, i) => ({
        partitionKey: `key-${b}-${i}`,
        data: new Uint8Array(RECORD_DATA_BYTES).fill(b),
        explicitHashKey: shard.range.start,
      }));
      const batch = encodeBatch(records);
      await client.putRecords(STREAM, shard.shardId, batch);
      sentRecords += records.length;
      sentBatchBytes += batch.byteLength;
      await sleep(Math.max(0, writeStart + ((b + 1) * 3_000) / BATCHES - Date.now()));
    }

    // Read everything back from the leaders, from TRIM_HORIZON.
    let readRecords = 0;
    for (const shard of shards) {
      let iterator = await client.getShardIterator(STREAM, shard.shardId, { type: 'TRIM_HORIZON' });
      let got = 0;
      while (got < sentRecords / shards.length) {
        const page = await client.getRecords(STREAM, shard.shardId, iterator, { limit: 10_000 });
        got += page.records.length;
        iterator = page.nextShardIterator;
      }
      readRecords += got;
    }
    expect(readRecords).toBe(sentRecords);
    const trafficEnd = Date.now();

    // Within the scrape interval of the traffic's end, Prometheus's sums are exact.
    const expected = {
      [`sum(rheo_stream_incoming_records_total{stream="${STREAM}"})`]: sentRecords,
      [`sum(rheo_stream_incoming_bytes_total{stream="${STREAM}"})`]:
        sentBatchBytes + BATCHES * ENTRY_ENVELOPE_BYTES,
      [`sum(rheo_stream_outgoing_records_total{stream="${STREAM}"})`]: sentRecords,
      [`sum(rheo_stream_outgoing_bytes_total{stream="${STREAM}"})`]: sentBatchBytes,
    };
    const seen: Record<string, number | undefined> = {};
    const agreedAt = await waitUntil(
      'Prometheus agreeing with what was sent',
      async () => {
        for (const [q, want] of Object.entries(expected)) {
          seen[q] = await scalar(prometheus.url, q);
          if (seen[q] !== want) return undefined;
        }
        return Date.now();
      },
      10_000,
      () => JSON.stringify({ expected, seen }),
    );
    const lagMs = agreedAt - trafficEnd;
    // A scrape interval, plus the time a scrape and these queries take.
    expect(lagMs).toBeLessThanOrEqual(SCRAPE_INTERVAL_S * 1000 + 1_000);

    // Raft's figures through Prometheus: one metadata leader among the controllers, and the
    // shard leaders' commit timings (one per batch; a leader change would drop those in flight).
    expect(await scalar(prometheus.url, 'count(rheo_raft_role{group="1", role="leader"} == 1)')).toBe(1);
    const commits = await scalar(
      prometheus.url,
      `sum(rheo_raft_commit_duration_seconds_count{stream="${STREAM}"})`,
    );
    expect(commits).toBeGreaterThanOrEqual(BATCHES / 2);
    expect(commits).toBeLessThanOrEqual(BATCHES);

    // Prometheus saw the traffic while it ran: some scrape found part of it.
    const during = await query(
      prometheus.url,
      `sum(max_over_time(rheo_stream_incoming_records_total{stream="${STREAM}"}[2m])) - sum(min_over_time(rheo_stream_incoming_records_total{stream="${STREAM}"}[2m]))`,
    );
    expect(Number(during[0]?.value[1])).toBeGreaterThan(0);
    const partial = await query(
      prometheus.url,
      `count_over_time((sum(rheo_stream_incoming_records_total{stream="${STREAM}"}) > 0 < ${sentRecords})[2m:${SCRAPE_INTERVAL_S}s])`,
    );
    expect(Number(partial[0]?.value[1] ?? 0)).toBeGreaterThan(0);

    // promtool's naming rules on every node's own output.
    for (const target of targets) {
      const text = await (await fetch(`http://${target}/metrics`)).text();
      expect(text).toContain(`rheo_stream_incoming_records_total{stream="${STREAM}"}`);
      expect(execFileSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' })).toBe('');
    }

    await prometheus.process.stop('SIGTERM', 5_000);
    expect(prometheus.process.running).toBe(false);
    console.log(
      `prometheus-scrape: ${sentRecords} records, ${sentBatchBytes} batch bytes in ${BATCHES} batches; ` +
        `Prometheus exact ${lagMs} ms after the traffic ended; whole test ${Date.now() - t0} ms`,
    );
  },
  90_000,
);

async function waitUntil<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 15_000,
  detail: () => string = () => '',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await probe();
      if (v !== undefined) return v;
    } catch (err) {
      last = err;
    }
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what} ${detail()} ${last === undefined ? '' : String(last)}`);
}
