// A broker-only node's copy of the metadata: the latest snapshot its broker
// agent fetched (FetchMetadata), decoded, and the active controller's id
// from the latest heartbeat answer. Only ever moves forward: a late answer
// carrying an older epoch is ignored.
import { MetaState } from '@rheo/controller';

export class MetadataMirror {
  private current: MetaState | undefined;
  private controller = 0;

  constructor(private readonly onChange: (state: MetaState) => void = () => {}) {}

  state(): MetaState | undefined {
    return this.current;
  }

  /** The active controller's id as last heard; 0 when none. */
  controllerNodeId(): number {
    return this.controller;
  }

  /** A heartbeat answer named the epoch and the active controller. */
  onEpoch(_epoch: number, controllerId: number): void {
    if (controllerId > 0) this.controller = controllerId;
  }

  /** A fetched snapshot (MetaState encoding); throws RheoError('Corrupt') when it does not decode. */
  onMetadata(_epoch: number, bytes: Uint8Array): void {
    const next = MetaState.decode(bytes);
    if (this.current !== undefined && next.appliedIndex < this.current.appliedIndex) return;
    this.current = next;
    this.onChange(next);
  }
}
