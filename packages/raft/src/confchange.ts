// Membership changes as pure functions from (configuration, progress) to a
// new (configuration, progress), as etcd-io/raft confchange/confchange.go:
// simple changes (one voter at a time), entering and leaving a joint
// configuration, and restoring a configuration from a ConfState. Invalid
// changes return an error string instead of a result.

import type { ConfChange, ConfChangeSingle } from './node-api.js';
import { Progress } from './progress.js';
import { cloneConfig, emptyConfig, type TrackerConfig } from './tracker.js';
import type { ConfState, NodeId } from './types.js';

export interface ChangeResult {
  readonly config: TrackerConfig;
  readonly progress: Map<NodeId, Progress>;
}

export interface ChangerContext {
  readonly config: TrackerConfig;
  readonly progress: ReadonlyMap<NodeId, Progress>;
  /** New members' progress starts probing at this index. */
  readonly lastIndex: number;
  readonly maxInflightMsgs: number;
  readonly maxInflightBytes: number;
}

/** Applies a ConfChange the way every node must: simple, enter-joint or leave-joint by its shape. */
export function applyChange(ctx: ChangerContext, cc: ConfChange): ChangeResult | string {
  if (cc.changes.length === 0) return leaveJoint(ctx);
  if (cc.transition === 'auto' && cc.changes.length === 1) return simple(ctx, cc.changes);
  return enterJoint(ctx, cc.transition === 'auto', cc.changes);
}

export function enterJoint(
  ctx: ChangerContext,
  autoLeave: boolean,
  ccs: readonly ConfChangeSingle[],
): ChangeResult | string {
  const w = working(ctx);
  if (w.config.outgoing.size > 0) return 'configuration is already joint';
  if (w.config.incoming.size === 0) return 'cannot make a zero-voter configuration joint';
  for (const id of w.config.incoming) w.config.outgoing.add(id);
  const err = applyAll(ctx, w, ccs);
  if (err) return err;
  w.config.autoLeave = autoLeave;
  return checked(w);
}

export function leaveJoint(ctx: ChangerContext): ChangeResult | string {
  const w = working(ctx);
  if (w.config.outgoing.size === 0) return 'cannot leave a non-joint configuration';
  for (const id of w.config.learnersNext) {
    w.config.learners.add(id);
    w.progress.get(id)!.isLearner = true;
  }
  w.config.learnersNext.clear();
  for (const id of w.config.outgoing) {
    if (!w.config.incoming.has(id) && !w.config.learners.has(id)) w.progress.delete(id);
  }
  w.config.outgoing.clear();
  w.config.autoLeave = false;
  return checked(w);
}

export function simple(ctx: ChangerContext, ccs: readonly ConfChangeSingle[]): ChangeResult | string {
  const w = working(ctx);
  if (w.config.outgoing.size > 0) return 'cannot apply a simple change in a joint configuration';
  const err = applyAll(ctx, w, ccs);
  if (err) return err;
  let changed = 0;
  for (const id of ctx.config.incoming) if (!w.config.incoming.has(id)) changed++;
  for (const id of w.config.incoming) if (!ctx.config.incoming.has(id)) changed++;
  if (changed > 1) return 'more than one voter changed without entering a joint configuration';
  return checked(w);
}

/** Builds the configuration described by a ConfState (at start-up or from a snapshot). */
export function restore(
  ctx: Omit<ChangerContext, 'config' | 'progress'>,
  cs: ConfState,
): ChangeResult | string {
  const config = emptyConfig();
  const progress = new Map<NodeId, Progress>();
  const add = (id: NodeId, learner: boolean) => {
    if (!progress.has(id)) {
      progress.set(id, newProgress(ctx, learner));
    }
  };
  for (const id of cs.voters) {
    config.incoming.add(id);
    add(id, false);
  }
  for (const id of cs.votersOutgoing) {
    config.outgoing.add(id);
    add(id, false);
  }
  for (const id of cs.learners) {
    config.learners.add(id);
    add(id, true);
  }
  for (const id of cs.learnersNext) {
    config.learnersNext.add(id);
    add(id, false);
  }
  config.autoLeave = cs.autoLeave;
  return checked({ config, progress });
}

function working(ctx: ChangerContext): ChangeResult {
  const progress = new Map<NodeId, Progress>();
  // Work on copies so that an invalid change leaves the live tracker as it
  // was; switchToConfig then keeps the live Progress of members that stay.
  for (const [id, pr] of ctx.progress) progress.set(id, cloneProgress(ctx, pr));
  return { config: cloneConfig(ctx.config), progress };
}

function cloneProgress(ctx: ChangerContext, pr: Progress): Progress {
  const p = new Progress(pr.next, ctx.maxInflightMsgs, ctx.maxInflightBytes, pr.isLearner);
  p.match = pr.match;
  p.recentActive = pr.recentActive;
  p.heartbeatAckTick = pr.heartbeatAckTick;
  // Only membership fields matter here: the copy is discarded for the live one.
  return p;
}

function newProgress(
  ctx: { lastIndex: number; maxInflightMsgs: number; maxInflightBytes: number },
  learner: boolean,
) {
  const p = new Progress(Math.max(ctx.lastIndex, 1), ctx.maxInflightMsgs, ctx.maxInflightBytes, learner);
  // A new member counts as active, or check-quorum could step a leader down
  // right after adding it.
  p.recentActive = true;
  return p;
}

function applyAll(ctx: ChangerContext, w: ChangeResult, ccs: readonly ConfChangeSingle[]): string | null {
  for (const cc of ccs) {
    if (!Number.isSafeInteger(cc.nodeId) || cc.nodeId <= 0) return `invalid node id ${String(cc.nodeId)}`;
    switch (cc.type) {
      case 'add-voter':
        makeVoter(ctx, w, cc.nodeId);
        break;
      case 'add-learner':
        makeLearner(ctx, w, cc.nodeId);
        break;
      case 'remove-voter':
        remove(w, cc.nodeId);
        break;
      default:
        return `unknown conf change type ${String((cc as { type: unknown }).type)}`;
    }
  }
  if (w.config.incoming.size === 0) return 'removed all voters';
  return null;
}

function makeVoter(ctx: ChangerContext, w: ChangeResult, id: NodeId): void {
  const pr = w.progress.get(id);
  if (!pr) {
    w.progress.set(id, newProgress(ctx, false));
  } else {
    pr.isLearner = false;
    w.config.learners.delete(id);
    w.config.learnersNext.delete(id);
  }
  w.config.incoming.add(id);
}

function makeLearner(ctx: ChangerContext, w: ChangeResult, id: NodeId): void {
  const pr = w.progress.get(id);
  if (!pr) {
    w.progress.set(id, newProgress(ctx, true));
    w.config.learners.add(id);
    return;
  }
  if (pr.isLearner) return;
  // Demote: drop from the incoming voters but keep the progress.
  w.config.incoming.delete(id);
  w.config.learners.delete(id);
  w.config.learnersNext.delete(id);
  // A voter of the outgoing half cannot be a learner yet: it becomes one on leaving.
  if (w.config.outgoing.has(id)) {
    w.config.learnersNext.add(id);
  } else {
    pr.isLearner = true;
    w.config.learners.add(id);
  }
}

function remove(w: ChangeResult, id: NodeId): void {
  if (!w.progress.has(id)) return;
  w.config.incoming.delete(id);
  w.config.learners.delete(id);
  w.config.learnersNext.delete(id);
  // An outgoing voter keeps its progress until the joint configuration is left.
  if (!w.config.outgoing.has(id)) w.progress.delete(id);
}

function checked(w: ChangeResult): ChangeResult | string {
  const { config, progress } = w;
  for (const id of config.learners) {
    if (config.incoming.has(id) || config.outgoing.has(id)) return `${id} is both a learner and a voter`;
    if (!progress.get(id)?.isLearner) return `learner ${id} has no learner progress`;
  }
  for (const id of config.learnersNext) {
    if (!config.outgoing.has(id)) return `${id} is in learnersNext but not an outgoing voter`;
    if (progress.get(id)?.isLearner !== false) return `${id} in learnersNext must not be marked learner yet`;
  }
  for (const set of [config.incoming, config.outgoing]) {
    for (const id of set) {
      const pr = progress.get(id);
      if (!pr) return `voter ${id} has no progress`;
      if (pr.isLearner) return `voter ${id} is marked learner`;
    }
  }
  if (config.outgoing.size === 0 && (config.learnersNext.size > 0 || config.autoLeave)) {
    return 'learnersNext or autoLeave set outside a joint configuration';
  }
  return w;
}
