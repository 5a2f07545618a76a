// Cluster.GetShardMap and DescribeCluster in cluster mode, from the
// metadata this node holds (a controller's applied state, a broker's
// mirror): every shard's replicas and its reported leader, where this
// node's own replica of a shard overrides the report when it knows a newer
// term (it hears of elections before the controller writes them down).
//
// The epoch combines the metadata epoch (its applied index) with this
// node's leader knowledge (per hosted shard, 2 x term, plus 1 while the
// leader is known): whenever either changes, the epoch rises, by at least
// one, and it never falls within a process. A client's cached map is
// therefore current exactly when its epoch equals the answer's.
import type { MetaState, NodeRecord, ShardRecord } from '@rheo/controller';
import { Role } from '@rheo/raft';
import { formatHashKey, type pb, RheoError } from '@rheo/wire';
import { metadataOf, statusView } from './admin-views.js';
import type { ServiceContext } from './service-context.js';

interface Leader {
  readonly nodeId: number;
  readonly term: number;
}

type NodeStateEnum = pb.NodeInfo['state'];
const HEALTHY: ReadonlySet<string> = new Set(['ALIVE', 'DRAINING']);
type RoleEnum = 'NODE_ROLE_BROKER' | 'NODE_ROLE_CONTROLLER';

export class ClusterMapView {
  private epochValue = 0;
  private lastSignature = '';

  constructor(private readonly ctx: ServiceContext) {}

  /** What this node's own replicas know: leader and term by group id. */
  private localLeaders(): Map<number, Leader> {
    const out = new Map<number, Leader>();
    for (const r of this.ctx.host.replicas()) {
      const s = r.status();
      out.set(s.groupId, { nodeId: s.role === Role.Leader ? this.ctx.nodeId : s.leader, term: s.term });
    }
    return out;
  }

  private epoch(state: MetaState, local: Map<number, Leader>): number {
    let sum = 0;
    for (const l of local.values()) sum += 2 * l.term + (l.nodeId > 0 ? 1 : 0);
    const signature = `${state.appliedIndex}:${sum}`;
    if (signature !== this.lastSignature) {
      this.lastSignature = signature;
      this.epochValue = Math.max(this.epochValue + 1, state.appliedIndex + sum);
    }
    return this.epochValue;
  }

  /** The leader a shard's route names: this node's newer-term knowledge over the reported one. */
  private static leaderOf(r: ShardRecord, local: Map<number, Leader>): Leader | undefined {
    const mine = local.get(r.groupId);
    const reported = r.leader;
    if (mine !== undefined && mine.nodeId > 0 && (reported === undefined || mine.term > reported.term))
      return mine;
    return reported;
  }

  getShardMap(req: pb.GetShardMapRequest__Output): pb.GetShardMapResponse {
    const state = metadataOf(this.ctx);
    for (const name of req.streamNames) {
      if (state.stream(name) === undefined)
        throw new RheoError('ResourceNotFound', `Stream ${name} not found`, { field: 'stream_names' });
    }
    const local = this.localLeaders();
    const epoch = this.epoch(state, local);
    if (req.knownEpoch !== 0 && Number(req.knownEpoch) === epoch) return { epoch, unchanged: true };
    const wanted = new Set(req.streamNames);
    const named = new Set<number>();
    const streams: pb.StreamShardMap[] = [];
    for (const s of state.streams()) {
      if (wanted.size > 0 && !wanted.has(s.name)) continue;
      const shards = state
        .shardsOf(s.name)
        .sort((a, b) =>
          a.hashRange.start < b.hashRange.start ? -1 : a.hashRange.start > b.hashRange.start ? 1 : 0,
        )
        .map((r) => {
          const leader = ClusterMapView.leaderOf(r, local);
          for (const id of r.replicas) named.add(id);
          if (leader !== undefined) named.add(leader.nodeId);
          return route(r, leader);
        });
      streams.push({ streamName: s.name, streamArn: s.arn, streamStatus: statusView(s.status), shards });
    }
    const counts = this.counts(state, local);
    const controller = this.ctx.cluster?.controller();
    const nodes = state
      .nodes()
      .filter((n) => named.has(n.id))
      .map((n) => nodeInfo(n, counts, controller?.lastHeardMs(n.id) ?? 0));
    return { epoch, unchanged: false, streams, nodes };
  }

  describeCluster(): pb.DescribeClusterResponse {
    const state = metadataOf(this.ctx);
    const local = this.localLeaders();
    const counts = this.counts(state, local);
    const controller = this.ctx.cluster?.controller();
    let underReplicated = 0;
    let leaderless = 0;
    // As the controller counts them: shards of live streams; a replica on an ALIVE or DRAINING node is healthy.
    for (const r of state.allShards()) {
      const stream = state.stream(r.streamName);
      if (stream === undefined || stream.status === 'DELETING') continue;
      if (r.open && ClusterMapView.leaderOf(r, local) === undefined) leaderless++;
      const healthy = r.replicas.filter((id) => HEALTHY.has(state.node(id)?.state ?? 'DEAD')).length;
      if (healthy < stream.replicationFactor) underReplicated++;
    }
    return {
      clusterId: state.clusterId,
      controllerNodeId: this.ctx.cluster?.controllerNodeId() ?? 0,
      // Only the active controller hears heartbeats; elsewhere the time is unknown (0).
      nodes: state.nodes().map((n) => nodeInfo(n, counts, controller?.lastHeardMs(n.id) ?? 0)),
      // The active controller sees the replicas' own reports; elsewhere the metadata's view is all there is.
      underReplicatedShardCount: controller?.underReplicatedShards() ?? underReplicated,
      leaderlessShardCount: controller?.leaderlessShards() ?? leaderless,
      epoch: this.epoch(state, local),
    };
  }

  private counts(state: MetaState, local: Map<number, Leader>): Counts {
    const replicas = new Map<number, number>();
    const leads = new Map<number, number>();
    for (const r of state.allShards()) {
      for (const id of r.replicas) replicas.set(id, (replicas.get(id) ?? 0) + 1);
      const l = ClusterMapView.leaderOf(r, local);
      if (l !== undefined) leads.set(l.nodeId, (leads.get(l.nodeId) ?? 0) + 1);
    }
    return { replicas, leads };
  }
}

interface Counts {
  readonly replicas: Map<number, number>;
  readonly leads: Map<number, number>;
}

function nodeInfo(n: NodeRecord, counts: Counts, lastHeartbeatMs: number): pb.NodeInfo {
  return {
    nodeId: n.id,
    address: n.address,
    gatewayAddress: n.gatewayAddress,
    roles: n.roles.map((r): RoleEnum => (r === 'broker' ? 'NODE_ROLE_BROKER' : 'NODE_ROLE_CONTROLLER')),
    rack: n.rack,
    state: `NODE_STATE_${n.state}` as NodeStateEnum,
    replicaCount: counts.replicas.get(n.id) ?? 0,
    leaderCount: counts.leads.get(n.id) ?? 0,
    lastHeartbeatMs,
  };
}

function route(r: ShardRecord, leader: Leader | undefined): pb.ShardRoute {
  return {
    shardId: r.shardId,
    hashKeyRange: {
      startingHashKey: formatHashKey(r.hashRange.start),
      endingHashKey: formatHashKey(r.hashRange.end),
    },
    open: r.open,
    groupId: r.groupId,
    replicaNodeIds: [...r.replicas],
    leaderNodeId: leader?.nodeId ?? 0,
    leaderTerm: leader?.term ?? 0,
  };
}
