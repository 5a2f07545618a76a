// Resharding in the metadata and on the active controller: SplitShard and
// MergeShards create children that tile their parents exactly, above every
// parent's sequence base, pending until CloseShard records every parent
// closed; Kinesis's refusals (bad hash key, non-adjacent shards, a stream
// not ACTIVE, a shard already split, the shard limit, UpdateShardCount's
// bounds and calls per day, mode switches per day); UNIFORM_SCALING rounds
// reach even ranges from any start; reconcile asks the parent's leader to
// close until its report carries the ending sequence number. Everything is
// checked against the real MetaState (and its codecs) with an in-memory
// metadata group.
import { evenHashRanges, hashKeyMax, startingSequenceNumber } from '@rheo/wire';
import { describe, expect, it } from 'vitest';
import { ClusterView } from '../src/cluster-view.js';
import {
  ActiveController,
  controllerConfig,
  decodeMetaCommand,
  encodeMetaCommand,
  type MetaCommand,
  MetaState,
  type ShardRecord,
} from '../src/index.js';
import type { Heartbeat } from '../src/observations.js';
import { reconcileNode } from '../src/reconcile.js';
import { uniformScalingRound } from '../src/reshard-plan.js';
import { applyNext, createCmd, registerCmd, stateOf } from './fixtures.js';
import { SimMeta } from './sim-cluster.js';

const ending = (n: number) => String(10n ** 55n + BigInt(n));

function activeStream(shards: number): MetaState {
  const placement = Array.from({ length: shards }, () => [1]);
  const s = stateOf([registerCmd(1), registerCmd(2), createCmd('s', placement)]);
  expect(applyNext(s, { type: 'SetStreamStatus', name: 's', status: 'ACTIVE' }).ok).toBe(true);
  return s;
}

const split = (shardId: string, key: bigint | string, extra: object = {}): MetaCommand => ({
  type: 'SplitShard',
  streamName: 's',
  shardId,
  newStartingHashKey: String(key),
  atMs: 9000,
  placement: [[1], [2]],
  ...extra,
});

const merge = (a: string, b: string): MetaCommand => ({
  type: 'MergeShards',
  streamName: 's',
  shardId: a,
  adjacentShardId: b,
  atMs: 9000,
  placement: [[2]],
});

const close = (shardId: string, n: number): MetaCommand => ({
  type: 'CloseShard',
  streamName: 's',
  shardId,
  endingSequenceNumber: ending(n),
  atMs: 9500,
});

describe('SplitShard and MergeShards in the metadata', () => {
  it('split: children tile the parent, sit above its base, wait for it to close, then open', () => {
    const s = activeStream(1);
    const mid = hashKeyMax / 2n;
    expect(applyNext(s, split('shardId-000000000000', mid)).ok).toBe(true);
    const [parent, lo, hi] = s.shardsOf('s') as [ShardRecord, ShardRecord, ShardRecord];
    expect(s.stream('s')!.status).toBe('UPDATING');
    expect(lo).toMatchObject({ shardId: 'shardId-000000000001', parentShardId: parent.shardId, open: false });
    expect(lo.hashRange).toEqual({ start: 0n, end: mid - 1n });
    expect(hi.hashRange).toEqual({ start: mid, end: hashKeyMax });
    expect(lo.sequenceBase).toBe(BigInt(lo.groupId));
    expect(hi.sequenceBase).toBe(BigInt(hi.groupId));
    expect(lo.sequenceBase > parent.sequenceBase && hi.sequenceBase > lo.sequenceBase).toBe(true);
    expect(startingSequenceNumber(hi.sequenceBase) > 10n ** 55n + (1n << 62n) - 1n).toBe(true);
    expect(parent.open).toBe(true);
    // A second change while one runs, and FinishReshard before the parent closed, are refused.
    expect(applyNext(s, split('shardId-000000000000', 5n))).toMatchObject({
      ok: false,
      reason: 'ResourceInUse',
    });
    expect(applyNext(s, { type: 'FinishReshard', name: 's' })).toMatchObject({ ok: false });
    expect(applyNext(s, close(parent.shardId, 7)).ok).toBe(true);
    const after = s.shardsOf('s');
    expect(after[0]).toMatchObject({ open: false, endingSequenceNumber: ending(7), closedAtMs: 9500 });
    expect(after.slice(1).every((c) => c.open && c.createdAtMs === 9500)).toBe(true);
    // Repeating the close changes nothing.
    expect(applyNext(s, close(parent.shardId, 8)).ok).toBe(true);
    expect(s.shardsOf('s')[0]!.endingSequenceNumber).toBe(ending(7));
    expect(applyNext(s, { type: 'FinishReshard', name: 's' }).ok).toBe(true);
    expect(s.stream('s')!.status).toBe('ACTIVE');
  });

  it('merge: one child over both ranges, base above both parents, open once both closed', () => {
    const s = activeStream(2);
    expect(applyNext(s, merge('shardId-000000000001', 'shardId-000000000000')).ok).toBe(true);
    const child = s.shard('s', 'shardId-000000000002')!;
    expect(child).toMatchObject({
      parentShardId: 'shardId-000000000001',
      adjacentParentShardId: 'shardId-000000000000',
      hashRange: { start: 0n, end: hashKeyMax },
      sequenceBase: BigInt(child.groupId),
      open: false,
    });
    expect(child.sequenceBase > s.shard('s', 'shardId-000000000001')!.sequenceBase).toBe(true);
    expect(applyNext(s, close('shardId-000000000000', 1)).ok).toBe(true);
    expect(s.shard('s', child.shardId)!.open).toBe(false);
    expect(applyNext(s, close('shardId-000000000001', 2)).ok).toBe(true);
    expect(s.shard('s', child.shardId)!.open).toBe(true);
  });

  it('forgets a closed shard once its records are past retention, not before', () => {
    const s = activeStream(1);
    applyNext(s, split('shardId-000000000000', 99n));
    applyNext(s, close('shardId-000000000000', 3));
    const forget = (atMs: number): MetaCommand => ({
      type: 'ForgetShard',
      streamName: 's',
      shardId: 'shardId-000000000000',
      atMs,
    });
    const retentionMs = 24 * 3600 * 1000;
    expect(applyNext(s, forget(9500 + retentionMs - 1))).toMatchObject({
      ok: false,
      reason: 'InvalidArgument',
    });
    expect(applyNext(s, forget(9500 + retentionMs)).ok).toBe(true);
    expect(s.shardsOf('s').map((x) => x.shardId)).toEqual(['shardId-000000000001', 'shardId-000000000002']);
    expect(s.shard('s', 'shardId-000000000001')!.parentShardId).toBe('shardId-000000000000');
    expect(MetaState.decode(s.encode()).encode()).toEqual(s.encode());
    // An open shard is never forgotten.
    expect(applyNext(s, { ...forget(1e15), shardId: 'shardId-000000000001' } as MetaCommand)).toMatchObject({
      ok: false,
    });
  });

  it('refuses as Kinesis does', () => {
    const s = activeStream(3);
    const [a, , c] = s.shardsOf('s');
    const bad = [
      [split(a!.shardId, a!.hashRange.start), 'InvalidArgument'],
      [split(a!.shardId, a!.hashRange.end + 1n), 'InvalidArgument'],
      [split(a!.shardId, 'abc'), 'InvalidArgument'],
      [split(a!.shardId, '-1'), 'InvalidArgument'],
      [split('shardId-000000000009', 5n), 'ResourceNotFound'],
      [split(a!.shardId, 5n, { streamName: 'nope' }), 'ResourceNotFound'],
      [split(a!.shardId, 5n, { placement: [[1]] }), 'InvalidArgument'],
      [split(a!.shardId, 5n, { placement: [[1], [9]] }), 'InvalidArgument'],
      [merge(a!.shardId, c!.shardId), 'InvalidArgument'],
      [merge(a!.shardId, a!.shardId), 'InvalidArgument'],
    ] as const;
    for (const [cmd, reason] of bad)
      expect(applyNext(s, cmd), JSON.stringify(cmd)).toMatchObject({ ok: false, reason });
    expect(s.shardsOf('s')).toHaveLength(3);
    expect(s.stream('s')!.status).toBe('ACTIVE');
    expect(applyNext(s, split(a!.shardId, a!.hashRange.end)).ok).toBe(true); // (start, end]: the end is allowed
    // The split parent cannot take part in another change, even a planned one.
    expect(applyNext(s, split(a!.shardId, 5n, { planned: true }))).toMatchObject({ reason: 'ResourceInUse' });
    const creating = stateOf([registerCmd(1), createCmd('s', [[1]])]);
    expect(applyNext(creating, split('shardId-000000000000', 5n))).toMatchObject({ reason: 'ResourceInUse' });
  });

  it('survives the snapshot and the command codec', () => {
    const s = activeStream(2);
    applyNext(s, merge('shardId-000000000000', 'shardId-000000000001'));
    applyNext(s, close('shardId-000000000000', 3));
    applyNext(s, { type: 'SetScalingTarget', name: 's', target: 1, atMs: 1, callsPerDayMax: 10 });
    applyNext(s, {
      type: 'RecordWriteThroughput',
      samples: [{ streamName: 's', bucketStartMs: 3_600_000, peakBytesPerS: 1234 }],
    });
    const copy = MetaState.decode(s.encode());
    expect(copy.encode()).toEqual(s.encode());
    expect(copy.shardsOf('s')[0]!.closedAtMs).toBe(9500);
    expect(copy.reshard('s').history).toEqual([{ startMs: 3_600_000, peakBytesPerS: 1234 }]);
    for (const cmd of [split('x', 5n, { planned: true }), merge('a', 'b'), close('a', 1)])
      expect(decodeMetaCommand(encodeMetaCommand(cmd))).toEqual(cmd);
  });
});

describe('UNIFORM_SCALING rounds', () => {
  /** Applies rounds (closing every parent at once) until none is left; returns the rounds taken. */
  function scale(from: number, to: number): { s: MetaState; rounds: number } {
    const s = activeStream(from);
    let rounds = 0;
    for (;;) {
      const open = s.shardsOf('s').filter((r) => r.open);
      const ops = uniformScalingRound(open, to);
      if (ops.length === 0) return { s, rounds };
      rounds++;
      expect(rounds).toBeLessThan(10);
      for (const op of ops) {
        const cmd: MetaCommand =
          op.kind === 'split'
            ? split(op.shardId, op.newStartingHashKey, { planned: true })
            : ({ ...merge(op.shardId, op.adjacentShardId), planned: true } as MetaCommand);
        const o = applyNext(s, cmd);
        expect(o.ok, o.ok ? '' : o.message).toBe(true);
      }
      for (const r of s
        .shardsOf('s')
        .filter(
          (x) =>
            x.open &&
            ops.some(
              (o) => o.shardId === x.shardId || (o.kind === 'merge' && o.adjacentShardId === x.shardId),
            ),
        ))
        expect(applyNext(s, close(r.shardId, 1)).ok).toBe(true);
    }
  }

  it.each([
    [1, 2],
    [2, 4],
    [4, 5],
    [4, 3],
    [5, 3],
    [3, 6],
    [6, 3],
    [7, 4],
  ])('%i -> %i ends with exactly the even ranges', (from, to) => {
    const { s, rounds } = scale(from, to);
    const open = s
      .shardsOf('s')
      .filter((r) => r.open)
      .map((r) => r.hashRange)
      .sort((a, b) => (a.start < b.start ? -1 : 1));
    expect(open).toEqual(evenHashRanges(to));
    expect(rounds).toBeLessThanOrEqual(4);
  });
});

/** Brokers 1-3 of cluster c1 (rack-less) register with the controller. */
async function registerBrokers(controller: ActiveController): Promise<void> {
  for (const id of [1, 2, 3])
    await controller.registerNode({
      clusterId: 'c1',
      nodeId: id,
      incarnation: `i${id}`,
      address: `h${id}:1`,
      gatewayAddress: '',
      roles: ['NODE_ROLE_BROKER'],
      rack: '',
    });
}

describe('ReshardAdmin on the active controller', () => {
  async function setup(settings: object = {}) {
    const meta = new SimMeta('c1');
    let now = 100_000;
    const controller = new ActiveController({
      meta,
      config: controllerConfig('c1', { shardLimit: 4, ...settings }),
      nowMs: () => now,
    });
    await registerBrokers(controller);
    await controller.createStream({ name: 's', shardCount: 2, replicationFactor: 3 });
    await meta.propose({ type: 'SetStreamStatus', name: 's', status: 'ACTIVE' });
    return { meta, controller, advance: (ms: number) => (now += ms) };
  }

  it('splits with placement, refuses past the shard limit and while UPDATING', async () => {
    const { meta, controller } = await setup();
    await controller.reshard.splitShard('s', 'shardId-000000000000', '1000');
    expect(meta.state().shardsOf('s')).toHaveLength(4);
    expect(meta.state().shard('s', 'shardId-000000000002')!.replicas).toEqual([1, 2, 3]);
    await expect(
      controller.reshard.splitShard('s', 'shardId-000000000001', (hashKeyMax - 5n).toString()),
    ).rejects.toMatchObject({
      code: 'ResourceInUse',
    });
    await meta.propose(close('shardId-000000000000', 1));
    await meta.propose({ type: 'FinishReshard', name: 's' });
    // 3 open, limit 4: one more split would make 4 open (ok), a second 5.
    await controller.reshard.splitShard('s', 'shardId-000000000001', (hashKeyMax - 5n).toString());
    await meta.propose(close('shardId-000000000001', 1));
    await meta.propose({ type: 'FinishReshard', name: 's' });
    await expect(controller.reshard.splitShard('s', 'shardId-000000000002', '10')).rejects.toMatchObject({
      code: 'LimitExceeded',
    });
  });

  it('UpdateShardCount: at most double or half, calls per 24 h, and not while UPDATING', async () => {
    const { meta, controller, advance } = await setup({ shardLimit: 100, scalingCallsPerDayMax: 2 });
    await expect(controller.reshard.updateShardCount('s', 5)).rejects.toMatchObject({
      code: 'LimitExceeded',
    });
    await expect(controller.reshard.updateShardCount('s', 0)).rejects.toMatchObject({
      code: 'InvalidArgument',
    });
    expect(await controller.reshard.updateShardCount('s', 4)).toMatchObject({
      currentShardCount: 2,
      targetShardCount: 4,
    });
    expect(meta.state().stream('s')!.status).toBe('UPDATING');
    await expect(controller.reshard.updateShardCount('s', 3)).rejects.toMatchObject({
      code: 'ResourceInUse',
    });
    await meta.propose({ type: 'FinishReshard', name: 's' });
    await controller.reshard.updateShardCount('s', 2);
    await meta.propose({ type: 'FinishReshard', name: 's' });
    await expect(controller.reshard.updateShardCount('s', 3)).rejects.toMatchObject({
      code: 'LimitExceeded',
    });
    advance(24 * 3600 * 1000);
    await controller.reshard.updateShardCount('s', 3);
  });

  it('UpdateStreamMode: switches per 24 h', async () => {
    const { meta, controller, advance } = await setup();
    await controller.reshard.updateStreamMode('s', 'ON_DEMAND');
    await controller.reshard.updateStreamMode('s', 'ON_DEMAND'); // no switch, not counted
    await controller.reshard.updateStreamMode('s', 'PROVISIONED');
    await expect(controller.reshard.updateStreamMode('s', 'ON_DEMAND')).rejects.toMatchObject({
      code: 'LimitExceeded',
    });
    expect(meta.state().stream('s')!.mode).toBe('PROVISIONED');
    advance(24 * 3600 * 1000 + 1);
    await controller.reshard.updateStreamMode('s', 'ON_DEMAND');
    expect(meta.state().stream('s')!.mode).toBe('ON_DEMAND');
  });
});

describe('reconcile: CLOSE_SHARD', () => {
  function report(groupId: number, leader: boolean, endingSequenceNumber = '') {
    return {
      groupId,
      streamName: 's',
      shardId: '',
      role: leader ? 'REPLICA_ROLE_LEADER' : 'REPLICA_ROLE_FOLLOWER',
      term: 3,
      leaderNodeId: 1,
      commitIndex: 1,
      appliedIndex: 1,
      firstIndex: 1,
      lastIndex: 1,
      confState: { voters: [1], learners: [], votersOutgoing: [], learnersNext: [], autoLeave: false },
      needsRepair: false,
      peers: [],
      logBytes: 0,
      endingSequenceNumber,
    };
  }
  const hb = (nodeId: number, replicas: object[]): Heartbeat =>
    ({
      clusterId: 'test-cluster',
      nodeId,
      incarnation: 'x',
      replicas,
      traffic: [],
      completedCommandIds: [],
    }) as unknown as Heartbeat;

  it('goes to the parent leader until it reports an ending sequence number', () => {
    const s = activeStream(1);
    applyNext(s, split('shardId-000000000000', 99n));
    const parent = s.shard('s', 'shardId-000000000000')!;
    const open = hb(1, [report(parent.groupId, true)]);
    const view = new ClusterView(s, new Map([[1, open]]));
    const kinds = reconcileNode(1, open, s, view, []).map((c) => c.command.kind);
    expect(kinds).toContain('REPLICA_COMMAND_KIND_CLOSE_SHARD');
    // The children's founders are asked to create them at once.
    expect(kinds.filter((k) => k === 'REPLICA_COMMAND_KIND_CREATE_REPLICA')).toHaveLength(1);
    const closed = hb(1, [report(parent.groupId, true, ending(4))]);
    const after = reconcileNode(1, closed, s, new ClusterView(s, new Map([[1, closed]])), []);
    expect(after.map((c) => c.command.kind)).not.toContain('REPLICA_COMMAND_KIND_CLOSE_SHARD');
  });
});

describe('UpdateShardCount driven by the tick', () => {
  it('runs rounds of planned splits and merges, closes parents from reports, and ends ACTIVE at the target', async () => {
    const meta = new SimMeta('c1');
    const controller = new ActiveController({ meta, config: controllerConfig('c1'), nowMs: () => 50_000 });
    await registerBrokers(controller);
    await controller.createStream({ name: 's', shardCount: 3, replicationFactor: 1 });
    await meta.propose({ type: 'SetStreamStatus', name: 's', status: 'ACTIVE' });
    await controller.reshard.updateShardCount('s', 4);
    const lead = async () => {
      const leaders = meta
        .state()
        .allShards()
        .map((s) => ({ groupId: s.groupId, nodeId: s.replicas[0]!, term: 1 }));
      await meta.propose({ type: 'ReportLeaders', leaders });
    };
    for (let round = 0; round < 8 && meta.state().stream('s')!.status === 'UPDATING'; round++) {
      await lead();
      await controller.tick();
      // The brokers: every closing parent's replicas report an ending sequence number.
      const state = meta.state();
      const closing = state
        .shardsOf('s')
        .filter(
          (s) =>
            s.open &&
            state
              .shardsOf('s')
              .some((c) => c.parentShardId === s.shardId || c.adjacentParentShardId === s.shardId),
        );
      for (const p of closing) await meta.propose(close(p.shardId, 1));
      await lead();
      await controller.tick();
    }
    const state = meta.state();
    expect(state.stream('s')!.status).toBe('ACTIVE');
    const open = state
      .shardsOf('s')
      .filter((s) => s.open)
      .map((s) => s.hashRange)
      .sort((a, b) => (a.start < b.start ? -1 : 1));
    expect(open).toEqual(evenHashRanges(4));
    expect(state.reshard('s').scalingTarget).toBeUndefined();
  });
});
