// Kinesis's input rules and the exact messages it answers with, in one place
// so MetaState (which must refuse bad commands deterministically) and the
// controller (which refuses before proposing) say the same thing.
import type { ApplyOutcome } from './types.js';

export const streamNameLengthMax = 128;
export const streamNamePattern = /^[a-zA-Z0-9_.-]+$/;
export const retentionHoursMin = 24;
export const retentionHoursMax = 8760;
export const retentionHoursDefault = 24;
export const tagsPerStreamMax = 50;
export const tagKeyLengthMax = 128;
export const tagValueLengthMax = 256;
/** Node ids are Raft ids and proto uint32. */
export const nodeIdMax = 0xffff_ffff;

export type Refusal = Extract<ApplyOutcome, { ok: false }>;

export function refuse(reason: Refusal['reason'], message: string, field?: string): Refusal {
  return field === undefined ? { ok: false, reason, message } : { ok: false, reason, message, field };
}

function validation(value: string, field: string, constraint: string): Refusal {
  return refuse(
    'Validation',
    `1 validation error detected: Value '${value}' at '${field}' failed to satisfy constraint: ${constraint}`,
    field,
  );
}

export function streamNameProblem(name: unknown): Refusal | undefined {
  if (typeof name !== 'string' || name.length < 1) {
    return validation(String(name), 'streamName', 'Member must have length greater than or equal to 1');
  }
  if (name.length > streamNameLengthMax) {
    return validation(
      name,
      'streamName',
      `Member must have length less than or equal to ${streamNameLengthMax}`,
    );
  }
  if (!streamNamePattern.test(name)) {
    return validation(name, 'streamName', 'Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+');
  }
  return undefined;
}

export function shardCountProblem(n: unknown): Refusal | undefined {
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 1) {
    return validation(String(n), 'shardCount', 'Member must have value greater than or equal to 1');
  }
  return undefined;
}

export function retentionBoundsProblem(hours: unknown): Refusal | undefined {
  if (typeof hours !== 'number' || !Number.isSafeInteger(hours) || hours < retentionHoursMin) {
    return refuse(
      'InvalidArgument',
      `Minimum allowed retention period is ${retentionHoursMin} hours. Requested retention period (${hours} hours) is too short.`,
      'RetentionPeriodHours',
    );
  }
  if (hours > retentionHoursMax) {
    return refuse(
      'InvalidArgument',
      `Maximum allowed retention period is ${retentionHoursMax} hours. Requested retention period (${hours} hours) is too long.`,
      'RetentionPeriodHours',
    );
  }
  return undefined;
}

/** Increase may not shorten and decrease may not lengthen the retention (Kinesis). */
export function retentionDirectionProblem(
  stream: string,
  current: number,
  hours: number,
  direction: 'increase' | 'decrease',
): Refusal | undefined {
  if (direction === 'increase' && hours < current) {
    return refuse(
      'InvalidArgument',
      `Requested retention period (${hours} hours) for stream ${stream} can not be shorter than existing retention period (${current} hours). Use DecreaseRetentionPeriod API.`,
      'RetentionPeriodHours',
    );
  }
  if (direction === 'decrease' && hours > current) {
    return refuse(
      'InvalidArgument',
      `Requested retention period (${hours} hours) for stream ${stream} can not be longer than existing retention period (${current} hours). Use IncreaseRetentionPeriod API.`,
      'RetentionPeriodHours',
    );
  }
  return undefined;
}

/** What Kinesis lets a tag key or value hold; '%' passes this check and is refused by the next one. */
const tagCharacters = /^[\p{L}\p{N}\s_./=+\-%@:]*$/u;

/**
 * Each tag's key (1..128 characters) and value (0..256 characters), and their
 * characters, with Kinesis's messages (`stream` and `account` name the stream).
 */
export function tagsProblem(
  tags: Readonly<Record<string, string>>,
  stream: string,
  account: string,
): Refusal | undefined {
  const texts = Object.entries(tags).flat();
  if (texts.some((t) => typeof t === 'string' && !tagCharacters.test(t))) {
    return refuse(
      'InvalidArgument',
      'Some tags contain invalid characters. Valid characters: Unicode letters, digits, white space, _ . / = + - % @ :.',
      'Tags',
    );
  }
  if (texts.some((t) => typeof t === 'string' && t.includes('%'))) {
    return refuse(
      'InvalidArgument',
      `Failed to add tags to stream ${stream} under account ${account} because some tags contained illegal characters. The allowed characters are Unicode letters, white-spaces, '_',',','/','=','+','-','@',':'.`,
      'Tags',
    );
  }
  for (const [key, value] of Object.entries(tags)) {
    if (key.length < 1 || key.length > tagKeyLengthMax) {
      return validation(
        key,
        'tags',
        `Map keys must satisfy constraint: [Member must have length less than or equal to ${tagKeyLengthMax}, Member must have length greater than or equal to 1]`,
      );
    }
    if (typeof value !== 'string' || value.length > tagValueLengthMax) {
      return validation(
        String(value),
        'tags',
        `Map value must satisfy constraint: [Member must have length less than or equal to ${tagValueLengthMax}, Member must have length greater than or equal to 0]`,
      );
    }
  }
  return undefined;
}

export function tooManyTags(stream: string, account: string): Refusal {
  return refuse(
    'InvalidArgument',
    `Failed to add tags to stream ${stream} under account ${account} because a given stream cannot have more than ${tagsPerStreamMax} tags associated with it.`,
    'Tags',
  );
}

export function streamExists(stream: string, account: string): Refusal {
  return refuse('ResourceInUse', `Stream ${stream} under account ${account} already exists.`, 'StreamName');
}

export function streamNotFound(stream: string, account: string): Refusal {
  return refuse('ResourceNotFound', `Stream ${stream} under account ${account} not found.`, 'StreamName');
}

export function streamNotActive(stream: string, account: string, status: string): Refusal {
  return refuse(
    'ResourceInUse',
    `Stream ${stream} under account ${account} not ACTIVE, instead in state ${status}`,
    'StreamName',
  );
}

export function isNodeId(id: unknown): id is number {
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 1 && id <= nodeIdMax;
}
