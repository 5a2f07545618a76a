// Applying membership changes to the running node: switching the tracker to
// a new configuration, and what a leader does when the configuration under
// it changes (commit with the new quorum, catch up new members, step down
// when removed).

import { applyChange } from './confchange.js';
import { bcastAppend, maybeCommit, sendAppend } from './leader.js';
import type { ConfChange } from './node-api.js';
import type { Progress } from './progress.js';
import type { Raft } from './raft.js';
import type { TrackerConfig } from './tracker.js';
import { type ConfState, NONE, type NodeId, Role } from './types.js';

/**
 * Applies a committed conf change. An invalid change (only possible if it was
 * validated against another configuration) is skipped, the same way on every
 * node, and logged.
 */
export function applyConfChange(r: Raft, cc: ConfChange): ConfState {
  const res = applyChange(
    {
      ...r.changerLimits(),
      config: r.trk.config,
      progress: r.trk.progress,
    },
    cc,
  );
  if (typeof res === 'string') {
    r.logger.error('committed conf change is invalid; skipped', { id: r.id, why: res });
    return r.trk.confState();
  }
  return switchToConfig(r, res.config, res.progress);
}

export function switchToConfig(r: Raft, config: TrackerConfig, progress: Map<NodeId, Progress>): ConfState {
  // Keep the live Progress of members that stay, so flow control is not reset.
  for (const [id, pr] of progress) {
    const live = r.trk.progress.get(id);
    if (live && live !== pr) {
      live.isLearner = pr.isLearner;
      progress.set(id, live);
    }
  }
  r.trk.setConfig(config, progress);
  const cs = r.trk.confState();
  const self = r.trk.progress.get(r.id);
  r.isLearner = self?.isLearner ?? false;
  if (r.state !== Role.Leader) return cs;
  if (!self || r.isLearner) {
    r.logger.info('removed or demoted while leader; stepping down', { id: r.id, term: r.term });
    r.becomeFollower(r.term, NONE);
    return cs;
  }
  // The quorum changed: something may now be committed, and new members need entries.
  if (maybeCommit(r)) bcastAppend(r);
  else for (const id of r.trk.memberIds()) if (id !== r.id) sendAppend(r, id, false);
  if (r.leadTransferee !== NONE && !r.trk.isVoter(r.leadTransferee)) r.leadTransferee = NONE;
  return cs;
}
