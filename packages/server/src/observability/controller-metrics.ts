// The active controller's view of the cluster, pulled from a summary the
// controller keeps (a getter, called at scrape time), plus the one thing it
// pushes: each scaling action, by reason. Registered only on nodes that can
// be the controller; a node that is not the active one now reports
// rheo_controller_active 0 and no cluster figures, so the cluster's figures
// come from exactly one node at a time.
import { Counter, Gauge, type Registry } from 'prom-client';
import { perScrape } from './per-scrape.js';

/** What the controller tells the metrics; plain numbers, computed when asked. */
export interface ControllerSummary {
  /** Brokers by liveness state (ALIVE, SUSPECT, DEAD, DRAINING, DRAINED, ...). */
  readonly nodesByState: Record<string, number>;
  readonly shardsOpen: number;
  readonly shardsClosed: number;
  /** Open shards whose live, caught-up replicas are fewer than desired. */
  readonly underReplicated: number;
  /** Open shards with no reported leader. */
  readonly leaderless: number;
  /** Shard leaders per node id. */
  readonly leadersPerNode: Record<number, number>;
}

export interface ControllerMetrics {
  /** One scaling action the controller took (split, merge, ...), by why (e.g. 'write-throughput', 'operator'). */
  countScalingAction(action: string, reason: string): void;
}

/** `summary` returns undefined while this node is not the active controller. */
export function registerControllerMetrics(
  registry: Registry,
  summary: () => ControllerSummary | undefined,
): ControllerMetrics {
  const get = perScrape(summary);
  new Gauge({
    name: 'rheo_controller_active',
    help: '1 on the node that is the active controller (leads the metadata group), else 0.',
    registers: [registry],
    collect() {
      this.set(get() === undefined ? 0 : 1);
    },
  });
  const gauge = (
    name: string,
    help: string,
    fill: (g: Gauge<string>, s: ControllerSummary) => void,
    labels: string[] = [],
  ) =>
    new Gauge({
      name,
      help,
      labelNames: labels,
      registers: [registry],
      collect() {
        this.reset();
        const s = get();
        if (s !== undefined) fill(this, s);
      },
    });
  gauge(
    'rheo_controller_nodes',
    'Broker nodes by state, as the active controller sees them.',
    (g, s) => {
      for (const [state, n] of Object.entries(s.nodesByState)) g.set({ state }, n);
    },
    ['state'],
  );
  gauge(
    'rheo_controller_shards',
    'Shards by state (open, closed).',
    (g, s) => {
      g.set({ state: 'open' }, s.shardsOpen);
      g.set({ state: 'closed' }, s.shardsClosed);
    },
    ['state'],
  );
  gauge(
    'rheo_controller_under_replicated_shards',
    'Open shards with fewer live, caught-up replicas than desired.',
    (g, s) => g.set(s.underReplicated),
  );
  gauge('rheo_controller_leaderless_shards', 'Open shards with no reported leader.', (g, s) =>
    g.set(s.leaderless),
  );
  gauge(
    'rheo_controller_shard_leaders',
    'Shard leaders per node (leader balance).',
    (g, s) => {
      for (const [node, n] of Object.entries(s.leadersPerNode)) g.set({ node }, n);
    },
    ['node'],
  );
  const actions = new Counter({
    name: 'rheo_controller_scaling_actions_total',
    help: 'Scaling actions the controller took, by action and reason.',
    labelNames: ['action', 'reason'],
    registers: [registry],
  });
  return { countScalingAction: (action, reason) => actions.inc({ action, reason }) };
}
