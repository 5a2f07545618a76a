// A command line the user got wrong (a bad flag value, flags that conflict):
// printed without a stack, exit code 2.
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
