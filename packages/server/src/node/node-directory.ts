// The nodes this node knows of and their client addresses: itself (its
// advertised address), the hand-configured peers and the controller voters,
// and in cluster mode every node the metadata records (registered brokers
// the configuration never named).
// Errors and the shard map name nodes by id and address from here, so a
// client is always told where to go, not just which node id to look for.
import type { NodeConfig, NodeRole } from '../config/schema.js';

export interface KnownNode {
  readonly id: number;
  /** host:port of its gRPC server. */
  readonly address: string;
  /** The roles the configuration tells this node of (its own, or voter → controller, peer → broker). */
  readonly roles: readonly NodeRole[];
}

/** Nodes known at run time (cluster mode: the metadata's node records). */
export type LearnedNodes = () => Iterable<KnownNode>;

export class NodeDirectory {
  private readonly nodes = new Map<number, KnownNode>();

  constructor(
    config: NodeConfig,
    private readonly learned: LearnedNodes = () => [],
  ) {
    const roles = new Map<number, Set<NodeRole>>();
    const addresses = new Map<number, string>();
    const note = (id: number, address: string, role: NodeRole): void => {
      addresses.set(id, addresses.get(id) ?? address);
      const set = roles.get(id) ?? new Set<NodeRole>();
      set.add(role);
      roles.set(id, set);
    };
    for (const v of config.controllerVoters) note(v.id, v.address, 'controller');
    for (const p of config.peers) note(p.id, p.address, 'broker');
    // The node's own roles are known exactly; the config check made its address agree with the lists.
    addresses.set(config.nodeId, config.advertisedAddress);
    roles.set(config.nodeId, new Set(config.roles));
    for (const [id, address] of addresses) {
      const r = [...(roles.get(id) ?? [])].sort();
      this.nodes.set(id, Object.freeze({ id, address, roles: Object.freeze(r) }));
    }
  }

  address(id: number): string | undefined {
    return this.node(id)?.address;
  }

  /** A configured node (the configuration is authoritative for those), else a learned one. */
  node(id: number): KnownNode | undefined {
    const configured = this.nodes.get(id);
    if (configured !== undefined) return configured;
    for (const n of this.learned()) if (n.id === id) return n;
    return undefined;
  }

  /** Every known node, sorted by id. */
  all(): KnownNode[] {
    const out = new Map(this.nodes);
    for (const n of this.learned()) if (!out.has(n.id)) out.set(n.id, n);
    return [...out.values()].sort((a, b) => a.id - b.id);
  }
}
