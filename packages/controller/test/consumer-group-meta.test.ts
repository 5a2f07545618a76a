// Fan-out consumers and consumer groups in the metadata, and the lease
// coordinator on a real MetaState (proposals applied at once, a clock the
// test moves): registration with Kinesis's ARN, the per-stream limit and
// the lifecycle; snapshots and log entries round-trip them; leases are
// granted fairly, balanced by taking from the busiest, expire and are taken
// over, fence checkpoints by counter (a zombie gets LeaseLost), and a
// child's lease waits for its parents' SHARD_END checkpoints.
import { formatSequenceNumber, sequenceNumber } from '@rheo/wire';
import { describe, expect, it } from 'vitest';
import {
  ConsumerAdmin,
  decodeMetaCommand,
  encodeMetaCommand,
  GroupCoordinator,
  type MetaCommand,
  MetaState,
} from '../src/index.js';
import { applyNext, createCmd, registerCmd, stateOf } from './fixtures.js';

function world(shards = 4) {
  const state = stateOf([
    registerCmd(1),
    createCmd(
      's',
      Array.from({ length: shards }, () => [1]),
    ),
  ]);
  let now = 1_000_000;
  const meta = {
    state: () => state,
    propose: async (cmd: MetaCommand) => {
      // Every command goes through the log encoding, as on the metadata replica.
      return state.apply(decodeMetaCommand(encodeMetaCommand(cmd)), state.appliedIndex + 1);
    },
  };
  const proposeOrThrow = async (cmd: MetaCommand) => {
    const o = await meta.propose(cmd);
    if (!o.ok) throw Object.assign(new Error(o.message), { code: o.reason });
    return o;
  };
  return {
    state,
    clock: { advance: (ms: number) => (now += ms), now: () => now },
    consumers: new ConsumerAdmin(meta, () => now, proposeOrThrow, 3),
    groups: new GroupCoordinator(meta, () => now, proposeOrThrow),
    meta,
  };
}

describe('fan-out consumers in the metadata', () => {
  it('registers CREATING with the Kinesis ARN, the tick makes it ACTIVE, deregistering forgets it', async () => {
    const w = world(1);
    const c = await w.consumers.register('s', 'app');
    expect(c.status).toBe('CREATING');
    expect(c.arn).toBe(`${w.state.stream('s')!.arn}/consumer/app:1000`);
    await w.consumers.tick(w.meta.propose);
    expect(w.state.consumerByArn(c.arn)?.status).toBe('ACTIVE');
    await expect(w.consumers.register('s', 'app')).rejects.toMatchObject({ code: 'ResourceInUse' });
    await w.consumers.register('s', 'b');
    await w.consumers.register('s', 'c');
    await expect(w.consumers.register('s', 'd')).rejects.toMatchObject({ code: 'LimitExceeded' });
    await w.consumers.deregister('s', 'app');
    expect(w.state.consumer('s', 'app')?.status).toBe('DELETING');
    await w.consumers.tick(w.meta.propose);
    expect(w.state.consumersOf('s').map((x) => x.name)).toEqual(['b', 'c']);
  });

  it('snapshots keep consumers and groups; a forgotten stream takes them along', async () => {
    const w = world(2);
    await w.consumers.register('s', 'app');
    await w.groups.create('s', 'g', { type: 'TRIM_HORIZON', timestampMs: 0 }, 5000);
    await w.groups.acquire('s', 'g', 'w1', [], 0);
    const copy = MetaState.decode(w.state.encode());
    expect(copy.encode()).toEqual(w.state.encode());
    expect(copy.group('s', 'g')?.leases['shardId-000000000000']?.owner).toBe('w1');
    applyNext(w.state, { type: 'DeleteStream', name: 's' });
    applyNext(w.state, { type: 'ForgetStream', name: 's' });
    const after = MetaState.decode(w.state.encode());
    expect(after.consumersOf('s')).toEqual([]);
    expect(after.groupsOf('s')).toEqual([]);
  });
});

describe('consumer-group leases', () => {
  it('grants fair shares, balances from the busiest, and a dead worker loses its leases after expiry', async () => {
    const w = world(4);
    await w.groups.create('s', 'g', { type: 'TRIM_HORIZON', timestampMs: 0 }, 1000);
    expect((await w.groups.acquire('s', 'g', 'a', [], 0)).length).toBe(4);
    // b arrives: a holds 4, at least two more than b, so b takes one at a time.
    expect((await w.groups.acquire('s', 'g', 'b', [], 0)).length).toBe(2);
    const c = await w.groups.acquire('s', 'g', 'c', [], 0);
    expect(c.length).toBe(1);
    const held = (who: string) => w.groups.describe('s', 'g').leases.filter((l) => l.owner === who).length;
    expect([held('a'), held('b'), held('c')].sort()).toEqual([1, 1, 2]);
    // Only a and b renew; c's lease expires and is taken.
    w.clock.advance(600);
    for (const who of ['a', 'b']) {
      const mine = w.groups.describe('s', 'g').leases.filter((l) => l.owner === who);
      w.groups.renew(
        's',
        'g',
        who,
        mine.map((l) => ({ shardId: l.shardId, counter: l.counter })),
      );
    }
    w.clock.advance(600);
    const before = c[0]!;
    const a = await w.groups.acquire('s', 'g', 'a', [], 0);
    const b = await w.groups.acquire('s', 'g', 'b', [], 0);
    expect(a.length + b.length).toBe(4);
    // The zombie's renewal reports the loss, its checkpoint is refused.
    expect(
      w.groups.renew('s', 'g', 'c', [{ shardId: before.shardId, counter: before.counter }]).lost,
    ).toEqual([before.shardId]);
    await expect(
      w.groups.checkpoint('s', 'g', 'c', { shardId: before.shardId, counter: before.counter }, '1', false),
    ).rejects.toMatchObject({ code: 'LeaseLost' });
  });

  it('checkpoints only move forward; release frees the lease and raises its counter', async () => {
    const w = world(1);
    await w.groups.create('s', 'g', { type: 'LATEST', timestampMs: 0 }, 1000);
    const [l] = await w.groups.acquire('s', 'g', 'a', [], 0);
    const seq = formatSequenceNumber(sequenceNumber(0n, 5, 1));
    const cp = await w.groups.checkpoint(
      's',
      'g',
      'a',
      { shardId: l!.shardId, counter: l!.counter },
      seq,
      false,
    );
    expect(cp.sequenceNumber).toBe(seq);
    await expect(
      w.groups.checkpoint(
        's',
        'g',
        'a',
        { shardId: l!.shardId, counter: l!.counter },
        formatSequenceNumber(sequenceNumber(0n, 5, 0)),
        false,
      ),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(
      w.groups.checkpoint('s', 'g', 'a', { shardId: l!.shardId, counter: l!.counter }, '', true),
    ).rejects.toMatchObject({ code: 'InvalidArgument' }); // an open shard has no end
    await w.groups.release('s', 'g', 'a', [{ shardId: l!.shardId, counter: l!.counter }]);
    const after = w.groups.describe('s', 'g').leases[0]!;
    expect(after).toMatchObject({ owner: '', counter: l!.counter + 1 });
    expect(after.checkpoint?.sequenceNumber).toBe(seq);
  });
});
