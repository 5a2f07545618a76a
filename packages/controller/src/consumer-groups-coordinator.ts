// Consumer-group leases on the active controller (the KCL's lease
// coordinator, built in). Ownership changes and checkpoints are metadata
// commands; renewals are not: each renewal only moves an expiry held here,
// by this controller's clock, so a busy group does not write the Raft log
// every few seconds per shard. A new active controller knows no expiries
// and counts every owned lease as renewed at its takeover (the same rule
// as node liveness), so a controller change delays the taking of a dead
// worker's leases by at most one lease duration and never ends a live one's.
// Fencing does not depend on this memory: the counter in the metadata is.
import { parseSequenceNumber, RheoError } from '@rheo/wire';
import {
  type GroupCheckpointRecord,
  type GroupRecord,
  type GroupStartName,
  groupKey,
  type LeaseChange,
  type LeaseRecord,
  leaseDurationMsDefault,
  leaseOf,
} from './consumer-groups-meta.js';
import type { MetaAccess } from './meta-access.js';
import type { ApplyOutcome, MetaCommand, ShardRecord, StreamRecord } from './types.js';

/** A lease as the API describes it. */
export interface LeaseView {
  readonly shardId: string;
  readonly owner: string;
  readonly counter: number;
  readonly checkpoint?: GroupCheckpointRecord;
  readonly parentShardIds: readonly string[];
  /** 0 when free. */
  readonly expiresAtMs: number;
  readonly millisBehindLatest: number;
}

export interface LeaseRef {
  readonly shardId: string;
  readonly counter: number;
  readonly millisBehindLatest?: number;
}

interface Held {
  readonly owner: string;
  readonly counter: number;
  expiresAtMs: number;
  lagMs: number;
}

/** Bounds on in-memory state per group (workers seen). */
export const groupWorkersMax = 10_000;

export class GroupCoordinator {
  /** groupKey → shardId → the renewal state of the lease as last seen. */
  readonly #held = new Map<string, Map<string, Held>>();
  /** groupKey → worker → last seen (ms, controller clock). */
  readonly #workers = new Map<string, Map<string, number>>();

  constructor(
    private readonly meta: MetaAccess,
    private readonly nowMs: () => number,
    private readonly proposeOrThrow: (cmd: MetaCommand) => Promise<ApplyOutcome>,
  ) {}

  async create(
    streamName: string,
    name: string,
    initial: { type: GroupStartName; timestampMs: number },
    leaseDurationMs: number,
  ): Promise<boolean> {
    const s = this.#stream(streamName);
    const out = await this.proposeOrThrow({
      type: 'CreateGroup',
      streamName: s.name,
      name,
      initialPosition: initial,
      leaseDurationMs: leaseDurationMs === 0 ? leaseDurationMsDefault : leaseDurationMs,
      atMs: this.nowMs(),
    });
    return out.ok && (out.value as { created?: boolean } | undefined)?.created === true;
  }

  async delete(streamName: string, name: string): Promise<void> {
    const s = this.#stream(streamName);
    await this.proposeOrThrow({ type: 'DeleteGroup', streamName: s.name, name });
    this.#held.delete(groupKey(s.name, name));
    this.#workers.delete(groupKey(s.name, name));
  }

  describe(
    streamName: string,
    name: string,
  ): { group: GroupRecord; leases: LeaseView[]; activeWorkers: string[] } {
    const { stream, group } = this.#group(streamName, name);
    const now = this.nowMs();
    const leases = this.meta
      .state()
      .shardsOf(stream.name)
      .map((shard) => this.#view(group, shard, now))
      .sort((a, b) => (a.shardId < b.shardId ? -1 : 1));
    return { group, leases, activeWorkers: this.#activeWorkers(group, now) };
  }

  /** Takes leases for `worker`: the named shards, or free and expired ones, then from the busiest worker. */
  async acquire(
    streamName: string,
    name: string,
    worker: string,
    shardIds: readonly string[],
    maxLeases: number,
  ): Promise<LeaseView[]> {
    workerProblem(worker);
    const { stream, group } = this.#group(streamName, name);
    const now = this.nowMs();
    this.#seen(group, worker, now);
    const shards = this.meta.state().shardsOf(stream.name);
    const eligible = shards.filter((s) => this.#processable(group, s));
    const owners = new Map<string, string>(); // shardId → live owner
    for (const s of eligible) {
      const l = leaseOf(group, s.shardId);
      if (l.owner !== '' && this.#expiry(group, l, now) > now) owners.set(s.shardId, l.owner);
    }
    const mine = [...owners.values()].filter((o) => o === worker).length;
    const changes: LeaseChange[] = [];
    const take = (shardId: string) => {
      changes.push({ shardId, owner: worker, counter: leaseOf(group, shardId).counter });
      owners.set(shardId, worker);
    };
    if (shardIds.length > 0) {
      for (const id of shardIds) {
        if (!eligible.some((s) => s.shardId === id)) continue;
        const o = owners.get(id);
        if (o === undefined) take(id);
      }
    } else {
      const workers = this.#activeWorkers(group, now).length;
      const fair = Math.ceil(eligible.length / Math.max(1, workers));
      const target = maxLeases > 0 ? Math.min(fair, maxLeases) : fair;
      let need = target - mine;
      for (const s of eligible) {
        if (need <= 0) break;
        if (!owners.has(s.shardId)) {
          take(s.shardId);
          need--;
        }
      }
      // Balance: take one lease at a time from the busiest worker while it holds at least two more.
      while (need > 0) {
        const counts = new Map<string, string[]>();
        for (const [id, o] of owners) counts.set(o, [...(counts.get(o) ?? []), id]);
        const held = counts.get(worker)?.length ?? 0;
        const busiest = [...counts.entries()]
          .filter(([o]) => o !== worker)
          .sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))[0];
        if (busiest === undefined || busiest[1].length <= held + 1) break;
        take(busiest[1].sort()[busiest[1].length - 1]!);
        need--;
      }
    }
    if (changes.length > 0) {
      await this.proposeOrThrow({ type: 'SetLeaseOwners', streamName: stream.name, name, changes });
    }
    return this.#leasesOf(stream.name, name, worker, now, true);
  }

  /** Extends the worker's leases it still holds (owner and counter match); the rest are lost. */
  renew(
    streamName: string,
    name: string,
    worker: string,
    refs: readonly LeaseRef[],
  ): { renewed: LeaseView[]; lost: string[] } {
    const { stream, group } = this.#group(streamName, name);
    const now = this.nowMs();
    this.#seen(group, worker, now);
    const held = this.#heldOf(group);
    const lost: string[] = [];
    for (const r of refs) {
      const l = leaseOf(group, r.shardId);
      if (l.owner !== worker || l.counter !== r.counter) {
        lost.push(r.shardId);
        continue;
      }
      held.set(r.shardId, {
        owner: worker,
        counter: l.counter,
        expiresAtMs: now + group.leaseDurationMs,
        lagMs: r.millisBehindLatest ?? 0,
      });
    }
    const renewed = this.#leasesOf(stream.name, name, worker, now, false).filter((v) =>
      refs.some((r) => r.shardId === v.shardId && !lost.includes(v.shardId)),
    );
    return { renewed, lost };
  }

  async release(streamName: string, name: string, worker: string, refs: readonly LeaseRef[]): Promise<void> {
    const { stream, group } = this.#group(streamName, name);
    const changes = refs
      .filter((r) => {
        const l = leaseOf(group, r.shardId);
        return l.owner === worker && l.counter === r.counter;
      })
      .map((r) => ({ shardId: r.shardId, owner: '', counter: r.counter }));
    if (changes.length > 0)
      await this.proposeOrThrow({ type: 'SetLeaseOwners', streamName: stream.name, name, changes });
    for (const c of changes) this.#heldOf(group).delete(c.shardId);
  }

  async checkpoint(
    streamName: string,
    name: string,
    worker: string,
    ref: LeaseRef,
    sequenceNumber: string,
    atShardEnd: boolean,
  ): Promise<GroupCheckpointRecord> {
    const { stream, group } = this.#group(streamName, name);
    // Fencing first: a zombie hears LeaseLost whatever else is wrong with its call.
    const lease = leaseOf(group, ref.shardId);
    if (lease.owner !== worker || lease.counter !== ref.counter)
      throw new RheoError(
        'LeaseLost',
        `worker ${worker} does not hold the lease of ${ref.shardId} under counter ${ref.counter}`,
        { field: 'lease' },
      );
    if (!atShardEnd || sequenceNumber !== '') parseSequenceNumber(sequenceNumber, 'sequence_number');
    if (atShardEnd) {
      const shard = this.meta.state().shard(stream.name, ref.shardId);
      if (shard?.open !== false)
        throw new RheoError(
          'InvalidArgument',
          `shard ${ref.shardId} is open: it has no end to checkpoint at`,
          {
            field: 'at_shard_end',
          },
        );
    }
    const out = await this.proposeOrThrow({
      type: 'Checkpoint',
      streamName: stream.name,
      name,
      shardId: ref.shardId,
      owner: worker,
      counter: ref.counter,
      sequenceNumber,
      atShardEnd,
      atMs: this.nowMs(),
    });
    if (!out.ok) throw new RheoError(out.reason, out.message);
    return out.value as GroupCheckpointRecord;
  }

  /** A shard a worker may process: not finished, and every parent still retained is checkpointed at its end. */
  #processable(group: GroupRecord, s: ShardRecord): boolean {
    if (leaseOf(group, s.shardId).checkpoint?.atShardEnd === true) return false;
    const state = this.meta.state();
    for (const p of parentsOf(s)) {
      if (state.shard(s.streamName, p) === undefined) continue; // trimmed away: nothing left to read
      if (leaseOf(group, p).checkpoint?.atShardEnd !== true) return false;
    }
    return true;
  }

  #leasesOf(stream: string, name: string, worker: string, now: number, fresh: boolean): LeaseView[] {
    const group = this.meta.state().group(stream, name)!;
    const held = this.#heldOf(group);
    const out: LeaseView[] = [];
    for (const shard of this.meta.state().shardsOf(stream)) {
      const l = leaseOf(group, shard.shardId);
      if (l.owner !== worker) continue;
      const h = held.get(shard.shardId);
      if (fresh && (h === undefined || h.counter !== l.counter))
        held.set(shard.shardId, {
          owner: worker,
          counter: l.counter,
          expiresAtMs: now + group.leaseDurationMs,
          lagMs: 0,
        });
      out.push(this.#view(group, shard, now));
    }
    return out;
  }

  #view(group: GroupRecord, shard: ShardRecord, now: number): LeaseView {
    const l = leaseOf(group, shard.shardId);
    const h = this.#heldOf(group).get(shard.shardId);
    return {
      shardId: shard.shardId,
      owner: l.owner,
      counter: l.counter,
      ...(l.checkpoint === undefined ? {} : { checkpoint: l.checkpoint }),
      parentShardIds: parentsOf(shard),
      expiresAtMs: l.owner === '' ? 0 : this.#expiry(group, l, now),
      millisBehindLatest: h?.counter === l.counter ? h.lagMs : 0,
    };
  }

  /** When an owned lease expires; one this controller has not seen counts as renewed now (takeover rule). */
  #expiry(group: GroupRecord, l: LeaseRecord, now: number): number {
    const held = this.#heldOf(group);
    const h = held.get(l.shardId);
    if (h !== undefined && h.owner === l.owner && h.counter === l.counter) return h.expiresAtMs;
    const fresh = { owner: l.owner, counter: l.counter, expiresAtMs: now + group.leaseDurationMs, lagMs: 0 };
    held.set(l.shardId, fresh);
    return fresh.expiresAtMs;
  }

  #activeWorkers(group: GroupRecord, now: number): string[] {
    const seen = this.#workers.get(groupKey(group.streamName, group.name)) ?? new Map<string, number>();
    const out = new Set<string>();
    for (const [w, at] of seen) if (now - at < group.leaseDurationMs) out.add(w);
    for (const l of Object.values(group.leases))
      if (l.owner !== '' && this.#expiry(group, l, now) > now) out.add(l.owner);
    return [...out].sort();
  }

  #seen(group: GroupRecord, worker: string, now: number): void {
    const key = groupKey(group.streamName, group.name);
    let m = this.#workers.get(key);
    if (m === undefined) {
      m = new Map();
      this.#workers.set(key, m);
    }
    m.delete(worker);
    m.set(worker, now);
    while (m.size > groupWorkersMax) m.delete(m.keys().next().value as string);
  }

  #heldOf(group: GroupRecord): Map<string, Held> {
    const key = groupKey(group.streamName, group.name);
    let m = this.#held.get(key);
    if (m === undefined) {
      m = new Map();
      this.#held.set(key, m);
    }
    return m;
  }

  #stream(nameOrArn: string): StreamRecord {
    const s = this.meta.state().stream(nameOrArn);
    if (s === undefined)
      throw new RheoError('ResourceNotFound', `Stream ${nameOrArn} not found`, { field: 'stream_name' });
    return s;
  }

  #group(streamName: string, name: string): { stream: StreamRecord; group: GroupRecord } {
    const stream = this.#stream(streamName);
    const group = this.meta.state().group(stream.name, name);
    if (group === undefined)
      throw new RheoError('ResourceNotFound', `Consumer group ${name} of stream ${stream.name} not found`, {
        field: 'group_name',
      });
    return { stream, group };
  }
}

export function parentsOf(s: ShardRecord): string[] {
  return [s.parentShardId, s.adjacentParentShardId].filter((p): p is string => p !== undefined);
}

function workerProblem(worker: string): void {
  if (worker === '' || worker.length > 256)
    throw new RheoError('InvalidArgument', 'worker_id must be 1..256 characters', { field: 'worker_id' });
}
