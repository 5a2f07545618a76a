// Ids for replica commands. A command repeats with the same id while it is
// still wanted, so the node runs it once; once the node reports the id done,
// or the command is no longer wanted, the id is retired, and the same command
// wanted again later (the next membership step, a replica re-created) gets a
// fresh one. Ids start from the controller's takeover time so that a new
// active controller's ids do not collide with its predecessor's.
import type { pb } from '@rheo/wire';
import type { PlannedCommand } from './reconcile.js';

/** Ids are uint64 on the wire but decode as JS numbers: stay below 2^53. */
const idsPerMs = 1000;

export class CommandIds {
  #next: number;
  /** Per node: command key → id, for the commands last sent to it. */
  readonly #byNode = new Map<number, Map<string, number>>();

  constructor(takeoverMs: number) {
    this.#next = Math.max(1, Math.floor(takeoverMs) * idsPerMs);
  }

  /** `planned` with ids: the same ids as last time for commands still wanted and not reported done. */
  assign(
    nodeId: number,
    planned: readonly PlannedCommand[],
    completed: readonly number[],
  ): pb.ReplicaCommand[] {
    const done = new Set(completed);
    const last = this.#byNode.get(nodeId) ?? new Map<string, number>();
    const now = new Map<string, number>();
    const out: pb.ReplicaCommand[] = [];
    for (const p of planned) {
      let id = last.get(p.key);
      if (id === undefined || done.has(id)) id = this.#next++;
      now.set(p.key, id);
      out.push({ commandId: id, ...p.command });
    }
    this.#byNode.set(nodeId, now);
    return out;
  }

  forget(nodeId: number): void {
    this.#byNode.delete(nodeId);
  }
}
