// The progress line while a bench runs: one line on stderr, rewritten in
// place on a terminal, and a plain line every few seconds otherwise (logs,
// CI), so stdout stays clean for the result and --json.
export interface ProgressSource {
  readonly label: string;
  /** The current counters, as a short text. */
  read(): string;
}

export class ProgressLine {
  private readonly timer: NodeJS.Timeout;
  private readonly started = performance.now();
  private lastPrinted = 0;

  constructor(
    private readonly source: ProgressSource,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.timer = setInterval(() => this.tick(), 500);
    this.timer.unref();
  }

  private tick(): void {
    const elapsedS = ((performance.now() - this.started) / 1000).toFixed(1);
    const text = `${this.source.label} ${elapsedS}s ${this.source.read()}`;
    if (this.stream.isTTY) {
      this.stream.write(`\r\u001b[2K${text}`);
    } else if (performance.now() - this.lastPrinted >= 5_000) {
      this.lastPrinted = performance.now();
      this.stream.write(`${text}\n`);
    }
  }

  stop(): void {
    clearInterval(this.timer);
    if (this.stream.isTTY) this.stream.write('\r\u001b[2K');
  }
}
