// V8 flags a node process should start with. They cannot be set once the
// process runs (the heap is sized when the isolate is created), and
// NODE_OPTIONS refuses --initial-old-space-size, so every launcher puts them
// on node's command line: `rheo dev`, `rheo bench --local`, the testkit's
// clusters and the container image. A node started without them still works;
// it says so once.
//
// Why: a node allocates buffers at the rate it moves records (gRPC frames,
// reassembled messages, entries), and V8 counts those external bytes against
// the old generation's budget. With the default budget (a few tens of MB on a
// heap of ~25 MB) a node at 20 MB/s ran a full mark-compact every 100–300 ms
// that freed almost nothing: about a quarter of the machine's CPU went to GC
// (perf, docs/bench.md). Starting the old generation at 256 MB lets those
// short-lived buffers die in scavenges; peak RSS under load barely moved.
//
// A 2 MB semi-space (V8's default is 16 MB) keeps each scavenge short. A
// scavenge stops the thread for as long as it takes to copy what is live,
// and what is live at any moment is mostly the records in flight, so a
// larger young generation buys fewer pauses, not shorter ones. On two shared
// cores the bench client's 16 MB scavenges took 12 ms at the median and up
// to 54 ms, each one latency for every record in flight; with 2 MB, 3 ms and
// 29 ms. At half the maximum rate the produce p99 fell from a median of 107
// ms to 70 ms over alternated runs, at the same CPU (docs/bench.md,
// "2026-12-02, third").

/** Flags for `node` before the entry script of a node process. */
export const nodeRuntimeFlags: readonly string[] = Object.freeze([
  '--initial-old-space-size=256',
  '--max-semi-space-size=2',
]);

/** A flag's name as V8 compares it: `--a_b=1` and `--a-b` are the same flag. */
function flagName(arg: string): string {
  return arg.split('=')[0]!.replaceAll('_', '-');
}

/** The runtime flags (by name, whatever their value) missing from `execArgv`. */
export function missingRuntimeFlags(execArgv: readonly string[]): string[] {
  const given = new Set(execArgv.map(flagName));
  return nodeRuntimeFlags.filter((flag) => !given.has(flagName(flag)));
}
