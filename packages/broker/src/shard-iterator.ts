// GetShardIterator: turns a request into a signed token. LATEST is fixed at
// issue time (the position after the newest applied entry), as Kinesis
// fixes it when the iterator is issued; TRIM_HORIZON and AT_TIMESTAMP stay
// symbolic until the first GetRecords, because trimming moves the horizon.

import {
  type IteratorPosition,
  parseSequenceNumber,
  RheoError,
  sequenceNumber,
  sequenceParts,
} from '@rheo/wire';
import { issueToken, type ReadAccess } from './shard-reads.js';
import type { GetShardIteratorRequest } from './types.js';

const FIELD_SEQUENCE = 'StartingSequenceNumber';

/** `horizon` is the highest index readers may see now; LATEST starts after it. */
export function shardIterator(a: ReadAccess, req: GetShardIteratorRequest, horizon: number): string {
  return issueToken(a, positionOf(a, req, horizon));
}

function positionOf(a: ReadAccess, req: GetShardIteratorRequest, horizon: number): IteratorPosition {
  const where = `shard ${a.spec.shardId} in stream ${a.spec.streamName}`;
  switch (req.type) {
    case 'TRIM_HORIZON':
      return { kind: 'TRIM_HORIZON' };
    case 'LATEST':
      return {
        kind: 'AT_SEQUENCE_NUMBER',
        sequenceNumber: sequenceNumber(a.spec.sequenceBase, horizon + 1, 0),
      };
    case 'AT_TIMESTAMP': {
      const t = req.timestampMs;
      if (t === undefined || !Number.isSafeInteger(t) || t < 0)
        throw new RheoError(
          'InvalidArgument',
          `Timestamp must be set for AT_TIMESTAMP (ms since the epoch)`,
          {
            field: 'Timestamp',
          },
        );
      return { kind: 'AT_TIMESTAMP', timestampMs: t };
    }
    case 'AT_SEQUENCE_NUMBER':
    case 'AFTER_SEQUENCE_NUMBER': {
      if (req.sequenceNumber === undefined)
        throw new RheoError('InvalidArgument', `${FIELD_SEQUENCE} must be set for ${req.type}`, {
          field: FIELD_SEQUENCE,
        });
      const seq = parseSequenceNumber(req.sequenceNumber, FIELD_SEQUENCE);
      const invalid = (why: string): RheoError =>
        new RheoError(
          'InvalidArgument',
          `${FIELD_SEQUENCE} ${req.sequenceNumber} used in GetShardIterator on ${where} is invalid: ${why}`,
          { field: FIELD_SEQUENCE },
        );
      // Sibling shards of a split share a base, so this catches most but not all foreign numbers.
      if (sequenceParts(seq).base !== a.spec.sequenceBase) throw invalid('it did not come from this shard');
      const newest = a.state.newestSequence;
      if (newest === undefined || seq > newest || sequenceParts(seq).index > horizon)
        throw invalid('it is beyond the newest record of the shard');
      return { kind: req.type, sequenceNumber: seq };
    }
    default:
      throw new RheoError('InvalidArgument', `ShardIteratorType ${String(req.type)} is not known`, {
        field: 'ShardIteratorType',
      });
  }
}
