// The nodes this node knows of and their client addresses: itself (its
// advertised address), the hand-configured peers and the controller voters.
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

export class NodeDirectory {
  private readonly nodes = new Map<number, KnownNode>();

  constructor(config: NodeConfig) {
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
    return this.nodes.get(id)?.address;
  }

  node(id: number): KnownNode | undefined {
    return this.nodes.get(id);
  }

  /** Every known node, sorted by id. */
  all(): KnownNode[] {
    return [...this.nodes.values()].sort((a, b) => a.id - b.id);
  }
}
