// The autoscaler's step in the active controller's tick: the shards' loads
// from the leaders' last heartbeats, the history sample, then each
// decision's splits or merge as planned resharding commands.

import type { ControllerLog } from './active-controller.js';
import type { Autoscaler, ReportedLoad } from './autoscaler.js';
import type { TickContext } from './controller-tick.js';
import type { Observations } from './observations.js';
import { opCommand } from './reshard-admin.js';

/** Each led shard's write rate and split key, by group id, from the leaders' last reports. */
export function reportedLoads(observations: Observations): Map<number, ReportedLoad> {
  const out = new Map<number, ReportedLoad>();
  for (const hb of observations.reports().values()) {
    for (const t of hb.traffic) {
      if (t.intervalMs <= 0) continue;
      const key = t.writeSplitHashKey;
      out.set(t.groupId, {
        writeBytesPerS: (Number(t.writeBytes) * 1000) / t.intervalMs,
        splitKey: key !== undefined && /^\d{1,39}$/.test(key) ? BigInt(key) : undefined,
      });
    }
  }
  return out;
}

export async function autoscaleTick(
  c: TickContext,
  scaler: Autoscaler,
  loads: ReadonlyMap<number, ReportedLoad>,
  log?: ControllerLog,
  onAction?: (action: 'split' | 'merge', reason: string) => void,
): Promise<void> {
  const plan = scaler.plan(c.meta.state(), c.nowMs, loads);
  if (plan.record !== undefined) await c.propose(plan.record);
  for (const d of plan.decisions) {
    log?.info({ stream: d.stream, decision: d.kind, ops: d.ops, reason: d.reason }, 'autoscaler decision');
    for (const op of d.ops) {
      const state = c.meta.state();
      const stream = state.stream(d.stream);
      const cmd = stream === undefined ? undefined : opCommand(state, stream, op, c.nowMs);
      if (cmd === undefined) continue;
      const outcome = await c.propose(cmd);
      if (!outcome.ok) continue;
      if (op.kind === 'split') scaler.counts.splitsProposed++;
      else scaler.counts.mergesProposed++;
      onAction?.(op.kind, `on-demand-${d.cause}`);
    }
    if (d.kind === 'merge') await c.propose({ type: 'NoteAutoscaleMerge', name: d.stream, atMs: c.nowMs });
  }
}
