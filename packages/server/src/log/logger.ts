// The node's structured logger (pino): JSON lines, leveled, with the node id
// in every line, child loggers that add a Raft group and term, and tracers
// (see tracers.ts). The server always writes JSON; `log_format: pretty` is
// honoured by whoever starts it (the CLI pipes lines through pino-pretty,
// or passes a prettifying stream as `destination`), so the server itself
// does not depend on a prettifier.
import type { RaftLogger } from '@rheo/raft';
import { type DestinationStream, type Logger, pino } from 'pino';
import { isTraceEnabled, parseTraceSelection, type TraceSelection, traceEnv } from './tracers.js';

export type { Logger } from 'pino';

export interface LoggerOptions {
  readonly nodeId: number;
  /** pino level; `silent` turns logging off. */
  readonly level: string;
  /** Where lines go; stdout (fd 1) when left out. */
  readonly destination?: DestinationStream;
  /** RHEO_TRACE's value; process.env's when left out. */
  readonly trace?: string;
}

/** A node logger: `{"level":30,"time":…,"node":1,"msg":…}`; tracers come from `tracer()`. */
export interface NodeLogger {
  readonly log: Logger;
  /** A tracer by name: `enabled` is fixed at creation, so checking it is one property read. */
  tracer(name: string): Tracer;
}

export interface Tracer {
  readonly enabled: boolean;
  /** Writes one trace line (at level trace, whatever the logger's level). Guard calls with `enabled`. */
  log(msg: string, fields?: Record<string, unknown>): void;
}

const DISABLED: Tracer = Object.freeze({ enabled: false, log: () => {} });

export function createLogger(options: LoggerOptions): NodeLogger {
  const log = pino(
    {
      level: options.level,
      base: { node: options.nodeId },
      timestamp: pino.stdTimeFunctions.epochTime,
    },
    options.destination ?? pino.destination({ fd: 1, sync: false }),
  );
  const selection: TraceSelection = parseTraceSelection(options.trace ?? process.env[traceEnv]);
  const tracers = new Map<string, Tracer>();
  return {
    log,
    tracer(name) {
      let t = tracers.get(name);
      if (t === undefined) {
        t = isTraceEnabled(selection, name) ? enabledTracer(log, name) : DISABLED;
        tracers.set(name, t);
      }
      return t;
    },
  };
}

function enabledTracer(log: Logger, name: string): Tracer {
  // The child's own level lets trace lines through even when the node logs at info.
  const child = log.child({ tracer: name }, { level: 'trace' });
  return { enabled: true, log: (msg, fields) => child.trace(fields ?? {}, msg) };
}

/** A child logger for one Raft group (and term, when known): every line names them. */
export function groupLogger(log: Logger, groupId: number, term?: number): Logger {
  return log.child(term === undefined ? { group: groupId } : { group: groupId, term });
}

/** The Raft core's logger interface over a pino logger. */
export function raftLogger(log: Logger): RaftLogger {
  return {
    debug: (msg, fields) => log.debug(fields ?? {}, msg),
    info: (msg, fields) => log.info(fields ?? {}, msg),
    warn: (msg, fields) => log.warn(fields ?? {}, msg),
    error: (msg, fields) => log.error(fields ?? {}, msg),
  };
}
