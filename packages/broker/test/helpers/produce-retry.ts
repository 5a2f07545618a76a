// A producer that does what the SDK will: on a retryable answer or an
// unknown outcome it finds the current leader and resends the same batch
// with the same idempotent-producer fields.
import { RheoError } from '@rheo/wire';
import type { ProduceAck, ProducerStamp } from '../../src/index.js';
import { sleep, type TestCluster } from './cluster.js';

export const RETRY_CODES = new Set(['NotLeader', 'OutcomeUnknown', 'Unavailable', 'Backpressure']);

export async function produceUntilAcked(
  cluster: TestCluster,
  batch: Uint8Array,
  producer: ProducerStamp,
  attemptsMax = 300,
): Promise<{ ack: ProduceAck; attempts: number; unknowns: number }> {
  let unknowns = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      const leader = await cluster.leader();
      return { ack: await leader.produce(batch, producer), attempts: attempt, unknowns };
    } catch (e) {
      if (!(e instanceof RheoError) || !RETRY_CODES.has(e.code) || attempt >= attemptsMax) throw e;
      if (e.code === 'OutcomeUnknown') unknowns++;
      await sleep(15);
    }
  }
}
