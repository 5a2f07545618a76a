// Validation of RaftConfig at construction: every bound positive where it
// must be, the timing rules that make elections and leases sound, no
// unknown keys. Errors here are programmer errors, thrown with a clear message.

import { type RaftConfig, ReadOnlyOption } from './types.js';

const KNOWN_KEYS: ReadonlySet<string> = new Set([
  'id',
  'electionTick',
  'heartbeatTick',
  'storage',
  'applied',
  'maxSizePerMsgBytes',
  'maxInflightMsgs',
  'maxInflightBytes',
  'maxUncommittedEntriesBytes',
  'maxCommittedSizePerReadyBytes',
  'checkQuorum',
  'preVote',
  'readOnlyOption',
  'leaseSafetyMarginTicks',
  'maxReadiesInFlight',
  'lazyCommitSpread',
  'random',
  'logger',
]);

const isInt = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n);

export function validateConfig(c: RaftConfig): void {
  const fail = (why: string): never => {
    throw new Error(`invalid RaftConfig: ${why}`);
  };
  for (const k of Object.keys(c)) if (!KNOWN_KEYS.has(k)) fail(`unknown key '${k}'`);
  if (!isInt(c.id) || c.id <= 0) fail(`id must be a positive integer (0 means none), got ${c.id}`);
  if (!isInt(c.heartbeatTick) || c.heartbeatTick <= 0) fail(`heartbeatTick must be a positive integer`);
  if (!isInt(c.electionTick) || c.electionTick <= c.heartbeatTick) {
    fail(
      `electionTick (${c.electionTick}) must be an integer greater than heartbeatTick (${c.heartbeatTick})`,
    );
  }
  if (!isInt(c.applied) || c.applied < 0) fail(`applied must be a non-negative integer`);
  if (!isInt(c.maxSizePerMsgBytes) || c.maxSizePerMsgBytes <= 0) fail('maxSizePerMsgBytes must be positive');
  if (!isInt(c.maxInflightMsgs) || c.maxInflightMsgs <= 0) fail('maxInflightMsgs must be positive');
  for (const k of [
    'maxInflightBytes',
    'maxUncommittedEntriesBytes',
    'maxCommittedSizePerReadyBytes',
  ] as const) {
    if (!isInt(c[k]) || c[k] < 0) fail(`${k} must be a non-negative integer (0 = no bound)`);
  }
  if (c.readOnlyOption !== ReadOnlyOption.Safe && c.readOnlyOption !== ReadOnlyOption.LeaseBased) {
    fail(`readOnlyOption must be 'safe' or 'lease'`);
  }
  if (typeof c.checkQuorum !== 'boolean' || typeof c.preVote !== 'boolean') {
    fail('checkQuorum and preVote must be booleans');
  }
  if (!isInt(c.leaseSafetyMarginTicks) || c.leaseSafetyMarginTicks < 0) {
    fail('leaseSafetyMarginTicks must be a non-negative integer');
  }
  if (c.readOnlyOption === ReadOnlyOption.LeaseBased) {
    if (!c.checkQuorum) fail('ReadOnlyOption.LeaseBased requires checkQuorum');
    // The lease must be strictly shorter than the minimum election timeout.
    if (c.leaseSafetyMarginTicks < 1 || c.leaseSafetyMarginTicks >= c.electionTick) {
      fail(
        `leaseSafetyMarginTicks must be in [1, electionTick) with leases, got ${c.leaseSafetyMarginTicks}`,
      );
    }
  }
  if (
    c.maxReadiesInFlight !== undefined &&
    (!isInt(c.maxReadiesInFlight) || c.maxReadiesInFlight < 1 || c.maxReadiesInFlight > 64)
  ) {
    fail(`maxReadiesInFlight must be an integer from 1 to 64, got ${c.maxReadiesInFlight}`);
  }
  if (c.lazyCommitSpread !== undefined && typeof c.lazyCommitSpread !== 'boolean') {
    fail('lazyCommitSpread must be a boolean');
  }
  if (typeof c.storage !== 'object' || c.storage === null) fail('storage is required');
  if (typeof c.random?.int !== 'function') fail('random (a RandomSource) is required');
}
