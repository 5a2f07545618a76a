// The node's JSON log lines made readable (log_format: pretty): pino-pretty
// on one line per record, time of day, the node id as a prefix rather than
// a field. The server always writes JSON (docs/cluster.md, logger.ts); the
// CLI prettifies what it shows people.
import pinoPretty from 'pino-pretty';

export interface PrettyOptions {
  readonly colorize: boolean;
}

const baseOptions = {
  translateTime: 'HH:MM:ss.l',
  ignore: 'pid,hostname,node',
  singleLine: true,
} as const;

/** A function from one JSON log line to its pretty form; a line that is not JSON passes through. */
export function prettyLines(options: PrettyOptions): (line: string) => string {
  const pretty = pinoPretty.prettyFactory({ ...baseOptions, colorize: options.colorize });
  return (line) => {
    if (!line.startsWith('{')) return line;
    try {
      return pretty(line).replace(/\n$/, '');
    } catch {
      return line;
    }
  };
}

/** A pino destination that writes pretty lines to stdout (`rheo server --log-format pretty`). */
export function prettyDestination(options: PrettyOptions): pinoPretty.PrettyStream {
  return pinoPretty({ ...baseOptions, colorize: options.colorize, destination: 1 });
}
