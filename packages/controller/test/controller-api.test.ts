// The active controller's gRPC-facing calls: what registration and
// heartbeats answer, and the typed errors a broker agent acts on (wrong
// cluster, unknown node or stale incarnation: register again; a second live
// process claiming an id: refused naming both addresses).
import { describe, expect, it } from 'vitest';
import { ActiveController, controllerConfig } from '../src/index.js';
import { SimMeta } from './sim-cluster.js';

function setup() {
  const meta = new SimMeta('c1');
  let now = 10_000;
  const controller = new ActiveController({
    meta,
    config: controllerConfig('c1', { heartbeatIntervalMs: 250 }),
    nowMs: () => now,
    nodeId: 7,
  });
  const register = (nodeId: number, address: string, incarnation: string, clusterId = 'c1') =>
    controller.registerNode({
      clusterId,
      nodeId,
      incarnation,
      address,
      gatewayAddress: '',
      roles: ['NODE_ROLE_BROKER', 'NODE_ROLE_CONTROLLER'],
      rack: 'r',
    });
  const heartbeat = (nodeId: number, incarnation: string, clusterId = 'c1') =>
    controller.heartbeat({
      clusterId,
      nodeId,
      incarnation,
      sentAtMs: 0,
      replicas: [],
      traffic: [],
      inflightBytes: 0,
      diskFreeBytes: 0,
      completedCommandIds: [],
    });
  return { meta, controller, register, heartbeat, advance: (ms: number) => (now += ms) };
}

describe('registerNode and heartbeat', () => {
  it('registers, answers with the controller id, interval, state and epoch', async () => {
    const { meta, register, heartbeat } = setup();
    expect(await register(1, 'h1:1', 'a')).toEqual({
      controllerNodeId: 7,
      heartbeatIntervalMs: 250,
      state: 'NODE_STATE_ALIVE',
    });
    expect(meta.state().node(1)).toMatchObject({
      roles: ['broker', 'controller'],
      rack: 'r',
      registeredAtMs: 10_000,
    });
    expect(heartbeat(1, 'a')).toEqual({
      controllerNodeId: 7,
      epoch: meta.state().appliedIndex,
      heartbeatIntervalMs: 250,
      state: 'NODE_STATE_ALIVE',
      commands: [],
    });
  });

  it('refuses another cluster, an unknown node and a stale incarnation with the reasons an agent acts on', async () => {
    const { register, heartbeat } = setup();
    await expect(register(1, 'h1:1', 'a', 'other')).rejects.toMatchObject({
      code: 'InvalidArgument',
      field: 'clusterId',
    });
    expect(() => heartbeat(1, 'a')).toThrow(
      expect.objectContaining({ code: 'ResourceNotFound', field: 'nodeId' }),
    );
    await register(1, 'h1:1', 'a');
    await register(1, 'h1:1', 'b');
    expect(() => heartbeat(1, 'a')).toThrow(
      expect.objectContaining({ code: 'ResourceNotFound', message: expect.stringMatching(/incarnation/) }),
    );
    expect(() => heartbeat(1, 'b', 'other')).toThrow(expect.objectContaining({ code: 'InvalidArgument' }));
  });

  it('refuses a second live process for an id, naming both addresses; takes it once the first is DEAD', async () => {
    const { meta, controller, register, heartbeat, advance } = setup();
    await register(1, 'h1:1', 'a');
    await expect(register(1, 'h9:1', 'z')).rejects.toMatchObject({
      code: 'ResourceInUse',
      message: expect.stringMatching(/h1:1.*h9:1/),
    });
    advance(31_000);
    await controller.tick();
    expect(meta.state().node(1)?.state).toBe('DEAD');
    await register(1, 'h9:1', 'z');
    expect(meta.state().node(1)).toMatchObject({ address: 'h9:1', state: 'ALIVE', incarnation: 'z' });
    expect(heartbeat(1, 'z').state).toBe('NODE_STATE_ALIVE');
  });

  it('drains, undrains, refuses unknown nodes, and answers NotLeader once stopped', async () => {
    const { meta, controller, register, heartbeat } = setup();
    await register(1, 'h1:1', 'a');
    await controller.drainNode(1);
    expect(meta.state().node(1)?.state).toBe('DRAINING');
    await controller.tick();
    expect(meta.state().node(1)?.state).toBe('DRAINING');
    await controller.undrainNode(1);
    expect(meta.state().node(1)?.state).toBe('ALIVE');
    await expect(controller.drainNode(5)).rejects.toMatchObject({ code: 'ResourceNotFound' });
    controller.stop();
    await expect(controller.drainNode(1)).rejects.toMatchObject({ code: 'NotLeader' });
    await expect(register(1, 'h1:1', 'b')).rejects.toMatchObject({ code: 'NotLeader' });
    expect(() => heartbeat(1, 'a')).toThrow(expect.objectContaining({ code: 'NotLeader' }));
  });
});
