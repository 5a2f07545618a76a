// The Raft core logs without knowing which group it is: every shard group
// on a node shares the host's logger, so each replica gives its core this
// wrapper, and every line names its group. (The core puts the term in the
// lines where it matters: elections, step-downs, repairs.)
import type { RaftLogger } from '@rheo/raft';

export function groupRaftLogger(logger: RaftLogger, group: number): RaftLogger {
  const withGroup = (fields?: Record<string, unknown>) => ({ group, ...fields });
  return {
    debug: (msg, fields) => logger.debug(msg, withGroup(fields)),
    info: (msg, fields) => logger.info(msg, withGroup(fields)),
    warn: (msg, fields) => logger.warn(msg, withGroup(fields)),
    error: (msg, fields) => logger.error(msg, withGroup(fields)),
  };
}
