// What every part of one simulation run shares: the clock, the event
// sequence (a total order finer than ticks, used to order acks before
// reads), the checkers, the trace and the network.

import type { ConfChange, NodeId, RaftConfig, RaftNodeApi } from '../../src/index.js';
import type { Checkers, DurableView } from './checkers/index.js';
import type { SimNetwork } from './network.js';
import type { Trace } from './trace.js';

/** How the simulator reaches the core under test: a constructor and the conf-change codec. */
export interface CoreAdapter {
  createNode(config: RaftConfig): RaftNodeApi;
  decodeConfChange(data: Uint8Array): ConfChange;
}

export interface ProposalAck {
  readonly node: NodeId;
  readonly index: number;
  readonly term: number;
  readonly payloadId: number;
}

/** Deliberately broken driver behaviours, used to prove that the checkers catch them. */
export type DriverBug =
  | 'none'
  /** Sends every message (votes, append acks) before persisting, and fsyncs only every few ticks. */
  | 'ack-before-sync'
  /** The storage cuts a damaged log but does not report needsRepair: the node votes with a hole. */
  | 'hide-damage'
  /** After a pause or a slow sync the driver forgets the ticks that elapsed (a timer that just resumes). */
  | 'no-clock-catch-up';

export interface SimContext {
  now: number;
  phase: 'safety' | 'liveness';
  readonly checkers: Checkers;
  readonly network: SimNetwork;
  readonly trace: Trace;
  readonly core: CoreAdapter;
  readonly driverBug: DriverBug;
  nextSeq(): number;
  /** The workload's hook: a node applied an entry (acks proposals made there). */
  onApplied(node: NodeId, index: number, term: number, payloadId: number): void;
  /** The synced state of a node's disk and whether it is damaged (for the committed-on-majority checker). */
  durableOf(node: NodeId): DurableView | undefined;
  isDamaged(node: NodeId): boolean;
  /** A node crashed: its clients' pending proposals are abandoned. */
  onCrashed(node: NodeId): void;
}
