// Deliberately broken cores, made by wrapping the real one, to prove that
// the checkers catch real protocol bugs in full runs (not only fabricated
// histories): a core whose voters grant every vote, and a core that does
// not ask for an fsync when only its vote changed.

import type { RaftNodeApi, Ready } from '../../src/index.js';
import { MessageType } from '../../src/index.js';
import type { CoreAdapter } from './context.js';

export type CoreBug = 'grant-every-vote' | 'vote-without-sync';

function rewrite(rd: Ready, bug: CoreBug): Ready {
  if (bug === 'grant-every-vote') {
    return {
      ...rd,
      messages: rd.messages.map((m) =>
        m.type === MessageType.VoteResp && m.reject ? { ...m, reject: false } : m,
      ),
    };
  }
  return rd.entries.length === 0 && !rd.snapshot ? { ...rd, mustSync: false } : rd;
}

/** The real core with `bug` injected between it and the driver. */
export function brokenCore(real: CoreAdapter, bug: CoreBug): CoreAdapter {
  return {
    decodeConfChange: real.decodeConfChange,
    createNode(config): RaftNodeApi {
      const node = real.createNode(config);
      // advance() must get back the Ready the core handed out, not our copy.
      const originals = new WeakMap<Ready, Ready>();
      return new Proxy(node, {
        get(target, prop, receiver) {
          if (prop === 'ready') {
            return () => {
              const rd = target.ready();
              const out = rewrite(rd, bug);
              originals.set(out, rd);
              return out;
            };
          }
          if (prop === 'advance') return (rd: Ready) => target.advance(originals.get(rd) ?? rd);
          const v = Reflect.get(target, prop, receiver);
          return typeof v === 'function' ? v.bind(target) : v;
        },
      });
    },
  };
}
