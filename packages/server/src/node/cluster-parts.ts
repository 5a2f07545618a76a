// The parts a cluster-mode node adds to the data path (docs/cluster.md):
// - on a controller-role node, its replica of the metadata group and the
//   runner that starts the ActiveController while that replica leads;
// - on a broker-only node, the metadata mirror its broker agent fills;
// - the catalog the services read (MetaCatalog over whichever of the two),
//   the forwarding of mutations to the active controller, and the peers the
//   transport dials, kept in step with the metadata's node records;
// - on a broker-role node, the BrokerAgent (started last, once serving).
import type { ChannelCredentials } from '@grpc/grpc-js';
import type { ReplicaHost } from '@rheo/broker';
import { controllerConfig, type MetaState } from '@rheo/controller';
import type { Message, RandomSource } from '@rheo/raft';
import type { NodeStore } from '@rheo/storage';
import { RheoError } from '@rheo/wire';
import { BrokerAgent } from '../cluster/broker-agent.js';
import { ControllerForwarder } from '../cluster/controller-forwarder.js';
import { ControllerRunner } from '../cluster/controller-runner.js';
import { MetaCatalog } from '../cluster/meta-catalog.js';
import { metaGroupId } from '../cluster/meta-open.js';
import { MetaReplica } from '../cluster/meta-replica.js';
import { MetadataMirror } from '../cluster/metadata-mirror.js';
import type { NodeConfig } from '../config/schema.js';
import { type Logger, raftLogger } from '../log/logger.js';
import type { ClusterAccess } from '../services/cluster-access.js';
import type { RaftTransport } from '../transport/raft-transport.js';
import type { KnownNode } from './node-directory.js';

export interface ClusterParts {
  readonly meta: MetaReplica | undefined;
  readonly runner: ControllerRunner | undefined;
  readonly mirror: MetadataMirror;
  readonly catalog: MetaCatalog;
  readonly access: ClusterAccess;
  readonly forwarder: ControllerForwarder;
  /** The nodes the metadata records (for the node directory). */
  learnedNodes(): KnownNode[];
  /** Routes group 1 to the metadata replica; returns false for other groups. */
  deliver(groupId: number, msg: Message): boolean;
  /** Set once the transport exists (the metadata replica sends through it; peers follow the metadata). */
  attachTransport(t: RaftTransport): void;
  agent: BrokerAgent | undefined;
}

export interface ClusterPartsInput {
  readonly config: NodeConfig;
  readonly store: NodeStore;
  readonly host: ReplicaHost;
  readonly log: Logger;
  readonly random?: RandomSource | undefined;
  readonly nowMs?: (() => number) | undefined;
  /** How this node dials the others: TLS when it has it (node/tls.ts). */
  readonly credentials?: ChannelCredentials | undefined;
}

/** Opens the metadata replica (controller role) and builds the rest; nothing runs until start. */
export async function openClusterParts(input: ClusterPartsInput): Promise<ClusterParts> {
  const { config, store, log } = input;
  let transport: RaftTransport | undefined;
  let runner: ControllerRunner | undefined;
  let peersSignature = '';
  const syncPeers = (state: MetaState): void => {
    const peers = state
      .nodes()
      .filter((n) => n.id !== config.nodeId && n.address !== '')
      .map((n) => ({ id: n.id, address: n.address }));
    const signature = peers.map((p) => `${p.id}@${p.address}`).join(',');
    if (transport === undefined || signature === peersSignature) return;
    peersSignature = signature;
    transport.setPeers(peers);
  };
  const mirror = new MetadataMirror(syncPeers);
  const meta = config.roles.includes('controller')
    ? await MetaReplica.open({
        nodeId: config.nodeId,
        clusterId: config.clusterId,
        store,
        voters: config.controllerVoters.map((v) => v.id),
        send: (groupId, msg) => transport?.send(groupId, msg),
        options: {
          tickIntervalMs: config.tickIntervalMs,
          electionTicks: config.electionTicks,
          heartbeatTicks: config.heartbeatTicks,
        },
        random: input.random ?? { int: (n) => Math.floor(Math.random() * n) },
        raftLogger: raftLogger(log.child({ component: 'meta-raft', group: metaGroupId })),
        log: log.child({ component: 'meta' }),
        onApplied: syncPeers,
        onLeadership: (isLeader) => runner?.onLeadership(isLeader),
      })
    : undefined;
  if (meta !== undefined) {
    runner = new ControllerRunner(
      config.nodeId,
      meta,
      controllerConfig(config.clusterId, {
        heartbeatIntervalMs: config.heartbeatIntervalMs,
        nodeSuspectAfterMs: config.nodeSuspectAfterMs,
        nodeDeadAfterMs: config.nodeDeadAfterMs,
        defaultReplicationFactor: config.defaultReplicationFactor,
        shardLimit: config.shardLimit,
        scalingCallsPerDayMax: config.scalingCallsPerDayMax,
        scalingFactorMax: config.scalingFactorMax,
        modeSwitchesPerDayMax: config.modeSwitchesPerDayMax,
      }),
      log.child({ component: 'controller' }),
      input.nowMs,
    );
  }
  const metadata = (): MetaState | undefined => meta?.state() ?? mirror.state();
  const controllerNodeId = () => meta?.leader() ?? mirror.controllerNodeId();
  const catalog = new MetaCatalog(metadata);
  const learnedNodes = (): KnownNode[] =>
    (metadata()?.nodes() ?? []).map((n) => ({ id: n.id, address: n.address, roles: n.roles }));
  const voterAddress = (id: number) => config.controllerVoters.find((v) => v.id === id)?.address;
  const forwarder = new ControllerForwarder({
    nodeId: config.nodeId,
    voters: config.controllerVoters.map((v) => v.id),
    address: (id) => voterAddress(id) ?? metadata()?.node(id)?.address,
    controllerNodeId,
    ...(input.credentials === undefined ? {} : { credentials: input.credentials }),
  });
  const access: ClusterAccess = {
    metadata,
    controller: () => runner?.controller,
    controllerNodeId,
    notController: () => meta?.notLeader() ?? notController(config.nodeId, mirror.controllerNodeId()),
    shardLimit: config.shardLimit,
    forward: (service, method, req, deadline) => forwarder.forward(service, method, req, deadline),
  };
  return {
    meta,
    runner,
    mirror,
    catalog,
    access,
    forwarder,
    learnedNodes,
    agent: undefined,
    deliver(groupId, msg) {
      if (groupId !== metaGroupId) return false;
      meta?.step(msg);
      return true;
    },
    attachTransport(t) {
      transport = t;
      const state = metadata();
      if (state !== undefined) syncPeers(state);
    },
  };
}

function notController(nodeId: number, known: number): RheoError {
  const other = known > 0 && known !== nodeId;
  return new RheoError(
    'NotLeader',
    `node ${nodeId} does not run the active controller${other ? `; node ${known} does` : ''}`,
    other ? { leaderNodeId: known } : {},
  );
}

/** The broker agent of a broker-role node (not started). */
export function newBrokerAgent(
  parts: ClusterParts,
  input: ClusterPartsInput,
  transport: RaftTransport,
): BrokerAgent {
  const { config, log } = input;
  return new BrokerAgent({
    nodeId: config.nodeId,
    clusterId: config.clusterId,
    incarnation: transport.incarnation,
    address: config.advertisedAddress,
    gatewayAddress: config.gatewayListen?.address ?? '',
    roles: config.roles,
    rack: config.rack,
    controllerVoters: config.controllerVoters.map((v) => ({ id: v.id, address: v.address })),
    host: input.host,
    store: input.store,
    dataDir: config.dataDir,
    heartbeatIntervalMs: config.heartbeatIntervalMs,
    // A controller node reads its own applied state; a broker-only node mirrors it.
    fetchMetadata: parts.meta === undefined,
    onMetadataEpoch: (epoch, controllerId) => parts.mirror.onEpoch(epoch, controllerId),
    onMetadata: (epoch, bytes) => {
      try {
        parts.mirror.onMetadata(epoch, bytes);
      } catch (err) {
        log.error({ err, epoch }, 'the fetched metadata does not decode; keeping the previous copy');
      }
    },
    log: log.child({ component: 'agent' }),
    ...(input.credentials === undefined ? {} : { credentials: input.credentials }),
    ...(input.nowMs === undefined ? {} : { nowMs: input.nowMs }),
  });
}
