// Raft append and commit latency, per stream: the broker's GroupDriver
// tells an observer, when one is set, how long each Ready's persist of
// entries took on this node (append) and, on a leader, how long each
// proposal took from propose() to commit (commit). Labelled by stream,
// not by group: a node may host thousands of groups, and a histogram's
// series are a dozen per label set. The metadata group's are stream="".
// Series of a stream no longer hosted here are dropped at the next scrape.
import type { GroupObserver, ReplicaHost } from '@rheo/broker';
import { Histogram, type Registry } from 'prom-client';

/** Seconds: 100 µs (an unsynced write) to 5 s (a disk or a peer in trouble). */
const raftBucketsSeconds = [
  0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5,
];

/** Where the observers go: the replica host (shard groups) and the metadata replica, when the node has one. */
export interface RaftObserved {
  raftObserver: GroupObserver | undefined;
}

export interface RaftTimingsHandle {
  /** Detaches the observers (the drivers stop reading the clock). */
  stop(): void;
}

export function registerRaftTimings(
  registry: Registry,
  host: ReplicaHost,
  meta?: RaftObserved,
): RaftTimingsHandle {
  const byStream = new Map<string, GroupObserver>();
  const hosted = () => {
    const names = new Set<string>(meta === undefined ? [] : ['']);
    for (const r of host.replicas()) names.add(r.spec.streamName);
    return names;
  };
  /** Forgets streams no longer hosted, in both histograms at once (their cached observers with them). */
  const prune = () => {
    const keep = hosted();
    for (const stream of byStream.keys())
      if (!keep.has(stream)) {
        append.remove({ stream });
        commit.remove({ stream });
        byStream.delete(stream);
      }
  };
  const append: Histogram<'stream'> = new Histogram({
    name: 'rheo_raft_append_duration_seconds',
    help: "Time this node took to make one Ready's new log entries durable (with the hard state), per stream; stream='' is the metadata group.",
    labelNames: ['stream'],
    buckets: raftBucketsSeconds,
    registers: [registry],
    collect() {
      prune();
    },
  });
  const commit: Histogram<'stream'> = new Histogram({
    name: 'rheo_raft_commit_duration_seconds',
    help: "On a group's leader: time from a proposal to its commit (a quorum persisted it), per stream; stream='' is the metadata group.",
    labelNames: ['stream'],
    buckets: raftBucketsSeconds,
    registers: [registry],
  });
  const observerOf = (stream: string): GroupObserver => {
    let o = byStream.get(stream);
    if (o === undefined) {
      const a = append.labels({ stream });
      const c = commit.labels({ stream });
      o = { appended: (seconds) => a.observe(seconds), committed: (seconds) => c.observe(seconds) };
      byStream.set(stream, o);
    }
    return o;
  };
  host.raftObserver = (spec) => observerOf(spec.streamName);
  if (meta !== undefined) meta.raftObserver = observerOf('');
  return {
    stop() {
      host.raftObserver = undefined;
      if (meta !== undefined) meta.raftObserver = undefined;
    },
  };
}
