// Shared builders for the controller's tests.
import { type MetaCommand, MetaState, type NodeRoleName } from '../src/index.js';

export const clusterId = 'test-cluster';

export function registerCmd(
  id: number,
  opts: { rack?: string; address?: string; roles?: NodeRoleName[]; incarnation?: string } = {},
): MetaCommand {
  return {
    type: 'RegisterNode',
    node: {
      id,
      address: opts.address ?? `10.0.0.${id}:7000`,
      gatewayAddress: '',
      roles: opts.roles ?? ['broker'],
      rack: opts.rack ?? '',
      incarnation: opts.incarnation ?? `inc-${id}`,
      registeredAtMs: 1000,
    },
  };
}

export function createCmd(
  name: string,
  placement: number[][],
  extra: Partial<MetaCommand> = {},
): MetaCommand {
  return {
    type: 'CreateStream',
    name,
    shardCount: placement.length,
    replicationFactor: placement[0]?.length ?? 1,
    retentionHours: 24,
    mode: 'PROVISIONED',
    tags: {},
    atMs: 5000,
    placement,
    ...extra,
  } as MetaCommand;
}

/** A state that applied `cmds` at indexes 1, 2, ...; throws if any is refused. */
export function stateOf(cmds: MetaCommand[]): MetaState {
  const s = MetaState.empty(clusterId);
  for (const c of cmds) {
    const o = s.apply(c, s.appliedIndex + 1);
    if (!o.ok) throw new Error(`${c.type} refused: ${o.message}`);
  }
  return s;
}

export function applyNext(s: MetaState, c: MetaCommand) {
  return s.apply(c, s.appliedIndex + 1);
}
