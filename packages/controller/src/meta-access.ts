// How the active controller reads and writes the metadata: the host (the
// server's metadata replica) applies committed commands to its MetaState.
import type { MetaState } from './meta-state.js';
import type { ApplyOutcome, MetaCommand } from './types.js';

export interface MetaAccess {
  /** The local applied state. */
  state(): MetaState;
  /** Resolves once committed and applied locally; rejects RheoError('NotLeader') if leadership is lost. */
  propose(cmd: MetaCommand): Promise<ApplyOutcome>;
}
