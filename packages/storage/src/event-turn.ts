// One shared turn of the event loop for the work a Raft message or a
// proposal sets off on a node: the group drivers' passes, then the Raft
// transport's flush and the group-commit writer's next write.
//
// Each of those used to take its own setImmediate. A driver's pass runs in
// the check phase, and a setImmediate made from the check phase waits for
// the next loop iteration, behind the timers and every I/O callback of the
// poll phase. So a leader's appends left one whole iteration after its pass,
// and a follower's write started one iteration after it took the append.
// Here the passes run first and the flushes they asked for run right after
// them, in the same macrotask: the appends leave, and the write is
// submitted, at the end of the pass's own turn. Batching is unchanged:
// everything the turn's passes produced still goes in one flush per peer and
// one write.
//
// Process-wide, like the event loop it stands for: nodes sharing a process
// (tests) share it.

/** Rounds of work and flushes in one turn before the rest is left to the next (no starved event loop). */
const roundsPerTurnMax = 64;

export class EventTurn {
  private work: Array<() => void> = [];
  private after: Array<() => void> = [];
  private armed = false;
  private running = false;

  constructor(private readonly defer: (fn: () => void) => void = setImmediate) {}

  /** Runs `fn` in the next turn, with the other work scheduled for it. */
  schedule(fn: () => void): void {
    this.work.push(fn);
    this.arm();
  }

  /**
   * Runs `fn` after the work of the current turn (when called from it) or of
   * the next one, in the same macrotask. For flushes: they then carry what
   * that turn's work produced.
   */
  afterWork(fn: () => void): void {
    this.after.push(fn);
    this.arm();
  }

  private arm(): void {
    if (this.armed || this.running) return;
    this.armed = true;
    this.defer(() => this.run());
  }

  private run(): void {
    this.armed = false;
    this.running = true;
    let failure: { error: unknown } | undefined;
    const call = (fn: () => void): void => {
      try {
        fn();
      } catch (error) {
        // Thrown on after the turn, as an uncaught setImmediate callback
        // would be; meanwhile the rest of the turn's callbacks still run.
        failure ??= { error };
      }
    };
    try {
      for (let round = 0; round < roundsPerTurnMax; round++) {
        while (this.work.length > 0) {
          const work = this.work;
          this.work = [];
          for (const fn of work) call(fn);
        }
        if (this.after.length === 0) break;
        const after = this.after;
        this.after = [];
        for (const fn of after) call(fn);
      }
    } finally {
      this.running = false;
    }
    if (this.work.length > 0 || this.after.length > 0) this.arm();
    if (failure !== undefined) throw failure.error;
  }
}

/** The process's turn (see the file comment). */
export const eventTurn = new EventTurn();
