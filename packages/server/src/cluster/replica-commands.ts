// Runs the ReplicaCommands a heartbeat answer carries. The controller is
// level-triggered: it repeats a command in every answer until the node
// reports it done, so each command here is idempotent, a failure is only
// logged and left undone (the repeat retries it), and commands of one group
// run one at a time, in the answer's order, never two at once: while a
// group's work runs, that group's commands in later answers are skipped.
//
// - CREATE_REPLICA: remember the spec (replica-specs.ts), then open the
//   replica (founders bootstrap the group; a replacement joins empty).
// - DELETE_REPLICA: stop the replica, delete its data, forget the spec.
// - TRANSFER_LEADER: on the leader, hand leadership to the target.
// - CHANGE_MEMBERSHIP: on the leader, one step toward the target voters
//   (ShardReplica.reconfigure); done once the membership is the target.
// - CLOSE_SHARD: on the leader, propose the closing entry (ShardReplica.close);
//   done once it is applied here (the report then carries the ending number).
//
// A created or deleted group's command id is remembered (bounded): a
// repeat of it is reported done again without running it again, so a
// CREATE that an old answer repeats never brings back a deleted replica.
import type { ReplicaHost } from '@rheo/broker';
import type { MetaStore } from '@rheo/storage';
import { isRheoError, type pb, RheoError } from '@rheo/wire';
import type { AgentLog } from './agent-log.js';
import {
  loadReplica,
  loadReplicas,
  type PersistedReplica,
  removeReplica,
  replicaFromCreateCommand,
  saveReplica,
  shardGroupName,
} from './replica-specs.js';

export interface ReplicaCommandsDeps {
  readonly nodeId: number;
  readonly host: ReplicaHost;
  readonly meta: MetaStore;
  readonly log: AgentLog;
  /** Asks for the next heartbeat at once (a closed shard's ending sequence number is awaited by the controller). */
  readonly reportSoon?: () => void;
}

/** Groups whose commands may run at once; the rest wait for a later answer (the controller repeats them). */
export const commandGroupsMax = 64;
/** Command ids of finished creations and deletions remembered, to answer their repeats without rerunning them. */
export const finishedIdsMax = 4096;
/** CLOSE_SHARD waits this many polls of this many ms for the closing entry to apply before reporting not done. */
const closeWaitPolls = 50;
const closeWaitPollMs = 10;
/** Failures remembered so one that repeats with every answer is logged once. */
const loggedFailuresMax = 1024;

type Outcome = 'done' | 'not-done';

export class ReplicaCommands {
  private readonly running = new Map<number, Promise<void>>();
  /** Done since the last answered heartbeat: reported until a heartbeat carrying them is answered. */
  private readonly completed = new Set<number>();
  private readonly finished = new Set<number>();
  private readonly loggedFailures = new Map<number, string>();

  constructor(private readonly deps: ReplicaCommandsDeps) {}

  /** Starts the work `commands` ask for (returns at once; see the file comment for the rules). */
  run(commands: readonly pb.ReplicaCommand__Output[]): void {
    const byGroup = new Map<number, pb.ReplicaCommand__Output[]>();
    for (const c of commands) {
      if (this.finished.has(c.commandId)) {
        this.completed.add(c.commandId);
        continue;
      }
      const g = Number(c.groupId);
      const list = byGroup.get(g);
      if (list === undefined) byGroup.set(g, [c]);
      else list.push(c);
    }
    for (const [groupId, list] of byGroup) {
      if (this.running.has(groupId) || this.running.size >= commandGroupsMax) continue;
      const task = this.runGroup(list).finally(() => this.running.delete(groupId));
      this.running.set(groupId, task);
    }
  }

  /** Command ids to report in the next heartbeat. */
  completedIds(): number[] {
    return [...this.completed];
  }

  /** A heartbeat reporting `ids` was answered: they need not be reported again. */
  acknowledge(ids: readonly number[]): void {
    for (const id of ids) this.completed.delete(id);
  }

  /** True while some group's commands run. */
  get busy(): boolean {
    return this.running.size > 0;
  }

  /** Resolves once every command started has finished. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running.values()]);
  }

  private async runGroup(list: readonly pb.ReplicaCommand__Output[]): Promise<void> {
    for (const cmd of list) {
      let outcome: Outcome;
      try {
        outcome = await this.execute(cmd);
      } catch (err) {
        this.logFailure(cmd, err);
        return; // later commands of the group may depend on this one: the repeat runs them in order
      }
      if (outcome === 'not-done') return;
      this.loggedFailures.delete(cmd.commandId);
      this.completed.add(cmd.commandId);
    }
  }

  private execute(cmd: pb.ReplicaCommand__Output): Promise<Outcome> | Outcome {
    switch (cmd.kind) {
      case 'REPLICA_COMMAND_KIND_CREATE_REPLICA':
        return this.create(cmd);
      case 'REPLICA_COMMAND_KIND_DELETE_REPLICA':
        return this.delete(cmd);
      case 'REPLICA_COMMAND_KIND_TRANSFER_LEADER':
        return this.transferLeader(cmd);
      case 'REPLICA_COMMAND_KIND_CHANGE_MEMBERSHIP':
        return this.changeMembership(cmd);
      case 'REPLICA_COMMAND_KIND_CLOSE_SHARD':
        return this.closeShard(cmd);
      default:
        throw new RheoError('InvalidArgument', `command kind ${cmd.kind} is not supported by this node`, {
          field: 'kind',
        });
    }
  }

  private async create(cmd: pb.ReplicaCommand__Output): Promise<Outcome> {
    const { nodeId, host, meta, log } = this.deps;
    const r = replicaFromCreateCommand(cmd);
    if (!r.join && !r.spec.replicas.includes(nodeId))
      throw new RheoError(
        'InvalidArgument',
        `CREATE_REPLICA: node ${nodeId} is not among the founding voters ${r.spec.replicas.join(', ')}`,
        { field: 'conf_state.voters' },
      );
    if (host.replica(r.spec.groupId) === undefined) {
      // The record first: a replica whose data exists is then never forgotten by a restart.
      await saveReplica(meta, r);
      await host.addShard(r.spec, { join: r.join });
      log.info(
        {
          group: r.spec.groupId,
          stream: r.spec.streamName,
          shard: r.spec.shardId,
          join: r.join,
          command: cmd.commandId,
        },
        'shard replica created',
      );
    }
    this.remember(cmd.commandId);
    return 'done';
  }

  private async delete(cmd: pb.ReplicaCommand__Output): Promise<Outcome> {
    const { host, meta, log } = this.deps;
    const groupId = Number(cmd.groupId);
    const open = host.replica(groupId);
    const record = await loadReplica(meta, groupId);
    const name =
      open?.spec.groupName ??
      record?.spec.groupName ??
      (cmd.streamName !== '' && cmd.shardId !== ''
        ? shardGroupName(cmd.streamName, cmd.shardId, groupId)
        : undefined);
    await deleteReplicaAndRecord(host, meta, groupId, name, record);
    if (open !== undefined || record !== undefined)
      log.info(
        { group: groupId, stream: cmd.streamName, shard: cmd.shardId, command: cmd.commandId },
        'shard replica deleted',
      );
    this.remember(cmd.commandId);
    return 'done';
  }

  private transferLeader(cmd: pb.ReplicaCommand__Output): Outcome {
    const replica = this.hosted(cmd);
    const target = cmd.targetNodeId;
    const s = replica.status();
    if (s.leader === target) return 'done';
    if (s.role !== 'leader') throw notLeader(cmd, this.deps.nodeId, s.leader);
    replica.transferLeadership(target);
    this.deps.log.info(
      { group: s.groupId, to: target, term: s.term, command: cmd.commandId },
      'leadership transfer started',
    );
    // Started; the controller sees the new leader in the reports, and asks again if it did not happen.
    return 'done';
  }

  private changeMembership(cmd: pb.ReplicaCommand__Output): Outcome {
    const replica = this.hosted(cmd);
    const voters = cmd.confState?.voters ?? [];
    const step = replica.reconfigure(voters);
    if (step === 'done') return 'done';
    if (step === 'not-leader') throw notLeader(cmd, this.deps.nodeId, replica.status().leader);
    this.deps.log.debug(
      { group: replica.spec.groupId, voters, step, command: cmd.commandId },
      'membership step',
    );
    return 'not-done';
  }

  /**
   * On the leader: the closing entry, proposed once (ShardReplica.close);
   * done once applied here, waited for briefly (it commits in a round
   * trip), and then the next heartbeat goes at once with the ending number.
   */
  private async closeShard(cmd: pb.ReplicaCommand__Output): Promise<Outcome> {
    const replica = this.hosted(cmd);
    let step = replica.close();
    for (let i = 0; step === 'pending' && i < closeWaitPolls; i++) {
      await new Promise((resolve) => setTimeout(resolve, closeWaitPollMs));
      step = replica.close();
    }
    if (step === 'not-leader') throw notLeader(cmd, this.deps.nodeId, replica.status().leader);
    if (step === 'done') this.deps.reportSoon?.();
    if (step === 'done')
      this.deps.log.info(
        {
          group: replica.spec.groupId,
          shard: replica.spec.shardId,
          ending: replica.status().endingSequenceNumber,
        },
        'shard closed',
      );
    return step === 'done' ? 'done' : 'not-done';
  }

  private hosted(cmd: pb.ReplicaCommand__Output) {
    const r = this.deps.host.replica(Number(cmd.groupId));
    if (r === undefined)
      throw new RheoError(
        'ResourceNotFound',
        `group ${cmd.groupId} has no replica on node ${this.deps.nodeId}`,
        {
          field: 'group_id',
        },
      );
    return r;
  }

  private remember(id: number): void {
    this.finished.add(id);
    if (this.finished.size > finishedIdsMax) this.finished.delete(this.finished.values().next().value!);
  }

  /** Logs a failed command, once per distinct failure of that command. */
  private logFailure(cmd: pb.ReplicaCommand__Output, err: unknown): void {
    const text = err instanceof Error ? err.message : String(err);
    if (this.loggedFailures.get(cmd.commandId) === text) return;
    if (this.loggedFailures.size >= loggedFailuresMax) this.loggedFailures.clear();
    this.loggedFailures.set(cmd.commandId, text);
    const level = isRheoError(err) && err.code === 'NotLeader' ? 'info' : 'warn';
    this.deps.log[level](
      {
        err,
        command: {
          id: cmd.commandId,
          kind: cmd.kind,
          group: cmd.groupId,
          stream: cmd.streamName,
          shard: cmd.shardId,
          voters: cmd.confState?.voters,
          target: cmd.targetNodeId,
        },
      },
      'replica command failed; it runs again when the controller repeats it',
    );
  }
}

/**
 * Deletes a group's replica and data, and its spec record: marked first,
 * removed last, so a crash in between is finished by the next start
 * (replica-specs.ts says why).
 */
export async function deleteReplicaAndRecord(
  host: ReplicaHost,
  meta: MetaStore,
  groupId: number,
  groupName: string | undefined,
  record: PersistedReplica | undefined,
): Promise<void> {
  if (record !== undefined && record.deleting !== true)
    await saveReplica(meta, { ...record, deleting: true });
  await host.deleteShard(groupId, groupName);
  if (record !== undefined) await removeReplica(meta, groupId);
}

/**
 * Opens every remembered replica again (node start, before the first
 * heartbeat); a record marked for deletion is deleted instead. A replica
 * that fails to open is logged and skipped: the controller's repeated
 * CREATE_REPLICA tries again.
 */
export async function reopenReplicas(host: ReplicaHost, meta: MetaStore, log: AgentLog): Promise<void> {
  const records = await loadReplicas(meta, (key, err) =>
    log.error({ err, key }, 'a replica record does not decode; skipped (the controller settles that group)'),
  );
  let opened = 0;
  for (const r of records) {
    const s = r.spec;
    const fields = { group: s.groupId, stream: s.streamName, shard: s.shardId };
    try {
      if (r.deleting === true) {
        await deleteReplicaAndRecord(host, meta, s.groupId, s.groupName, r);
        log.info(fields, 'finished deleting a shard replica');
      } else {
        await host.addShard(s, { join: r.join });
        opened++;
      }
    } catch (err) {
      log.error({ err, ...fields }, 'cannot reopen a shard replica; the controller will ask again');
    }
  }
  if (records.length > 0) log.info({ replicas: opened }, 'shard replicas reopened');
}

function notLeader(cmd: pb.ReplicaCommand__Output, nodeId: number, leader: number): RheoError {
  return new RheoError(
    'NotLeader',
    `${cmd.kind}: node ${nodeId} does not lead group ${cmd.groupId}${leader > 0 ? `; node ${leader} does` : ''}`,
    leader > 0 ? { leaderNodeId: leader } : {},
  );
}
