// Test helper: asserts that a call throws a RheoError with a given code (and
// a message matching a pattern), and returns the error for further checks.
import { expect } from 'vitest';
import { type Reason, RheoError } from '../src/errors.js';

export function expectRheoError(fn: () => unknown, code: Reason, message?: RegExp): RheoError {
  let thrown: unknown;
  try {
    fn();
  } catch (err) {
    thrown = err;
  }
  expect(thrown, 'expected a RheoError').toBeInstanceOf(RheoError);
  const err = thrown as RheoError;
  expect(err.code, err.message).toBe(code);
  if (message) expect(err.message).toMatch(message);
  return err;
}
