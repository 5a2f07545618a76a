// The validation step of the pipeline: the constraints of the action's schema
// (not null, lengths, patterns, ranges, enums), checked on the typed input
// and reported as Kinesis reports them, every failure in one message:
//   1 validation error detected: Value null at 'streamName' failed to satisfy
//   constraint: Member must not be null
import { validationError } from './kinesis-error.js';
import type { FieldSpec, InputSchema, MapSpec, StringSpec } from './schema.js';

/** Kinesis stops listing after this many failures (the count still says all). */
const listedFailuresMax = 10;

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function shown(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return `'${value}'`;
  if (Buffer.isBuffer(value))
    return `'java.nio.HeapByteBuffer[pos=0 lim=${value.length} cap=${value.length}]'`;
  if (Array.isArray(value)) return `'[${value.map((v) => String(v)).join(', ')}]'`;
  if (typeof value === 'object')
    return `'{${Object.entries(value)
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(', ')}}'`;
  return String(value);
}

const patternCache = new Map<string, RegExp>();

function anchored(pattern: string): RegExp {
  let re = patternCache.get(pattern);
  if (re === undefined) {
    re = new RegExp(`^(?:${pattern})$`, 'u');
    patternCache.set(pattern, re);
  }
  return re;
}

/** Kinesis counts a string's length in UTF-16 units as Java does. */
function lengthOf(value: unknown): number | undefined {
  if (typeof value === 'string' || Array.isArray(value)) return value.length;
  if (Buffer.isBuffer(value)) return value.length;
  if (typeof value === 'object' && value !== null) return Object.keys(value).length;
  return undefined;
}

function lengthProblems(value: unknown, spec: { lengthMin?: number; lengthMax?: number }): string[] {
  const length = lengthOf(value);
  if (length === undefined) return [];
  const out: string[] = [];
  if (spec.lengthMin !== undefined && length < spec.lengthMin) {
    out.push(`Member must have length greater than or equal to ${spec.lengthMin}`);
  }
  if (spec.lengthMax !== undefined && length > spec.lengthMax) {
    out.push(`Member must have length less than or equal to ${spec.lengthMax}`);
  }
  return out;
}

function stringProblems(value: string, spec: StringSpec): string[] {
  const out = lengthProblems(value, spec);
  if (spec.pattern !== undefined && !anchored(spec.pattern).test(value)) {
    out.push(`Member must satisfy regular expression pattern: ${spec.pattern}`);
  }
  if (spec.enum !== undefined && !spec.enum.includes(value)) {
    out.push(`Member must satisfy enum value set: [${spec.enum.join(', ')}]`);
  }
  return out;
}

function mapProblems(value: Record<string, unknown>, spec: MapSpec): string[] {
  const out = lengthProblems(value, spec);
  const keyProblems = Object.keys(value).flatMap((k) => stringProblems(k, spec.key));
  if (keyProblems.length > 0) out.push(`Map keys must satisfy constraint: [${keyProblems[0]}]`);
  const valueProblems = Object.values(value).flatMap((v) =>
    typeof v === 'string' ? stringProblems(v, spec.value) : [],
  );
  if (valueProblems.length > 0) out.push(`Map value must satisfy constraint: [${valueProblems[0]}]`);
  return out;
}

/** Every failure of one member (and, for lists and structures, of what it holds), as message parts. */
function check(value: unknown, spec: FieldSpec, path: string, failures: string[]): void {
  const fail = (constraint: string): void => {
    failures.push(`Value ${shown(value)} at '${path}' failed to satisfy constraint: ${constraint}`);
  };
  if (value === null || value === undefined) {
    if (spec.notNull === true) fail('Member must not be null');
    return;
  }
  switch (spec.type) {
    case 'String':
      stringProblems(value as string, spec).forEach(fail);
      return;
    case 'Integer':
    case 'Long': {
      const n = value as number;
      if (spec.min !== undefined && n < spec.min)
        fail(`Member must have value greater than or equal to ${spec.min}`);
      if (spec.max !== undefined && n > spec.max)
        fail(`Member must have value less than or equal to ${spec.max}`);
      return;
    }
    case 'Blob':
      lengthProblems(value, { lengthMax: spec.lengthMax }).forEach(fail);
      return;
    case 'List':
      lengthProblems(value, spec).forEach(fail);
      (value as unknown[]).forEach((item, i) => {
        check(item, spec.member, `${path}.${i + 1}.member`, failures);
      });
      return;
    case 'Map':
      mapProblems(value as Record<string, unknown>, spec).forEach(fail);
      return;
    case 'Structure':
      checkMembers(value as Record<string, unknown>, spec.members, `${path}.`, failures);
      return;
    default:
      return;
  }
}

function checkMembers(
  input: Record<string, unknown>,
  members: InputSchema,
  prefix: string,
  failures: string[],
): void {
  for (const [name, spec] of Object.entries(members))
    check(input[name], spec, `${prefix}${lowerFirst(name)}`, failures);
}

/** Throws ValidationException listing every constraint `input` breaks. */
export function validateInput(input: Record<string, unknown>, schema: InputSchema): void {
  const failures: string[] = [];
  checkMembers(input, schema, '', failures);
  if (failures.length === 0) return;
  const count = failures.length;
  throw validationError(
    `${count} validation error${count === 1 ? '' : 's'} detected: ${failures.slice(0, listedFailuresMax).join('; ')}`,
  );
}
