// Proves the shared event-loop turn's contract: the turn's work runs before
// the flushes it asked for, both in one macrotask; a flush asked for outside
// any turn still waits for the next turn's work; work a flush schedules runs
// in the same turn; a throwing callback loses nobody else's; and a turn that
// keeps rescheduling itself hands the rest to the next turn instead of
// starving the event loop.

import { describe, expect, it } from 'vitest';
import { EventTurn } from '../src/event-turn.js';

/** A turn driven by hand: `deferred` holds what the EventTurn asked to run later. */
function manualTurn(): { turn: EventTurn; deferred: Array<() => void>; step: () => void } {
  const deferred: Array<() => void> = [];
  const turn = new EventTurn((fn) => deferred.push(fn));
  return { turn, deferred, step: () => deferred.shift()?.() };
}

describe('EventTurn', () => {
  it('runs the work, then the flushes it asked for, in one deferred callback', () => {
    const { turn, deferred, step } = manualTurn();
    const log: string[] = [];
    turn.afterWork(() => log.push('flush asked before the work'));
    turn.schedule(() => {
      log.push('pass A');
      turn.afterWork(() => log.push('flush by A'));
      turn.schedule(() => log.push('pass C, scheduled by A'));
    });
    turn.schedule(() => log.push('pass B'));
    expect(deferred).toHaveLength(1);
    step();
    expect(log).toEqual([
      'pass A',
      'pass B',
      'pass C, scheduled by A',
      'flush asked before the work',
      'flush by A',
    ]);
    expect(deferred).toHaveLength(0);
  });

  it('runs work a flush schedules in the same turn, then that work’s flushes', () => {
    const { turn, deferred, step } = manualTurn();
    const log: string[] = [];
    turn.afterWork(() => {
      log.push('flush 1');
      turn.schedule(() => {
        log.push('pass');
        turn.afterWork(() => log.push('flush 2'));
      });
    });
    step();
    expect(log).toEqual(['flush 1', 'pass', 'flush 2']);
    expect(deferred).toHaveLength(0);
  });

  it('throws the first failure after the turn, having run every other callback', () => {
    const { turn, deferred } = manualTurn();
    const ran: string[] = [];
    turn.schedule(() => {
      throw new Error('first');
    });
    turn.schedule(() => ran.push('pass'));
    turn.afterWork(() => {
      throw new Error('second');
    });
    turn.afterWork(() => ran.push('flush'));
    expect(() => deferred.shift()!()).toThrow('first');
    expect(ran).toEqual(['pass', 'flush']);
    // The turn is usable afterwards.
    turn.schedule(() => ran.push('later'));
    deferred.shift()!();
    expect(ran).toEqual(['pass', 'flush', 'later']);
  });

  it('hands endless rescheduling to the next turn', () => {
    const { turn, deferred, step } = manualTurn();
    let flushes = 0;
    const again = (): void => {
      flushes++;
      turn.afterWork(again);
    };
    turn.afterWork(again);
    step();
    expect(flushes).toBe(64);
    expect(deferred).toHaveLength(1);
    step();
    expect(flushes).toBe(128);
  });

  it('uses setImmediate by default: the work runs after the current macrotask', async () => {
    const turn = new EventTurn();
    const log: string[] = [];
    turn.schedule(() => log.push('pass'));
    turn.afterWork(() => log.push('flush'));
    log.push('sync');
    await new Promise<void>((r) => setImmediate(r));
    expect(log).toEqual(['sync', 'pass', 'flush']);
  });
});
