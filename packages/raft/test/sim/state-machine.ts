// The replicated state machine the simulation drives: it only remembers how
// far it has applied and the chain hash of everything applied, which is all
// the checkers need (see hash.ts). Client payloads carry a unique id so that
// an acknowledged write can be traced to the index it landed at.

import type { ConfState, Entry, Snapshot } from '../../src/index.js';
import { chainNext } from './hash.js';

export interface SmState {
  readonly index: number;
  readonly term: number;
  readonly chain: number;
}

export const SM_EMPTY: SmState = Object.freeze({ index: 0, term: 0, chain: 0 });

export class StateMachine {
  private state: SmState;

  constructor(from: SmState = SM_EMPTY) {
    this.state = from;
  }

  get index(): number {
    return this.state.index;
  }

  get chain(): number {
    return this.state.chain;
  }

  snapshotState(): SmState {
    return this.state;
  }

  /** Applies the next entry; a gap or a repeat is a driver bug, so it throws. */
  apply(e: Entry): SmState {
    if (e.index !== this.state.index + 1) {
      throw new Error(`state machine: applying ${e.index} after ${this.state.index}`);
    }
    this.state = { index: e.index, term: e.term, chain: chainNext(this.state.chain, e) };
    return this.state;
  }

  restore(s: SmState): void {
    this.state = s;
  }
}

/** Snapshot data: the state machine's state in 16 bytes. */
export function encodeSmState(s: SmState): Uint8Array {
  const out = new Uint8Array(16);
  const v = new DataView(out.buffer);
  v.setUint32(0, s.index);
  v.setUint32(4, s.term);
  v.setUint32(8, Math.floor(s.chain / 0x100000000));
  v.setUint32(12, s.chain % 0x100000000);
  return out;
}

export function decodeSmState(data: Uint8Array): SmState {
  if (data.byteLength === 0) return SM_EMPTY;
  if (data.byteLength !== 16) throw new Error(`state machine: snapshot data of ${data.byteLength} bytes`);
  const v = new DataView(data.buffer, data.byteOffset, data.byteLength);
  return {
    index: v.getUint32(0),
    term: v.getUint32(4),
    chain: v.getUint32(8) * 0x100000000 + v.getUint32(12),
  };
}

/** A client payload: a 4-byte id, then filler so entry sizes vary. */
export function encodePayload(id: number, fillerBytes: number): Uint8Array {
  const out = new Uint8Array(4 + fillerBytes);
  new DataView(out.buffer).setUint32(0, id);
  for (let i = 4; i < out.byteLength; i++) out[i] = (id + i) & 0xff;
  return out;
}

/** The client id of a payload, or 0 when the entry is not a client write (no-op, conf change). */
export function payloadId(e: Entry): number {
  if (e.type !== 0 || e.data.byteLength < 4) return 0;
  return new DataView(e.data.buffer, e.data.byteOffset, 4).getUint32(0);
}

/**
 * The group's founding state: a snapshot at index 1, term 1 holding the
 * first membership. Putting it in a snapshot (rather than in the log at
 * index 0) is what lets a node that joins later with an empty log learn the
 * founding members: the leader cannot send it index 1, so it sends this
 * snapshot. The state machine counts the bootstrap as applied entry 1.
 */
export function bootstrapSnapshot(confState: ConfState): Snapshot {
  const sm: SmState = { index: 1, term: 1, chain: 1 };
  return { metadata: { index: 1, term: 1, confState }, data: encodeSmState(sm) };
}
