// What every client command shares: where the cluster is (--endpoint,
// RHEO_ENDPOINTS, else the `rheo dev` cluster's three nodes), the --json
// switch, TLS (--tls-ca, --tls-cert, --tls-key or RHEO_TLS_*), number flags
// checked once, and a client that is closed whatever happens.
import { readFileSync } from 'node:fs';
import { type ClientTlsOptions, isRheoError, parseEndpoints, RheoClient, RheoError } from '@rheo/client';
import { type Command, Option } from 'commander';
import { UsageError } from '../usage-error.js';

/** Seed endpoints from the environment (a comma list), when --endpoint is not given. */
export const endpointsEnv = 'RHEO_ENDPOINTS';
/** The older, singular name `rheo bench` read first; still honoured after RHEO_ENDPOINTS. */
export const endpointEnvOld = 'RHEO_ENDPOINT';
/** The `rheo dev` cluster's nodes (and so `npm start`'s): the default, so local commands need no flags. */
export const devEndpoints: readonly string[] = Object.freeze([
  '127.0.0.1:7701',
  '127.0.0.1:7702',
  '127.0.0.1:7703',
]);

/** I/O of the program, injected so tests capture output and feed stdin. */
export interface ProgramIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
  /** Lines for `put` without data arguments; process.stdin when left out. */
  readonly stdin?: AsyncIterable<string | Buffer>;
  /** Calls `stop` on Ctrl-C (SIGINT) or SIGTERM; returns the unsubscribe. process signals when left out. */
  readonly onInterrupt?: (stop: () => void) => () => void;
}

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

export function endpointOption(): Option {
  return new Option(
    '--endpoint <host:port>',
    `a node to reach (repeatable or a comma list; env ${endpointsEnv}; default the rheo dev cluster, ${devEndpoints.join(',')})`,
  ).argParser(collect);
}

/** Adds --endpoint, the TLS flags and --json to a client command. */
export function clientCommand(command: Command): Command {
  return command
    .addOption(endpointOption())
    .addOption(new Option('--tls-ca <file>', `PEM CA bundle: reach the cluster over TLS (env ${tlsEnv.ca})`))
    .addOption(new Option('--tls-cert <file>', `PEM client certificate, with --tls-key (env ${tlsEnv.cert})`))
    .addOption(new Option('--tls-key <file>', `PEM client key, with --tls-cert (env ${tlsEnv.key})`))
    .option('--json', 'print JSON for scripts instead of a table');
}

/** Environment variables for the TLS flags. */
export const tlsEnv = Object.freeze({ ca: 'RHEO_TLS_CA', cert: 'RHEO_TLS_CERT', key: 'RHEO_TLS_KEY' });

/** The flags every client command has. */
export interface ClientFlags {
  readonly endpoint?: readonly string[] | undefined;
  readonly tlsCa?: string | undefined;
  readonly tlsCert?: string | undefined;
  readonly tlsKey?: string | undefined;
}

/** Where a client command connects and how. */
export interface ClientTarget {
  readonly endpoints: readonly string[];
  /** TLS when --tls-ca, --tls-cert or their environment variables are given; plaintext otherwise. */
  readonly tls?: ClientTlsOptions;
}

/** Endpoints (resolveEndpoints) and TLS from the flags, else the environment. */
export function clientTarget(flags: ClientFlags, env: NodeJS.ProcessEnv): ClientTarget {
  const endpoints = resolveEndpoints(flags.endpoint, env);
  const pick = (flag: string | undefined, name: string) => flag ?? (env[name]?.trim() || undefined);
  const ca = pick(flags.tlsCa, tlsEnv.ca);
  const cert = pick(flags.tlsCert, tlsEnv.cert);
  const key = pick(flags.tlsKey, tlsEnv.key);
  if ((cert === undefined) !== (key === undefined))
    throw new UsageError('--tls-cert and --tls-key go together (a client certificate and its key)');
  if (ca === undefined && cert === undefined) return { endpoints };
  const read = (flag: string, path: string): Buffer => {
    try {
      return readFileSync(path);
    } catch (err) {
      throw new UsageError(
        `--${flag}: cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
      );
    }
  };
  return {
    endpoints,
    tls: {
      ...(ca === undefined ? {} : { ca: read('tls-ca', ca) }),
      ...(cert === undefined || key === undefined
        ? {}
        : { cert: read('tls-cert', cert), key: read('tls-key', key) }),
    },
  };
}

/** --endpoint values, else RHEO_ENDPOINTS (or RHEO_ENDPOINT), else the dev cluster. */
export function resolveEndpoints(flag: readonly string[] | undefined, env: NodeJS.ProcessEnv): string[] {
  const fromEnv = env[endpointsEnv] ?? env[endpointEnvOld];
  const given = flag ?? (fromEnv === undefined || fromEnv.trim() === '' ? [...devEndpoints] : [fromEnv]);
  try {
    return parseEndpoints(given);
  } catch (err) {
    throw new UsageError(`--endpoint: ${(err as Error).message}`);
  }
}

export function intFlag(
  flag: string,
  text: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(`--${flag} must be an integer from ${min} to ${max}, got "${text}"`);
  }
  return value;
}

/** The CLI's client: retries within 5 s (a few elections' worth), not the SDK's 30 s, so a stopped cluster is reported soon. */
export async function withClient<T>(
  target: ClientTarget | readonly string[],
  use: (client: RheoClient) => Promise<T>,
): Promise<T> {
  const { endpoints, tls } = isTarget(target) ? target : { endpoints: target, tls: undefined };
  const client = new RheoClient({
    endpoints: [...endpoints],
    retry: { totalMs: 5_000 },
    ...(tls === undefined ? {} : { tls }),
  });
  try {
    return await use(client);
  } catch (err) {
    throw withHint(err, endpoints);
  } finally {
    client.close();
  }
}

function isTarget(t: ClientTarget | readonly string[]): t is ClientTarget {
  return !Array.isArray(t);
}

/** Nothing answers at the default endpoints: say how to start the dev cluster. */
function withHint(err: unknown, endpoints: readonly string[]): unknown {
  const isDefault = endpoints.join(',') === devEndpoints.join(',');
  if (
    !isDefault ||
    !isRheoError(err, 'Unavailable') ||
    !/No connection established|ECONNREFUSED/.test(err.message)
  )
    return err;
  return new RheoError(
    'Unavailable',
    `no node answers at ${endpoints.join(', ')} (the rheo dev cluster): start it with \`npm start\` ` +
      `or \`npx rheo dev\`, or point --endpoint / ${endpointsEnv} at your cluster (${err.message.replace(/\.? Resolution note:.*$/s, '')})`,
    { cause: err },
  );
}

/** Calls `stop` on SIGINT or SIGTERM of this process; returns the unsubscribe. */
export function processInterrupt(stop: () => void): () => void {
  const handler = () => stop();
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}
