// Raft health per group on this node, pulled at scrape time from each
// group's core (status() and stats(), both reads) and the replica host.
// Labels: group (the transport id), stream, shard. One status() per group
// per scrape, shared by every metric here. The metadata group (group 1, on
// controller-role nodes) has its rows too, with stream="" and shard="";
// the per-node counts of shard groups (rheo_raft_groups) leave it out.
import type { ReplicaHost } from '@rheo/broker';
import type { RaftStats, RaftStatus } from '@rheo/raft';
import { Counter, Gauge, type Registry } from 'prom-client';
import { metaGroupId } from '../cluster/meta-open.js';
import { perScrape, setTotal } from './per-scrape.js';

interface GroupRow {
  readonly labels: { readonly group: number; readonly stream: string; readonly shard: string };
  readonly status: RaftStatus;
  readonly stats: RaftStats;
  readonly failed: boolean;
  /** The metadata group, not a shard's. */
  readonly meta: boolean;
}

/** The metadata group's replica on a controller-role node, as the metrics read it. */
export interface MetaGroupFigures {
  raftStatus(): RaftStatus;
  raftStats(): RaftStats;
}

const groupLabels = ['group', 'stream', 'shard'] as const;

export function registerRaftMetrics(registry: Registry, host: ReplicaHost, meta?: MetaGroupFigures): void {
  const rows = perScrape((): GroupRow[] => {
    const out: GroupRow[] = [...host.replicas()].map((r) => {
      const raft = r.counters.raft();
      return {
        labels: { group: r.spec.groupId, stream: r.spec.streamName, shard: r.spec.shardId },
        status: raft.status(),
        stats: raft.stats(),
        failed: r.status().failed,
        meta: false,
      };
    });
    if (meta !== undefined)
      out.push({
        labels: { group: metaGroupId, stream: '', shard: '' },
        status: meta.raftStatus(),
        stats: meta.raftStats(),
        failed: false,
        meta: true,
      });
    return out;
  });
  const gauge = (name: string, help: string, read: (g: GroupRow) => number) =>
    new Gauge({
      name,
      help,
      labelNames: groupLabels,
      registers: [registry],
      collect() {
        this.reset();
        for (const g of rows()) this.set(g.labels, read(g));
      },
    });
  gauge('rheo_raft_term', "The group's current Raft term on this node.", (g) => g.status.term);
  gauge('rheo_raft_commit_index', 'The highest log index this node knows committed.', (g) => g.status.commit);
  gauge('rheo_raft_applied_index', 'The highest log index this node applied.', (g) => g.status.applied);
  gauge(
    'rheo_raft_last_index',
    "The index of this node's last log entry (persisted or not).",
    (g) => g.status.lastIndex,
  );
  gauge(
    'rheo_raft_first_index',
    "The index of this node's first retained log entry.",
    (g) => g.status.firstIndex,
  );
  new Gauge({
    name: 'rheo_raft_role',
    help: "1 for the group's current role on this node (follower, pre-candidate, candidate, leader).",
    labelNames: [...groupLabels, 'role'],
    registers: [registry],
    collect() {
      this.reset();
      for (const g of rows()) this.set({ ...g.labels, role: g.status.role }, 1);
    },
  });
  const counter = (name: string, help: string, read: (g: GroupRow) => number) =>
    new Counter({
      name,
      help,
      labelNames: groupLabels,
      registers: [registry],
      collect() {
        setTotal(
          this,
          rows().map((g) => [g.labels, read(g)] as const),
        );
      },
    });
  counter(
    'rheo_raft_leader_changes_total',
    'Times this node saw the group change leader.',
    (g) => g.stats.leaderChanges,
  );
  counter(
    'rheo_raft_elections_total',
    'Elections this node started for the group.',
    (g) => g.stats.elections,
  );
  registerLeaderViews(registry, rows);
  registerHostFigures(registry, host);
}

/** What only a group's leader knows: each follower's lag, and whether all its voters answer. */
function registerLeaderViews(registry: Registry, rows: () => readonly GroupRow[]): void {
  new Gauge({
    name: 'rheo_raft_follower_lag_entries',
    help: "On the group's leader: entries a follower is behind the leader's last index (last index - match).",
    labelNames: [...groupLabels, 'follower'],
    registers: [registry],
    collect() {
      this.reset();
      for (const g of rows())
        for (const [id, p] of g.status.progress ?? [])
          if (id !== g.status.id)
            this.set({ ...g.labels, follower: id }, Math.max(0, g.status.lastIndex - p.match));
    },
  });
  new Gauge({
    name: 'rheo_raft_under_replicated_groups',
    help: 'Groups this node leads in which some voter has not answered within an election timeout, or is being probed or sent a snapshot.',
    registers: [registry],
    collect() {
      let n = 0;
      for (const g of rows()) if (underReplicated(g.status)) n++;
      this.set(n);
    },
  });
  new Gauge({
    name: 'rheo_raft_groups',
    help: 'Shard groups on this node, by role.',
    labelNames: ['role'],
    registers: [registry],
    collect() {
      this.reset();
      for (const role of ['follower', 'pre-candidate', 'candidate', 'leader']) this.set({ role }, 0);
      for (const g of rows()) if (!g.meta) this.inc({ role: g.status.role });
    },
  });
  new Gauge({
    name: 'rheo_raft_failed_groups',
    help: 'Shard replicas on this node stopped on a storage or apply error; each needs repair.',
    registers: [registry],
    collect() {
      this.set(rows().filter((g) => g.failed && !g.meta).length);
    },
  });
}

function underReplicated(s: RaftStatus): boolean {
  if (s.progress === undefined) return false;
  for (const [id, p] of s.progress)
    if (id !== s.id && !p.isLearner && (!p.recentActive || p.state !== 'replicate')) return true;
  return false;
}

function registerHostFigures(registry: Registry, host: ReplicaHost): void {
  const stats = perScrape(() => host.stats());
  new Counter({
    name: 'rheo_raft_ticks_total',
    help: 'Ticks of the shared Raft clock on this node.',
    registers: [registry],
    collect() {
      setTotal(this, [[{}, stats().ticks]]);
    },
  });
  new Counter({
    name: 'rheo_raft_lost_ticks_total',
    help: 'Tick intervals lost to event-loop or process stalls (leases are distrusted after each).',
    registers: [registry],
    collect() {
      setTotal(this, [[{}, stats().lostTicks]]);
    },
  });
  new Counter({
    name: 'rheo_raft_unknown_group_messages_total',
    help: 'Raft messages received for a group this node does not host (dropped).',
    registers: [registry],
    collect() {
      setTotal(this, [[{}, stats().unknownGroupMessages]]);
    },
  });
  new Gauge({
    name: 'rheo_produce_inflight_bytes',
    help: 'Produced bytes accepted by the shard leaders on this node and not yet answered.',
    registers: [registry],
    collect() {
      this.set(host.inflightBytes());
    },
  });
}
