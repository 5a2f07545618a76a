#!/usr/bin/env node
// The `rheo` executable. Usage errors exit 2; failures print their reason
// and message (no stack for a RheoError, which is an expected condition) and
// exit 1. A command that sets process.exitCode (server, dev) keeps it.
import { isRheoError } from '@rheo/client';
import { buildProgram } from './program.js';
import { UsageError } from './usage-error.js';

const io = {
  out: (text: string) => process.stdout.write(text),
  err: (text: string) => process.stderr.write(text),
  env: process.env,
};

try {
  await buildProgram(io).parseAsync(process.argv);
} catch (err) {
  if (err instanceof UsageError) {
    io.err(`rheo: ${err.message}\n`);
    process.exitCode = 2;
  } else {
    const message = isRheoError(err)
      ? `${err.code}: ${err.message}`
      : err instanceof Error
        ? (err.stack ?? err.message)
        : String(err);
    io.err(`rheo: ${message}\n`);
    process.exitCode = 1;
  }
}
// Channels and timers a finished command left behind must not keep the process alive;
// stdout is drained first, so a piped `rheo tail --limit` prints every line.
process.stdout.write('', () => process.exit(process.exitCode ?? 0));
