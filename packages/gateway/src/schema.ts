// The declarative shape of an action's input, as kinesalite writes its
// validations: each member's type and the constraints Kinesis checks. The
// types step (types.ts) reads `type`; the validation step (validate.ts)
// reads the rest. Member names are Kinesis's (StreamName); messages name
// them with a lower-case first letter, as Kinesis does (streamName).
export type FieldSpec =
  | StringSpec
  | NumberSpec
  | { readonly type: 'Boolean'; readonly notNull?: boolean }
  | BlobSpec
  | { readonly type: 'Timestamp'; readonly notNull?: boolean }
  | ListSpec
  | MapSpec
  | StructureSpec;

export interface StringSpec {
  readonly type: 'String';
  readonly notNull?: boolean;
  readonly lengthMin?: number;
  readonly lengthMax?: number;
  /** Anchored when checked; written unanchored as Kinesis prints it. */
  readonly pattern?: string;
  readonly enum?: readonly string[];
}

export interface NumberSpec {
  readonly type: 'Integer' | 'Long';
  readonly notNull?: boolean;
  readonly min?: number;
  readonly max?: number;
}

export interface BlobSpec {
  readonly type: 'Blob';
  readonly notNull?: boolean;
  readonly lengthMax?: number;
}

export interface ListSpec {
  readonly type: 'List';
  readonly notNull?: boolean;
  readonly lengthMin?: number;
  readonly lengthMax?: number;
  readonly member: FieldSpec;
}

export interface MapSpec {
  readonly type: 'Map';
  readonly notNull?: boolean;
  readonly lengthMin?: number;
  readonly lengthMax?: number;
  readonly key: StringSpec;
  readonly value: StringSpec;
}

export interface StructureSpec {
  readonly type: 'Structure';
  readonly notNull?: boolean;
  readonly members: Readonly<Record<string, FieldSpec>>;
}

/** An action's input schema: its top-level members. */
export type InputSchema = Readonly<Record<string, FieldSpec>>;

// Members many actions share, with Kinesis's constraints.
export const streamName = {
  type: 'String',
  lengthMin: 1,
  lengthMax: 128,
  pattern: '[a-zA-Z0-9_.-]+',
} as const satisfies StringSpec;

/** Kinesis's ARN pattern, loosened so Rheo's own ARNs (arn:rheo:kinesis:<cluster>::stream/<name>) pass too. */
export const streamArn = {
  type: 'String',
  lengthMin: 1,
  lengthMax: 2048,
  pattern: 'arn:[a-z0-9-.]+:kinesis:[^:]*:[^:]*:stream/\\S+',
} as const satisfies StringSpec;

export const shardId = {
  type: 'String',
  lengthMin: 1,
  lengthMax: 128,
  pattern: '[a-zA-Z0-9_.-]+',
} as const satisfies StringSpec;

export const hashKey = { type: 'String', pattern: '0|([1-9]\\d{0,38})' } as const satisfies StringSpec;

export const sequenceNumber = {
  type: 'String',
  pattern: '0|([1-9]\\d{0,128})',
} as const satisfies StringSpec;

export const tagKey = { type: 'String', lengthMin: 1, lengthMax: 128 } as const satisfies StringSpec;
export const tagValue = { type: 'String', lengthMin: 0, lengthMax: 256 } as const satisfies StringSpec;

export const nextToken = { type: 'String', lengthMin: 1, lengthMax: 1048576 } as const satisfies StringSpec;

/** The stream named by StreamName or StreamARN (one of them; the action checks that one is there). */
export const streamRef = { StreamName: streamName, StreamARN: streamArn } as const satisfies InputSchema;
