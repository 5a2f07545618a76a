// The logger the broker agent writes to: the node's pino logger fits it
// (fields first, then the message), and so does a test's recorder.

export interface AgentLog {
  debug(fields: object, msg: string): void;
  info(fields: object, msg: string): void;
  warn(fields: object, msg: string): void;
  error(fields: object, msg: string): void;
}
