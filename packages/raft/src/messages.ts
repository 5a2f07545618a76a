// Building and checking messages. Every message the core sends is complete
// (the flat shape, unused fields zero/empty); every message it receives is
// checked here before any rule reads it, so malformed input is dropped and
// counted rather than thrown on.

import { type Entry, EntryType, type Message, MessageType, NETWORK_MESSAGE_TYPES } from './types.js';

export const NO_ENTRIES: readonly Entry[] = Object.freeze([]) as readonly Entry[];
export const EMPTY_BYTES = new Uint8Array(0);
/** Vote context of a campaign started by TimeoutNow: voters skip their lease check. */
export const CAMPAIGN_TRANSFER = new Uint8Array([0x74, 0x72, 0x61, 0x6e, 0x73, 0x66, 0x65, 0x72]); // "transfer"

export type MessageFields = Partial<Message> & Pick<Message, 'type' | 'to' | 'from'>;

/**
 * A complete message from the given fields. Built as one literal with every
 * field in a fixed order (not by spreading defaults): messages are the hot
 * path and a single object shape keeps them cheap.
 */
export function newMessage(f: MessageFields): Message {
  const m: Message = {
    type: f.type,
    to: f.to,
    from: f.from,
    term: f.term ?? 0,
    logTerm: f.logTerm ?? 0,
    index: f.index ?? 0,
    entries: f.entries ?? NO_ENTRIES,
    commit: f.commit ?? 0,
    reject: f.reject ?? false,
    rejectHint: f.rejectHint ?? 0,
    rejectHintTerm: f.rejectHintTerm ?? 0,
    context: f.context ?? EMPTY_BYTES,
  };
  if (f.snapshot !== undefined) return { ...m, snapshot: f.snapshot };
  return m;
}

export function isCampaignTransfer(ctx: Uint8Array): boolean {
  if (ctx.length !== CAMPAIGN_TRANSFER.length) return false;
  for (let i = 0; i < ctx.length; i++) if (ctx[i] !== CAMPAIGN_TRANSFER[i]) return false;
  return true;
}

const isIndex = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

/** Returns a description of what is wrong with a message from the network, or null if it is well formed. */
export function malformation(m: unknown): string | null {
  if (typeof m !== 'object' || m === null) return 'not an object';
  const x = m as Record<string, unknown>;
  if (!NETWORK_MESSAGE_TYPES.has(x.type as MessageType) && x.type !== MessageType.Hup) return 'unknown type';
  for (const k of [
    'to',
    'from',
    'term',
    'logTerm',
    'index',
    'commit',
    'rejectHint',
    'rejectHintTerm',
  ] as const) {
    if (!isIndex(x[k])) return `bad ${k}`;
  }
  if (typeof x.reject !== 'boolean') return 'bad reject';
  if (!(x.context instanceof Uint8Array)) return 'bad context';
  if (!Array.isArray(x.entries)) return 'bad entries';
  const msg = m as Message;
  if (msg.entries.length > 0) {
    if (msg.type !== MessageType.App) return 'entries on a non-App message';
    const bad = badEntries(msg);
    if (bad) return bad;
  }
  if (msg.type === MessageType.Snap) return badSnapshot(msg);
  return null;
}

function badEntries(m: Message): string | null {
  let prevIndex = m.index;
  let prevTerm = m.logTerm;
  for (const e of m.entries as readonly unknown[]) {
    if (typeof e !== 'object' || e === null) return 'entry is not an object';
    const x = e as Record<string, unknown>;
    if (!isIndex(x.index) || !isIndex(x.term)) return 'bad entry index or term';
    if (x.type !== EntryType.Normal && x.type !== EntryType.ConfChange) return 'bad entry type';
    if (!(x.data instanceof Uint8Array)) return 'bad entry data';
    if (x.index !== prevIndex + 1) return 'entries not contiguous';
    if (x.term < prevTerm || x.term > m.term) return 'entry terms out of order';
    prevIndex = x.index;
    prevTerm = x.term;
  }
  return null;
}

function badSnapshot(m: Message): string | null {
  const s = m.snapshot as unknown;
  if (typeof s !== 'object' || s === null) return 'Snap without snapshot';
  const snap = s as { metadata?: unknown; data?: unknown };
  if (!(snap.data instanceof Uint8Array)) return 'bad snapshot data';
  const md = snap.metadata as Record<string, unknown> | undefined;
  if (typeof md !== 'object' || md === null) return 'bad snapshot metadata';
  if (!isIndex(md.index) || !isIndex(md.term) || (md.term as number) > m.term)
    return 'bad snapshot index or term';
  const cs = md.confState as Record<string, unknown> | undefined;
  if (typeof cs !== 'object' || cs === null) return 'bad snapshot conf state';
  for (const k of ['voters', 'learners', 'votersOutgoing', 'learnersNext'] as const) {
    const ids = cs[k];
    if (!Array.isArray(ids) || !ids.every((id) => isIndex(id) && id > 0))
      return `bad snapshot conf state ${k}`;
  }
  if (typeof cs.autoLeave !== 'boolean') return 'bad snapshot autoLeave';
  return null;
}
