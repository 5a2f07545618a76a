// IncreaseStreamRetentionPeriod and DecreaseStreamRetentionPeriod: one shape, two RPCs.
import type { KinesisAction } from '../action.js';
import { streamRef } from '../schema.js';
import { streamOf } from '../stream-ref.js';
import { int } from './input.js';

function retentionAction(
  method: 'IncreaseStreamRetentionPeriod' | 'DecreaseStreamRetentionPeriod',
): KinesisAction {
  return {
    schema: { ...streamRef, RetentionPeriodHours: { type: 'Integer', notNull: true, min: 1, max: 8760 } },
    check: streamOf,
    async run(cluster, input) {
      await cluster.adminCall(method, method, {
        streamName: streamOf(input),
        retentionPeriodHours: int(input, 'RetentionPeriodHours'),
      });
      return {};
    },
  };
}

export const increaseStreamRetentionPeriod = retentionAction('IncreaseStreamRetentionPeriod');
export const decreaseStreamRetentionPeriod = retentionAction('DecreaseStreamRetentionPeriod');
