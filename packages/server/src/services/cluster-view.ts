// Cluster.GetShardMap and Cluster.DescribeCluster from what this node knows
// before a controller exists: the static streams (the same on every node),
// the leaders of the shards it hosts (from its own replicas), and which
// peers its Raft transport reaches. A shard this node does not host shows
// no leader (0); a client asks one of its replicas.
//
// The epoch: sum over hosted shards of 2 × term, plus 1 while the leader of
// that term is known. A term only rises and a leader is learned once per
// term, so the sum rises with every leader change this node sees; nodes
// that agree on terms and leaders answer the same epoch. It is kept
// monotonic per process (a pre-candidate forgets its leader without a new
// term), and is at least 1 (0 asks for the full map).
import { Role } from '@rheo/raft';
import { formatHashKey, type pb, RheoError } from '@rheo/wire';
import type { CatalogShard } from './catalog.js';
import type { ServiceContext } from './service-context.js';

type NodeState = pb.NodeInfo['state'];
type NodeRoleName = 'NODE_ROLE_BROKER' | 'NODE_ROLE_CONTROLLER';

interface ShardLeader {
  readonly leader: number;
  readonly term: number;
}

export class ClusterView {
  private epochFloor = 1;

  constructor(private readonly ctx: ServiceContext) {}

  /** Leader and term of every shard this node hosts, by group id. */
  private leaders(): Map<number, ShardLeader> {
    const out = new Map<number, ShardLeader>();
    for (const r of this.ctx.host.replicas()) {
      const s = r.status();
      out.set(s.groupId, { leader: s.role === Role.Leader ? this.ctx.nodeId : s.leader, term: s.term });
    }
    return out;
  }

  private epoch(leaders: Map<number, ShardLeader>): number {
    let sum = 1;
    for (const l of leaders.values()) sum += 2 * l.term + (l.leader > 0 ? 1 : 0);
    this.epochFloor = Math.max(this.epochFloor, sum);
    return this.epochFloor;
  }

  getShardMap(req: pb.GetShardMapRequest__Output): pb.GetShardMapResponse {
    const { catalog } = this.ctx;
    for (const name of req.streamNames) {
      if (catalog.stream(name) === undefined)
        throw new RheoError('ResourceNotFound', `Stream ${name} not found`, { field: 'stream_names' });
    }
    const leaders = this.leaders();
    const epoch = this.epoch(leaders);
    if (req.knownEpoch !== 0 && req.knownEpoch === epoch) return { epoch, unchanged: true };
    const wanted = new Set(req.streamNames);
    const named = new Set<number>();
    const streams: pb.StreamShardMap[] = [];
    for (const stream of catalog.streams()) {
      if (wanted.size > 0 && !wanted.has(stream.name)) continue;
      const shards = stream.shards.map((s) => shardRoute(s, leaders.get(s.spec.groupId)));
      for (const s of stream.shards) for (const id of s.spec.replicas) named.add(id);
      for (const r of shards)
        if (r.leaderNodeId !== undefined && r.leaderNodeId > 0) named.add(r.leaderNodeId);
      streams.push({
        streamName: stream.name,
        streamArn: stream.arn,
        streamStatus: 'STREAM_STATUS_ACTIVE',
        shards,
      });
    }
    const counts = this.counts(leaders);
    const nodes = [...named]
      .sort((a, b) => a - b)
      .map((id) => this.nodeInfo(id, counts))
      .filter((n): n is pb.NodeInfo => n !== undefined);
    return { epoch, unchanged: false, streams, nodes };
  }

  describeCluster(): pb.DescribeClusterResponse {
    const leaders = this.leaders();
    const counts = this.counts(leaders);
    let underReplicated = 0;
    let leaderless = 0;
    for (const r of this.ctx.host.replicas()) {
      const l = leaders.get(r.spec.groupId);
      if (l === undefined || l.leader === 0) leaderless++;
      if (r.spec.replicas.some((id) => this.state(id) !== 'NODE_STATE_ALIVE')) underReplicated++;
    }
    return {
      clusterId: this.ctx.clusterId,
      controllerNodeId: 0,
      nodes: this.ctx.directory
        .all()
        .map((n) => this.nodeInfo(n.id, counts))
        .filter((n): n is pb.NodeInfo => n !== undefined),
      underReplicatedShardCount: underReplicated,
      leaderlessShardCount: leaderless,
      epoch: this.epoch(leaders),
    };
  }

  /** Replicas per node (from the static streams) and leaders per node (as far as this node knows). */
  private counts(leaders: Map<number, ShardLeader>): {
    replicas: Map<number, number>;
    leads: Map<number, number>;
  } {
    const replicas = new Map<number, number>();
    for (const stream of this.ctx.catalog.streams()) {
      for (const s of stream.shards)
        for (const id of s.spec.replicas) replicas.set(id, (replicas.get(id) ?? 0) + 1);
    }
    const leads = new Map<number, number>();
    for (const l of leaders.values()) if (l.leader > 0) leads.set(l.leader, (leads.get(l.leader) ?? 0) + 1);
    return { replicas, leads };
  }

  private state(id: number): NodeState {
    if (id === this.ctx.nodeId) return 'NODE_STATE_ALIVE';
    const peer = this.ctx.transportStats().peers.find((p) => p.peerId === id);
    return peer?.connected === true ? 'NODE_STATE_ALIVE' : 'NODE_STATE_SUSPECT';
  }

  private nodeInfo(
    id: number,
    counts: { replicas: Map<number, number>; leads: Map<number, number> },
  ): pb.NodeInfo | undefined {
    const known = this.ctx.directory.node(id);
    if (known === undefined) return undefined;
    return {
      nodeId: id,
      address: known.address,
      gatewayAddress: '',
      roles: known.roles.map(
        (r): NodeRoleName => (r === 'broker' ? 'NODE_ROLE_BROKER' : 'NODE_ROLE_CONTROLLER'),
      ),
      rack: id === this.ctx.nodeId ? this.ctx.rack : '',
      state: this.state(id),
      replicaCount: counts.replicas.get(id) ?? 0,
      leaderCount: counts.leads.get(id) ?? 0,
      lastHeartbeatMs: 0,
    };
  }
}

function shardRoute(s: CatalogShard, leader: ShardLeader | undefined): pb.ShardRoute {
  return {
    shardId: s.spec.shardId,
    hashKeyRange: {
      startingHashKey: formatHashKey(s.spec.hashRange.start),
      endingHashKey: formatHashKey(s.spec.hashRange.end),
    },
    open: s.open,
    groupId: s.spec.groupId,
    replicaNodeIds: [...s.spec.replicas],
    leaderNodeId: leader?.leader ?? 0,
    leaderTerm: leader?.term ?? 0,
  };
}
