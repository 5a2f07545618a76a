export {
  createLogger,
  groupLogger,
  type Logger,
  type LoggerOptions,
  type NodeLogger,
  raftLogger,
  type Tracer,
} from './logger.js';
export {
  isTraceEnabled,
  parseTraceSelection,
  type TraceSelection,
  traceEnv,
  tracerNames,
} from './tracers.js';
