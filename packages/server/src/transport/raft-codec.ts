// Raft messages (@rheo/raft's Message) to and from the objects of the
// proto contract (rheo.v1.RaftMessage), exact both ways. Decoding treats the
// input as untrusted: a peer's bug or a corrupted frame produces a
// RaftCodecError naming the field, which the transport counts and drops;
// nothing a peer sends can throw past it or reach a Raft group half-checked.
//
// Entry data and contexts decode as Buffer views of the received frame (no
// copy); a Buffer is a Uint8Array, which is all the core asks for.
import {
  type ConfState,
  type Entry,
  type EntryType,
  type Message,
  MessageType,
  NETWORK_MESSAGE_TYPES,
  type Snapshot,
} from '@rheo/raft';
import type { pb } from '@rheo/wire';

export class RaftCodecError extends Error {
  override readonly name = 'RaftCodecError';
  readonly code = 'RHEO_RAFT_CODEC';
  constructor(
    /** The field at fault, as a path (`message.entries[2].term`). */
    readonly field: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(`${field}: ${message}`, options);
  }
}

const EMPTY = new Uint8Array(0);
const ENTRY_TYPE_BY_NAME: ReadonlyMap<string, EntryType> = new Map([
  ['RAFT_ENTRY_TYPE_NORMAL', 0],
  ['RAFT_ENTRY_TYPE_CONF_CHANGE', 1],
]);

/** `AppResp` → `RAFT_MESSAGE_TYPE_APP_RESP`: the proto enum names the core's types this way. */
export function protoMessageTypeName(name: string): string {
  return `RAFT_MESSAGE_TYPE_${name.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase()}`;
}

const MESSAGE_TYPE_BY_NAME: ReadonlyMap<string, MessageType> = new Map(
  Object.entries(MessageType).map(([name, value]) => [protoMessageTypeName(name), value]),
);

function encodeConfState(cs: ConfState): pb.RaftConfState {
  return {
    voters: cs.voters as number[],
    learners: cs.learners as number[],
    votersOutgoing: cs.votersOutgoing as number[],
    learnersNext: cs.learnersNext as number[],
    autoLeave: cs.autoLeave,
  };
}

function encodeSnapshot(s: Snapshot): pb.RaftSnapshot {
  const md = s.metadata;
  return {
    metadata: { index: md.index, term: md.term, confState: encodeConfState(md.confState) },
    data: s.data,
  };
}

function encodeEntry(e: Entry): pb.RaftEntry {
  return { term: e.term, index: e.index, type: e.type, data: e.data };
}

/** A core message as the proto object (enum fields by number, which the encoder accepts). */
export function encodeRaftMessage(m: Message): pb.RaftMessage {
  const out: pb.RaftMessage = {
    type: m.type,
    to: m.to,
    from: m.from,
    term: m.term,
    logTerm: m.logTerm,
    index: m.index,
    entries: m.entries.length === 0 ? [] : m.entries.map(encodeEntry),
    commit: m.commit,
    reject: m.reject,
    rejectHint: m.rejectHint,
    rejectHintTerm: m.rejectHintTerm,
    context: m.context,
  };
  if (m.snapshot !== undefined) out.snapshot = encodeSnapshot(m.snapshot);
  return out;
}

function uint(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new RaftCodecError(field, `expected an integer from 0 to 2^53-1, got ${String(value)}`);
  }
  return value;
}

function nodeId(value: unknown, field: string): number {
  const id = uint(value, field);
  if (id === 0) throw new RaftCodecError(field, 'expected a node id, got 0');
  return id;
}

function bytes(value: unknown, field: string): Uint8Array {
  if (!(value instanceof Uint8Array)) throw new RaftCodecError(field, 'expected bytes');
  return value.length === 0 ? EMPTY : value;
}

function nodeIds(value: unknown, field: string): number[] {
  if (!Array.isArray(value)) throw new RaftCodecError(field, 'expected a list of node ids');
  return value.map((v, i) => nodeId(v, `${field}[${i}]`));
}

function decodeConfState(cs: pb.RaftConfState__Output | null, field: string): ConfState {
  if (cs === null) throw new RaftCodecError(field, 'missing');
  if (typeof cs.autoLeave !== 'boolean') throw new RaftCodecError(`${field}.autoLeave`, 'expected a boolean');
  return {
    voters: nodeIds(cs.voters, `${field}.voters`),
    learners: nodeIds(cs.learners, `${field}.learners`),
    votersOutgoing: nodeIds(cs.votersOutgoing, `${field}.votersOutgoing`),
    learnersNext: nodeIds(cs.learnersNext, `${field}.learnersNext`),
    autoLeave: cs.autoLeave,
  };
}

function decodeSnapshot(s: pb.RaftSnapshot__Output, field: string): Snapshot {
  const md = s.metadata;
  if (md === null) throw new RaftCodecError(`${field}.metadata`, 'missing');
  return {
    metadata: {
      index: uint(md.index, `${field}.metadata.index`),
      term: uint(md.term, `${field}.metadata.term`),
      confState: decodeConfState(md.confState, `${field}.metadata.confState`),
    },
    data: bytes(s.data, `${field}.data`),
  };
}

function decodeEntry(e: pb.RaftEntry__Output, field: string): Entry {
  const type = ENTRY_TYPE_BY_NAME.get(e.type);
  if (type === undefined) throw new RaftCodecError(`${field}.type`, `unknown entry type ${String(e.type)}`);
  return {
    term: uint(e.term, `${field}.term`),
    index: uint(e.index, `${field}.index`),
    type,
    data: bytes(e.data, `${field}.data`),
  };
}

function decodeType(value: unknown, field: string): MessageType {
  const type = MESSAGE_TYPE_BY_NAME.get(value as string);
  if (type === undefined) throw new RaftCodecError(field, `unknown message type ${String(value)}`);
  // Local types (Hup, Beat, Prop, …) stepped from the network would let a peer drive this node's core.
  if (!NETWORK_MESSAGE_TYPES.has(type))
    throw new RaftCodecError(field, `${String(value)} is local to a node`);
  return type;
}

/** Decodes and checks a message a peer sent; throws RaftCodecError on anything malformed. */
export function decodeRaftMessage(m: pb.RaftMessage__Output | null, field = 'message'): Message {
  if (m === null || typeof m !== 'object') throw new RaftCodecError(field, 'missing');
  const type = decodeType(m.type, `${field}.type`);
  if (!Array.isArray(m.entries)) throw new RaftCodecError(`${field}.entries`, 'expected a list');
  if (typeof m.reject !== 'boolean') throw new RaftCodecError(`${field}.reject`, 'expected a boolean');
  const msg: {
    -readonly [K in keyof Message]: Message[K];
  } = {
    type,
    to: nodeId(m.to, `${field}.to`),
    from: nodeId(m.from, `${field}.from`),
    term: uint(m.term, `${field}.term`),
    logTerm: uint(m.logTerm, `${field}.logTerm`),
    index: uint(m.index, `${field}.index`),
    entries: m.entries.length === 0 ? [] : m.entries.map((e, i) => decodeEntry(e, `${field}.entries[${i}]`)),
    commit: uint(m.commit, `${field}.commit`),
    reject: m.reject,
    rejectHint: uint(m.rejectHint, `${field}.rejectHint`),
    rejectHintTerm: uint(m.rejectHintTerm, `${field}.rejectHintTerm`),
    context: bytes(m.context, `${field}.context`),
  };
  if (m.snapshot !== null && m.snapshot !== undefined)
    msg.snapshot = decodeSnapshot(m.snapshot, `${field}.snapshot`);
  else if (type === MessageType.Snap)
    throw new RaftCodecError(`${field}.snapshot`, 'a Snap message needs a snapshot');
  return msg;
}

/** A group id from the wire: 0 is proto3's unset value and never a group. */
export function decodeGroupId(value: unknown, field = 'groupId'): number {
  const id = uint(value, field);
  if (id === 0) throw new RaftCodecError(field, 'expected a group id, got 0');
  return id;
}
