// The event trace of a run. Every event folds into a running hash, so that
// two runs of one seed can be compared cheaply (determinism test); with
// `verbose` each event is also printed, which is how a failing seed is
// debugged after replaying it.

import { Hash53 } from './hash.js';

/** Bound on trace lines kept in memory for the failure report. */
const TAIL_LINES_MAX = 60;

export class Trace {
  private hash = new Hash53(1);
  private tail: string[] = [];
  events = 0;

  constructor(
    private readonly verbose: boolean,
    private readonly print: (line: string) => void = (l) => console.log(l),
  ) {}

  /** Records an event; `detail` is only built into a string when someone will read it. */
  event(tick: number, node: number, kind: string, detail: () => string = () => ''): void {
    this.events++;
    this.hash.mix(tick).mix(node);
    for (let i = 0; i < kind.length; i++) this.hash.mix(kind.charCodeAt(i));
    if (this.verbose) {
      const line = `[${String(tick).padStart(5)}] n${node} ${kind} ${detail()}`;
      this.print(line);
      this.tail.push(line);
      if (this.tail.length > TAIL_LINES_MAX) this.tail.shift();
    }
  }

  /** Folds a number into the hash without an event (message contents, indexes). */
  mix(n: number): void {
    this.hash.mix(n);
  }

  digest(): number {
    return this.hash.value();
  }

  lastLines(): readonly string[] {
    return this.tail;
  }
}
