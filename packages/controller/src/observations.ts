// What the active controller has heard: each node's last heartbeat and when
// (by the controller's own clock). Observations are not replicated: a new
// active controller starts with none and counts every node's silence from
// its own takeover (docs/cluster.md), so a slow failover never declares the
// whole cluster dead.
import type { pb } from '@rheo/wire';

export type Heartbeat = pb.NodeHeartbeat__Output;
export type ReplicaReport = pb.ReplicaState__Output;

export class Observations {
  readonly #takeoverMs: number;
  readonly #heardMs = new Map<number, number>();
  readonly #reports = new Map<number, Heartbeat>();

  constructor(takeoverMs: number) {
    this.#takeoverMs = takeoverMs;
  }

  record(hb: Heartbeat, nowMs: number): void {
    this.#heardMs.set(hb.nodeId, nowMs);
    this.#reports.set(hb.nodeId, hb);
  }

  /** A (re-)registration counts as hearing from the node; its old report describes a process that is gone. */
  registered(nodeId: number, nowMs: number): void {
    this.#heardMs.set(nodeId, nowMs);
    this.#reports.delete(nodeId);
  }

  forget(nodeId: number): void {
    this.#heardMs.delete(nodeId);
    this.#reports.delete(nodeId);
  }

  /** When the node was last heard; the takeover time when never. */
  lastHeardMs(nodeId: number): number {
    return this.#heardMs.get(nodeId) ?? this.#takeoverMs;
  }

  /** True once the node has registered or heartbeated to this controller. */
  heard(nodeId: number): boolean {
    return this.#heardMs.has(nodeId);
  }

  silenceMs(nodeId: number, nowMs: number): number {
    return nowMs - this.lastHeardMs(nodeId);
  }

  report(nodeId: number): Heartbeat | undefined {
    return this.#reports.get(nodeId);
  }

  /** Every node's last report, by node id. */
  reports(): ReadonlyMap<number, Heartbeat> {
    return this.#reports;
  }
}
