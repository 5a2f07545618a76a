// `rheo bench [produce|consume]`: throughput and latency against a cluster
// (bench/bench-command.ts; docs/bench.md).
import { Command } from 'commander';
import { runBench } from '../bench/bench-command.js';
import { type BenchMode, type RawBenchOptions, resolveBenchOptions } from '../bench/bench-options.js';
import { endpointOption, type ProgramIo } from './common.js';

export function benchCommand(io: ProgramIo): Command {
  const bench = new Command('bench');
  return bench
    .summary('measure produce and consume throughput and latency')
    .description(
      'measure produce and consume throughput and latency against a cluster, with a LevelDB baseline\n' +
        'mode: produce, consume, or both when left out (produce while reading, for end-to-end latency)',
    )
    .argument('[mode]', 'produce | consume (both when left out)')
    .addOption(endpointOption())
    .option('--local <n>', 'start a throwaway local cluster of n node processes on 127.0.0.1')
    .option('--replicas <n>', 'replicas per shard of the local cluster (default: min(3, n))')
    .option('--stream <name>', 'stream to write and read', 'bench')
    .option('--shards <n>', 'shards of the stream, when the bench creates it', '4')
    .option('--record-bytes <n>', 'bytes of data per record', '1024')
    .option('--batch-records <n>', 'records per batch at most (1..500)', '500')
    .option('--producers <n>', 'concurrent producers', '1')
    .option('--rate <records/s>', 'total records per second (unbounded when left out)')
    .option('--duration <seconds>', 'how long to produce (or read, for consume)', '10')
    .option(
      '--warmup <seconds>',
      'produce this long before measuring; the figures cover --duration after it (default: 0)',
    )
    .option('--linger-ms <ms>', "producer's linger time", '5')
    .option('--inflight-per-shard <n>', "each producer's batches in flight per shard", '4')
    .option('--buffer-bytes <n>', "each producer's bound on unacknowledged bytes", String(16 * 1024 * 1024))
    .option('--baseline-seconds <s>', 'how long to measure the LevelDB baseline', '3')
    .option('--no-baseline', 'skip the LevelDB baseline')
    .option('--json', 'end with one JSON object of the figures')
    .option('--latency-log <file>', "write every measured acknowledgement's time and latency to a CSV file")
    .option(
      '--keep-data',
      "with --local: keep the cluster's directory (data, LevelDB's LOG, each node's stdout and stderr)",
    )
    .option('--node-flags <flags>', 'with --local: more node/V8 flags for every node, e.g. "--trace-gc"')
    .option('--fanout', 'read with enhanced fan-out (SubscribeToShard push) instead of GetRecords polling')
    .option('--poll-interval-ms <ms>', "pull reader's wait between reads of a caught-up shard", '20')
    .option(
      '--kinesis-limits',
      "keep the cluster's per-shard throughput limits (by default the bench's stream runs unthrottled)",
    )
    .action(async (mode: string | undefined, raw: RawBenchOptions) => {
      if (mode !== undefined && mode !== 'produce' && mode !== 'consume') {
        bench.error(`rheo bench: unknown mode "${mode}" (produce, consume, or none for both)`);
      }
      const options = resolveBenchOptions((mode ?? 'all') as BenchMode, raw, io.env);
      await runBench(options, io);
    });
}
