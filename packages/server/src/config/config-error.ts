// The one error loadConfig throws: every problem found, each naming the key,
// what was expected, what it got and the source it came from, so an operator
// fixes them all in one go.

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly code = 'RHEO_CONFIG_INVALID';

  constructor(
    /** One line per problem, as `key: expected …, got … (from source)`. */
    readonly problems: readonly string[],
    options?: ErrorOptions,
  ) {
    super(
      `invalid configuration (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n  ${problems.join('\n  ')}`,
      options,
    );
  }
}

export function isConfigError(err: unknown): err is ConfigError {
  return err instanceof ConfigError;
}
