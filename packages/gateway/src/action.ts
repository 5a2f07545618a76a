// What one Kinesis action is: its input schema (validated by the pipeline
// before the action runs) and the code that runs it against the cluster.
import type { ClusterAccess } from './cluster-access.js';
import type { EventStreamOutput } from './event-stream.js';
import type { InputSchema } from './schema.js';

/** A response member bag; Buffer for blobs, Timestamp for times (body-codec.ts renders them). */
export type ActionOutput = Record<string, unknown>;

export interface KinesisAction {
  readonly schema: InputSchema;
  /** Checks the schema cannot say (one of two members, mutually exclusive members); throws a KinesisError. */
  readonly check?: (input: Record<string, unknown>) => void;
  /** A member bag, or (SubscribeToShard) an event stream. */
  readonly run: (
    cluster: ClusterAccess,
    input: Record<string, unknown>,
  ) => Promise<ActionOutput | EventStreamOutput>;
}
