// Fan-out consumer registration on the active controller: checks, the
// proposal, and the tick's sweep that moves CREATING consumers to ACTIVE
// and forgets DELETING ones. The sweep (not the registering call) finishes
// the lifecycle, so a registration or deregistration that a controller
// change interrupts is finished by the next controller.
import { RheoError } from '@rheo/wire';
import { streamNotFound } from './kinesis-rules.js';
import type { MetaAccess } from './meta-access.js';
import { type ConsumerRecord, consumersPerStreamDefault } from './meta-apply-consumers.js';
import type { ApplyOutcome, MetaCommand, StreamRecord } from './types.js';

export class ConsumerAdmin {
  constructor(
    private readonly meta: MetaAccess,
    private readonly nowMs: () => number,
    private readonly proposeOrThrow: (cmd: MetaCommand) => Promise<ApplyOutcome>,
    private readonly perStreamMax = consumersPerStreamDefault,
  ) {}

  async register(streamName: string, name: string): Promise<ConsumerRecord> {
    const stream = this.#stream(streamName);
    await this.proposeOrThrow({
      type: 'RegisterConsumer',
      streamName: stream.name,
      name,
      atMs: this.nowMs(),
      limit: this.perStreamMax,
    });
    const c = this.meta.state().consumer(stream.name, name);
    if (c === undefined)
      throw new RheoError('Internal', `consumer ${name} was registered but is not in the metadata`);
    return c;
  }

  async deregister(streamName: string, name: string): Promise<void> {
    const stream = this.#stream(streamName);
    await this.proposeOrThrow({
      type: 'SetConsumerStatus',
      streamName: stream.name,
      name,
      status: 'DELETING',
    });
  }

  /** One sweep: CREATING → ACTIVE, DELETING → forgotten. Refusals are the next sweep's business. */
  async tick(propose: (cmd: MetaCommand) => Promise<ApplyOutcome>): Promise<void> {
    const state = this.meta.state();
    for (const s of state.streams()) {
      for (const c of state.consumersOf(s.name)) {
        if (c.status === 'CREATING')
          await propose({ type: 'SetConsumerStatus', streamName: s.name, name: c.name, status: 'ACTIVE' });
        else if (c.status === 'DELETING')
          await propose({ type: 'ForgetConsumer', streamName: s.name, name: c.name });
      }
    }
  }

  #stream(nameOrArn: string): StreamRecord {
    const state = this.meta.state();
    const s = state.stream(nameOrArn);
    if (s === undefined) {
      const r = streamNotFound(nameOrArn, state.clusterId);
      throw new RheoError(r.reason, r.message, r.field === undefined ? {} : { field: r.field });
    }
    return s;
  }
}
