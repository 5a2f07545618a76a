// `rheo bench [produce|consume]`: the tool every performance claim quotes.
// It targets a running cluster (--endpoint) or a throwaway local one
// (--local N); makes sure the stream exists; runs the produce side, the
// consume side, or both at once (produce while a reader follows, for
// end-to-end latency); then measures the LevelDB baseline on the same disk
// with the cluster stopped; and prints the figures (report.ts).
import { isRheoError, RheoClient } from '@rheo/client';
import { nodeEntry } from '../dev/node-entry.js';
import { runBaseline } from './baseline.js';
import { benchNodeLimitFlags } from './bench-limits.js';
import type { BenchOptions } from './bench-options.js';
import { baselineParentDir, ensureStream } from './bench-stream.js';
import { startFanout } from './consume-fanout.js';
import { type ConsumeRun, startConsume } from './consume-run.js';
import { LatencyLog } from './latency-log.js';
import { LocalCluster } from './local-cluster.js';
import { MachineCpuSampler, type MachineCpuSummary } from './machine-cpu.js';
import { DiskStallSampler, type DiskStallSummary } from './machine-disk.js';
import { MeasureWindow } from './measure-window.js';
import { type ProduceCounters, type ProduceResult, runProduce } from './produce-run.js';
import { ProgressLine } from './progress.js';
import { type BenchFigures, benchJson, benchText } from './report.js';
import { TokenBucket } from './token-bucket.js';

export interface BenchOutput {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/** After producing stops, how long the reader may take to catch up with every acked record. */
const drainTimeoutMs = 15_000;

export async function runBench(options: BenchOptions, io: BenchOutput): Promise<BenchFigures> {
  const cluster =
    options.local > 0
      ? await LocalCluster.start({
          nodes: options.local,
          replicas: options.replicas,
          streamName: options.stream,
          shards: options.shards,
          extraArgs: options.kinesisLimits ? [] : benchNodeLimitFlags(),
          nodeFlags: options.nodeFlags,
          logStdout: options.keepData,
        })
      : undefined;
  const endpoints = cluster?.endpoints ?? options.endpoints;
  const build = nodeEntry().runner;
  const target =
    cluster === undefined
      ? `cluster at ${endpoints.join(',')}`
      : `local cluster of ${options.local} nodes (${build} build), ${options.replicas} replicas per shard`;
  const client = new RheoClient({ endpoints: [...endpoints] });
  // This process and a local cluster's nodes are the bench's; against --endpoint
  // a cluster on the same machine counts among the others.
  const machine = new MachineCpuSampler(() => [process.pid, ...(cluster?.pids ?? [])]);
  const disk = new DiskStallSampler();
  let figures: Omit<BenchFigures, 'baselineMbPerS'>;
  try {
    await ensureStream(client, options, cluster !== undefined);
    machine.start();
    disk.start();
    figures = { options, target, build, ...(await measure(client, options, io, { cpu: machine, disk })) };
  } finally {
    machine.stop();
    disk.stop();
    client.close();
    await cluster?.stop(options.keepData);
    if (cluster !== undefined && options.keepData)
      io.err(
        `bench: kept the local cluster's directory ${cluster.dir} (node-N/data with LevelDB's LOG, node-N/stdout.log and stderr.log)\n`,
      );
  }
  const baselineMbPerS =
    options.baselineS > 0
      ? (
          await runBaseline({
            recordBytes: options.recordBytes,
            batchRecords: options.batchRecords,
            durationMs: options.baselineS * 1000,
            parentDir: baselineParentDir(cluster?.dir),
          })
        ).mbPerS
      : undefined;
  const result = { ...figures, baselineMbPerS };
  io.out(`${benchText(result)}\n`);
  if (options.json) io.out(`${JSON.stringify(benchJson(result))}\n`);
  return result;
}

async function measure(
  client: RheoClient,
  options: BenchOptions,
  io: BenchOutput,
  machine: { readonly cpu: MachineCpuSampler; readonly disk: DiskStallSampler },
) {
  if (options.mode === 'consume') return { consume: await consumeOnly(client, options) };
  const counters: ProduceCounters = { sent: 0, acked: 0, failed: 0, ackedBytes: 0, firstError: undefined };
  const latencyLog = options.latencyLog === undefined ? undefined : new LatencyLog();
  const from = { type: 'AT_TIMESTAMP', timestampMs: Date.now() } as const;
  const window = new MeasureWindow();
  const reader =
    options.mode !== 'all'
      ? undefined
      : options.fanout
        ? await startFanout(client, options.stream, from, window)
        : startConsume(client, options.stream, from, options.pollIntervalMs, window);
  const progress = new ProgressLine({
    label: `bench ${options.mode}`,
    read: () =>
      `sent ${counters.sent} acked ${counters.acked} failed ${counters.failed}` +
      (reader === undefined ? '' : ` read ${reader.counters.records}`),
  });
  let produced: ProduceResult;
  let machineCpu: MachineCpuSummary | undefined;
  let diskStalls: DiskStallSummary | undefined;
  try {
    produced = await runProduce(
      client,
      {
        streamName: options.stream,
        producers: options.producers,
        recordBytes: options.recordBytes,
        batchRecords: options.batchRecords,
        durationMs: options.durationS * 1000,
        warmupMs: options.warmupS * 1000,
        lingerMs: options.lingerMs,
        inflightBatchesPerShard: options.inflightPerShard,
        bufferBytes: options.bufferBytes,
        bucket: options.rate === undefined ? undefined : new TokenBucket(options.rate),
        latencyLog,
      },
      counters,
      window,
    );
    const endMs = performance.now();
    machineCpu = machine.cpu.summary(window.startMs, endMs);
    diskStalls = machine.disk.summary(window.startMs, endMs);
    if (reader !== undefined) await drain(reader, produced.acked, io);
  } finally {
    progress.stop();
    reader?.stop();
  }
  if (latencyLog !== undefined && options.latencyLog !== undefined) {
    // Written after the measured part, so the file's cost is in no figure.
    await latencyLog.write(options.latencyLog);
    const dropped = latencyLog.dropped > 0 ? ` (${latencyLog.dropped} more not kept)` : '';
    io.err(`bench: wrote ${latencyLog.samples} acknowledgements to ${options.latencyLog}${dropped}\n`);
  }
  const produce = {
    records: produced.measured.acked,
    bytes: produced.measured.bytes,
    failed: produced.failed,
    elapsedS: produced.elapsedMs / 1000,
    latency: produced.latency.summary(),
    firstError: produced.firstError,
  };
  if (reader === undefined) return { produce, machineCpu, diskStalls };
  return { produce, consume: consumeFigures(reader), machineCpu, diskStalls };
}

/** Waits until the reader has every acked record, or the drain timeout. */
async function drain(reader: ConsumeRun, acked: number, io: BenchOutput): Promise<void> {
  const deadline = performance.now() + drainTimeoutMs;
  while (reader.counters.records < acked && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (reader.counters.records < acked) {
    io.err(
      `bench: the reader had ${reader.counters.records} of ${acked} acked records after ${drainTimeoutMs} ms\n`,
    );
  }
}

function consumeFigures(reader: ConsumeRun) {
  const c = reader.counters;
  const elapsedS =
    c.firstReadMs === undefined || c.lastReadMs === undefined ? 0 : (c.lastReadMs - c.firstReadMs) / 1000;
  return { records: c.measuredRecords, bytes: c.measuredBytes, elapsedS, e2e: reader.e2e.summary() };
}

/** `bench consume`: read the stream from TRIM_HORIZON for the duration (or until caught up and idle). */
async function consumeOnly(client: RheoClient, options: BenchOptions) {
  const reader = startConsume(client, options.stream, { type: 'TRIM_HORIZON' });
  const progress = new ProgressLine({
    label: 'bench consume',
    read: () => `read ${reader.counters.records}`,
  });
  const deadline = performance.now() + options.durationS * 1000;
  let lastCount = -1;
  let idleSince = performance.now();
  try {
    while (performance.now() < deadline) {
      await Promise.race([reader.done, new Promise((resolve) => setTimeout(resolve, 100))]);
      if (reader.counters.records !== lastCount) {
        lastCount = reader.counters.records;
        idleSince = performance.now();
      } else if (performance.now() - idleSince > 2_000 && lastCount > 0) {
        break;
      }
    }
  } finally {
    progress.stop();
    reader.stop();
    await reader.done.catch((err: unknown) => {
      if (!isRheoError(err)) throw err;
    });
  }
  return consumeFigures(reader);
}
