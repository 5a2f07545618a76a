// Proves the metadata replica on one voter over a real store: it elects
// itself from the founding snapshot; propose resolves with each command's
// outcome (refusals included) once applied; the log is compacted every
// `compactEveryEntries` applied entries with the state as the snapshot; and
// a restart recovers the same state (snapshot + re-applied entries), the
// same bytes, and keeps taking commands after it. A node that does not
// lead refuses proposals with NotLeader.
import { MetaState } from '@rheo/controller';
import { NodeStore } from '@rheo/storage';
import { tempDir } from '@rheo/testkit';
import { isRheoError } from '@rheo/wire';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MetaReplica } from '../src/cluster/meta-replica.js';
import { createLogger } from '../src/index.js';
import { waitFor } from './cluster-harness.js';

let dir: { path: string; remove: () => Promise<void> };
beforeAll(async () => {
  dir = await tempDir('meta-replica');
});
afterAll(() => dir.remove());

const log = createLogger({ nodeId: 1, level: 'silent' }).log;

async function open(store: NodeStore, voters: number[] = [1]): Promise<MetaReplica> {
  const r = await MetaReplica.open({
    nodeId: 1,
    clusterId: 'test',
    store,
    voters,
    send: () => {},
    options: { tickIntervalMs: 10, electionTicks: 5, heartbeatTicks: 1 },
    random: { int: () => 0 },
    log,
    compactEveryEntries: 10,
  });
  r.start();
  return r;
}

const register = (id: number) =>
  ({
    type: 'RegisterNode',
    node: {
      id,
      address: `127.0.0.1:${7400 + id}`,
      gatewayAddress: '',
      roles: ['broker'],
      rack: '',
      incarnation: `inc-${id}`,
      registeredAtMs: 1000 + id,
    },
  }) as const;

describe('MetaReplica', () => {
  test('elects itself, applies proposals, compacts, and recovers after a restart', async () => {
    const path = `${dir.path}/one`;
    let store = await NodeStore.open(path);
    let meta = await open(store);
    await waitFor('leadership', () => (meta.isLeader ? true : undefined), 5_000);
    expect(meta.leader()).toBe(1);
    for (let id = 1; id <= 25; id++) {
      const outcome = await meta.propose(register(id));
      expect(outcome.ok).toBe(true);
    }
    // Another address for a live node id is refused, and the refusal is the command's outcome.
    const refused = await meta.propose({
      ...register(3),
      node: { ...register(3).node, address: '10.0.0.9:1' },
    });
    expect(refused).toMatchObject({ ok: false, reason: 'ResourceInUse' });
    expect(meta.state().nodes()).toHaveLength(25);
    const log = store.group('meta');
    await waitFor('compaction', () => (log.firstIndex() > 10 ? true : undefined), 5_000);
    const before = Buffer.from(meta.state().encode());
    const epoch = meta.state().appliedIndex;
    await meta.stop();
    await store.close();

    store = await NodeStore.open(path);
    meta = await open(store);
    await waitFor(
      'the state recovered',
      () => (meta.state().appliedIndex === epoch ? true : undefined),
      5_000,
    );
    expect(Buffer.from(meta.state().encode()).equals(before)).toBe(true);
    expect(MetaState.decode(store.group('meta').snapshot().data).nodes().length).toBeGreaterThan(0);
    await waitFor('leadership again', () => (meta.isLeader ? true : undefined), 5_000);
    expect((await meta.propose(register(26))).ok).toBe(true);
    expect(meta.state().node(26)?.address).toBe('127.0.0.1:7426');
    await meta.stop();
    await store.close();
  });

  test('a voter without a quorum does not lead and refuses proposals with NotLeader', async () => {
    const store = await NodeStore.open(`${dir.path}/two`);
    const meta = await open(store, [1, 2, 3]);
    await new Promise((r) => setTimeout(r, 200));
    expect(meta.isLeader).toBe(false);
    let err: unknown;
    try {
      await meta.propose(register(1));
    } catch (e) {
      err = e;
    }
    expect(isRheoError(err, 'NotLeader')).toBe(true);
    await meta.stop();
    await store.close();
  });
});
