#!/usr/bin/env node
// The node process: `node packages/server/dist/main.js --config rheo.yaml`
// (flags, RHEO_* environment and the file as in docs/configuration.md).
// Prints one ready line on stdout once serving; stops gracefully on SIGTERM
// or SIGINT (a second one gives up waiting). See docs/operations.md.
import { runNode } from './node/run-node.js';

// A rejected promise nobody awaited is a bug to find, not a reason to take
// down every shard of the node (Node's default): report it and keep serving.
process.on('unhandledRejection', (reason) => {
  process.stderr.write(
    `${JSON.stringify({ level: 50, time: Date.now(), msg: 'unhandled rejection', err: String((reason as Error)?.stack ?? reason) })}\n`,
  );
});

const code = await runNode(process.argv.slice(2), process.env);
// Handles that outlive the node (a client's half-closed socket) must not keep the process alive.
process.exit(code);
