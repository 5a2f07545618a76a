// DeleteStream (EnforceConsumerDeletion deregisters the stream's consumers too).
import type { KinesisAction } from '../action.js';
import { streamRef } from '../schema.js';
import { streamOf } from '../stream-ref.js';
import { bool } from './input.js';

export const deleteStream: KinesisAction = {
  schema: { ...streamRef, EnforceConsumerDeletion: { type: 'Boolean' } },
  check: streamOf,
  async run(cluster, input) {
    await cluster.client.admin.deleteStream(streamOf(input), {
      enforceConsumerDeletion: bool(input, 'EnforceConsumerDeletion') ?? false,
    });
    return {};
  },
};
