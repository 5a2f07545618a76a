// Proposals on the leader: refusals with reasons, the uncommitted-bytes
// bound, and conf-change admission (one pending at a time, valid against
// the current configuration). Appended entries are sent in batches when the
// next Ready is built, so many proposals share one App per follower.

import { encodeConfChange } from './conf-change-codec.js';
import { applyChange } from './confchange.js';
import { entriesBytes } from './log.js';
import type { ConfChange, ProposalRefusal, ProposeResult } from './node-api.js';
import type { Raft } from './raft.js';
import { type Entry, EntryType, Role } from './types.js';

function refuse(r: Raft, reason: ProposalRefusal, detail?: string): ProposeResult {
  return detail === undefined
    ? { ok: false, reason, leader: r.lead }
    : { ok: false, reason, leader: r.lead, detail };
}

function admission(r: Raft): ProposeResult | null {
  if (r.repairing) return refuse(r, 'repairing');
  if (r.state !== Role.Leader) return refuse(r, 'not-leader');
  if (!r.trk.progress.has(r.id)) return refuse(r, 'not-leader', 'this node is no longer a member');
  if (r.leadTransferee !== 0) return refuse(r, 'transfer-in-progress', `transferring to ${r.leadTransferee}`);
  return null;
}

export function proposeEntries(
  r: Raft,
  data: readonly Uint8Array[],
  type: EntryType = EntryType.Normal,
): ProposeResult {
  const no = admission(r);
  if (no) return no;
  if (data.length === 0) throw new Error('proposeBatch: no entries');
  const first = r.log.lastIndex() + 1;
  const ents: Entry[] = data.map((d, i) => {
    if (!(d instanceof Uint8Array)) throw new Error('propose: data must be a Uint8Array');
    return { term: r.term, index: first + i, type, data: d };
  });
  const bytes = entriesBytes(ents);
  const max = r.cfg.maxUncommittedEntriesBytes;
  // Always admit one batch when nothing is outstanding, so a big entry cannot wedge the leader.
  if (max > 0 && bytes > 0 && r.uncommittedBytes > 0 && r.uncommittedBytes + bytes > max) {
    return refuse(r, 'uncommitted-bytes-max', `${r.uncommittedBytes} + ${bytes} > ${max} bytes`);
  }
  r.uncommittedBytes += bytes;
  r.log.append(ents);
  r.bcastPending = true;
  return { ok: true, firstIndex: first, lastIndex: first + ents.length - 1, term: r.term };
}

export function proposeConfChange(r: Raft, cc: ConfChange): ProposeResult {
  const no = admission(r);
  if (no) return no;
  if (r.pendingConfIndex > r.log.applied) {
    return refuse(r, 'conf-change-refused', `conf change at ${r.pendingConfIndex} not applied yet`);
  }
  const joint = r.trk.isJoint();
  const leave = cc.changes.length === 0;
  if (joint && !leave) return refuse(r, 'conf-change-refused', 'leave the joint configuration first');
  if (!joint && leave) return refuse(r, 'conf-change-refused', 'not in a joint configuration');
  // Dry run against the current configuration, so only valid changes enter the log.
  const res = applyChange({ ...r.changerLimits(), config: r.trk.config, progress: r.trk.progress }, cc);
  if (typeof res === 'string') return refuse(r, 'conf-change-refused', res);
  const out = proposeEntries(r, [encodeConfChange(cc)], EntryType.ConfChange);
  if (out.ok) r.pendingConfIndex = out.lastIndex;
  return out;
}
