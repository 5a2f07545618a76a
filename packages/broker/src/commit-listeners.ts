// Who waits for a replica's applied index to move: fan-out subscriptions
// (SubscribeToShard) that have delivered everything and wait for the next
// commit. The replica calls notify after each apply; a waiter is released
// once the applied index passes the one it waited beyond, or when the
// replica stops (with the error). Bounded: past `waitersMax`, wait refuses
// with LimitExceeded, so subscriptions cannot pile up on one replica.
import { RheoError } from '@rheo/wire';

interface Waiter {
  readonly beyond: number;
  readonly resolve: (applied: number) => void;
  readonly reject: (e: unknown) => void;
}

export const commitWaitersMax = 10_000;

export class CommitListeners {
  private waiters = new Set<Waiter>();
  private applied = 0;
  private failure: unknown = undefined;

  /** Resolves with the applied index once it is above `beyond` (at once if it already is). */
  wait(beyond: number, signal?: AbortSignal): Promise<number> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    if (this.applied > beyond) return Promise.resolve(this.applied);
    if (signal?.aborted === true) return Promise.reject(signal.reason);
    if (this.waiters.size >= commitWaitersMax)
      return Promise.reject(
        new RheoError('LimitExceeded', 'too many subscriptions wait on this shard replica'),
      );
    return new Promise<number>((resolve, reject) => {
      const w: Waiter = {
        beyond,
        resolve: (a) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(a);
        },
        reject: (e) => {
          signal?.removeEventListener('abort', onAbort);
          reject(e);
        },
      };
      const onAbort = (): void => {
        this.waiters.delete(w);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.add(w);
    });
  }

  /** The replica applied up to `applied`. */
  notify(applied: number): void {
    if (applied <= this.applied) return;
    this.applied = applied;
    if (this.waiters.size === 0) return;
    for (const w of this.waiters) {
      if (applied > w.beyond) {
        this.waiters.delete(w);
        w.resolve(applied);
      }
    }
  }

  /** The replica stopped: every waiter and every later wait fails with `e`. */
  close(e: unknown): void {
    this.failure = e;
    const all = this.waiters;
    this.waiters = new Set();
    for (const w of all) w.reject(e);
  }

  /** The applied index as last notified. */
  get current(): number {
    return this.applied;
  }

  get waiting(): number {
    return this.waiters.size;
  }
}
