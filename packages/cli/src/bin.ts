#!/usr/bin/env node
// The `rheo` executable. Usage errors exit 2, failures 1.
import { isRheoError } from '@rheo/client';
import { UsageError } from './bench/bench-options.js';
import { buildProgram } from './program.js';

const io = {
  out: (text: string) => process.stdout.write(text),
  err: (text: string) => process.stderr.write(text),
  env: process.env,
};

try {
  await buildProgram(io).parseAsync(process.argv);
  process.exitCode = 0;
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
// Channels and timers a failed run left behind must not keep the process alive.
process.exit(process.exitCode);
