// Enhanced fan-out consumers in the metadata (issue 7): a registry per
// stream, with Kinesis's statuses. RegisterConsumer adds one CREATING; the
// active controller's tick moves it to ACTIVE (a registration survives a
// controller change half-way, and the sweep finishes it); deregistering
// marks it DELETING, and the tick forgets it once nodes have seen that
// (subscriptions close on DELETING). Every refusal is checked before the
// first change.
import { refuse, streamNameProblem, streamNotActive, streamNotFound } from './kinesis-rules.js';
import type { MetaTables } from './meta-tables.js';
import type { ApplyOutcome } from './types.js';

export type ConsumerStatusName = 'CREATING' | 'ACTIVE' | 'DELETING';
export const consumerStatusNames: readonly ConsumerStatusName[] = Object.freeze([
  'CREATING',
  'ACTIVE',
  'DELETING',
]);

/** Kinesis's default: 20 registered consumers per stream. */
export const consumersPerStreamDefault = 20;

export interface ConsumerRecord {
  readonly streamName: string;
  readonly name: string;
  /** `${streamArn}/consumer/${name}:${creation seconds}`, as Kinesis forms it. */
  readonly arn: string;
  readonly status: ConsumerStatusName;
  readonly createdAtMs: number;
}

export type ConsumerCommand =
  | { type: 'RegisterConsumer'; streamName: string; name: string; atMs: number; limit: number }
  | { type: 'SetConsumerStatus'; streamName: string; name: string; status: ConsumerStatusName }
  | { type: 'ForgetConsumer'; streamName: string; name: string };

export function consumerKey(streamName: string, name: string): string {
  return `${streamName}\u0000${name}`;
}

export function consumerArnOf(streamArn: string, name: string, createdAtMs: number): string {
  return `${streamArn}/consumer/${name}:${Math.floor(createdAtMs / 1000)}`;
}

/** The stream's consumers, sorted by name. */
export function consumersOf(t: MetaTables, streamName: string): ConsumerRecord[] {
  const prefix = consumerKey(streamName, '');
  return [...t.consumers.entries()]
    .filter(([k]) => k.startsWith(prefix))
    .map(([, c]) => c)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The consumer an ARN names (the creation time in it must match too). */
export function consumerByArn(t: MetaTables, arn: string): ConsumerRecord | undefined {
  const m = /^(.*)\/consumer\/([^/:]+):(\d+)$/.exec(arn);
  if (m === null) return undefined;
  for (const s of t.streams.values()) {
    if (s.arn !== m[1]) continue;
    const c = t.consumers.get(consumerKey(s.name, m[2]!));
    return c !== undefined && c.arn === arn ? c : undefined;
  }
  return undefined;
}

function consumerNotFound(streamName: string, name: string): ApplyOutcome {
  return refuse('ResourceNotFound', `Consumer ${name} under stream ${streamName} not found.`, 'ConsumerName');
}

export function applyRegisterConsumer(
  t: MetaTables,
  cmd: Extract<ConsumerCommand, { type: 'RegisterConsumer' }>,
): ApplyOutcome {
  const s = t.streams.get(cmd.streamName);
  if (s === undefined) return streamNotFound(cmd.streamName, t.clusterId);
  if (s.status === 'DELETING') return streamNotActive(s.name, t.clusterId, s.status);
  const nameProblem = streamNameProblem(cmd.name);
  if (nameProblem !== undefined)
    return { ...nameProblem, message: nameProblem.message.replace('streamName', 'consumerName') };
  if (!Number.isFinite(cmd.atMs))
    return refuse('InvalidArgument', `registration time ${cmd.atMs} is not a number`, 'atMs');
  if (t.consumers.has(consumerKey(s.name, cmd.name)))
    return refuse(
      'ResourceInUse',
      `Consumer ${cmd.name} under stream ${s.name} already exists for account ${t.clusterId}.`,
      'ConsumerName',
    );
  if (consumersOf(t, s.name).length >= cmd.limit)
    return refuse(
      'LimitExceeded',
      `Stream ${s.name} already has ${cmd.limit} registered consumers, the most it may have.`,
      'ConsumerName',
    );
  const record: ConsumerRecord = Object.freeze({
    streamName: s.name,
    name: cmd.name,
    arn: consumerArnOf(s.arn, cmd.name, cmd.atMs),
    status: 'CREATING',
    createdAtMs: cmd.atMs,
  });
  t.consumers.set(consumerKey(s.name, cmd.name), record);
  return { ok: true, value: record };
}

export function applySetConsumerStatus(
  t: MetaTables,
  cmd: Extract<ConsumerCommand, { type: 'SetConsumerStatus' }>,
): ApplyOutcome {
  const key = consumerKey(cmd.streamName, cmd.name);
  const c = t.consumers.get(key);
  if (c === undefined) return consumerNotFound(cmd.streamName, cmd.name);
  if (!consumerStatusNames.includes(cmd.status))
    return refuse('InvalidArgument', `unknown consumer status ${cmd.status}`, 'status');
  // DELETING is final: a consumer leaves it only by being forgotten.
  if (c.status === 'DELETING' && cmd.status !== 'DELETING')
    return refuse('ResourceInUse', `Consumer ${c.name} is DELETING`, 'ConsumerName');
  if (c.status !== cmd.status) t.consumers.set(key, Object.freeze({ ...c, status: cmd.status }));
  return { ok: true, value: t.consumers.get(key) };
}

export function applyForgetConsumer(
  t: MetaTables,
  cmd: Extract<ConsumerCommand, { type: 'ForgetConsumer' }>,
): ApplyOutcome {
  const key = consumerKey(cmd.streamName, cmd.name);
  const c = t.consumers.get(key);
  if (c === undefined) return { ok: true };
  if (c.status !== 'DELETING')
    return refuse('ResourceInUse', `Consumer ${c.name} is ${c.status}, not DELETING`, 'ConsumerName');
  t.consumers.delete(key);
  return { ok: true };
}

/** A forgotten stream takes its consumers with it. */
export function forgetConsumersOf(t: MetaTables, streamName: string): void {
  for (const c of consumersOf(t, streamName)) t.consumers.delete(consumerKey(streamName, c.name));
}
