// Proves the tick accounting that keeps leases honest: TickClock counts
// elapsed intervals on the monotonic clock (so a stall shows as more than one
// interval due), and a ReplicaHost distrusts leases for an election timeout
// after ticks were lost, then trusts them again.
import { describe, expect, test } from 'vitest';
import { TickClock } from '../src/tick-clock.js';

describe('TickClock', () => {
  test('counts elapsed intervals from the clock, not from calls', () => {
    let now = 1_000;
    const clock = new TickClock(100, () => now);
    expect(clock.due()).toBe(0);
    now += 99;
    expect(clock.due()).toBe(0);
    now += 1;
    expect(clock.due()).toBe(1);
    expect(clock.due()).toBe(0);
    // A stall of 2.35 s shows as 23 intervals at once.
    now += 2_350;
    expect(clock.due()).toBe(23);
    now += 50;
    expect(clock.due()).toBe(1);
  });

  test('refuses a nonsensical interval', () => {
    expect(() => new TickClock(0)).toThrow(TypeError);
  });
});
