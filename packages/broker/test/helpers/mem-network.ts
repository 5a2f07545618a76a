// An in-memory network for ReplicaHosts in one process: each host's
// outbound messages are delivered to the addressee host on a later turn of
// the event loop (as a real transport would), unless a rule drops them.
// Rules are directional, so a test can let Apps reach a follower while its
// answers are lost, or isolate a node entirely.

import type { Message } from '@rheo/raft';
import type { RaftOutbound, ReplicaHost } from '../../src/index.js';

export class MemNetwork {
  private readonly hosts = new Map<number, ReplicaHost>();
  private readonly blocked = new Set<string>();
  private queue: Array<{ groupId: number; msg: Message }> = [];
  private scheduled = false;
  /** Optional per-message filter: return false to drop. */
  filter: ((groupId: number, msg: Message) => boolean) | undefined = undefined;
  delivered = 0;
  dropped = 0;

  attach(id: number, host: ReplicaHost): void {
    this.hosts.set(id, host);
  }

  detach(id: number): void {
    this.hosts.delete(id);
  }

  /** The transport a host with this id sends through. */
  outbound(from: number): RaftOutbound {
    return {
      send: (groupId, msg) => {
        if (this.blocked.has(`${from}>${msg.to}`) || (this.filter && !this.filter(groupId, msg))) {
          this.dropped++;
          return;
        }
        this.queue.push({ groupId, msg });
        if (!this.scheduled) {
          this.scheduled = true;
          setImmediate(() => this.flush());
        }
      },
    };
  }

  private flush(): void {
    this.scheduled = false;
    const q = this.queue;
    this.queue = [];
    for (const { groupId, msg } of q) {
      const h = this.hosts.get(msg.to);
      // A rule set after sending still drops (the message was "on the wire").
      if (h === undefined || this.blocked.has(`${msg.from}>${msg.to}`)) {
        this.dropped++;
        continue;
      }
      this.delivered++;
      h.deliver(groupId, msg);
    }
  }

  /** Drops messages from `from` to `to` (one direction). */
  block(from: number, to: number): void {
    this.blocked.add(`${from}>${to}`);
  }

  /** Cuts a node off from every other node, both directions. */
  isolate(id: number, others: readonly number[]): void {
    for (const o of others) {
      if (o === id) continue;
      this.block(id, o);
      this.block(o, id);
    }
  }

  heal(): void {
    this.blocked.clear();
    this.filter = undefined;
  }
}
