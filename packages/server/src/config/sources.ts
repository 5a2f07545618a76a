// Reads the raw configuration values of each source, remembering where each
// came from so that an error can name it. Nothing is validated here beyond
// the shape of the sources themselves (unknown keys, a flag without a
// value, a file that is not YAML): values are checked once, by the schema.
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { type ConfigKey, configKeys } from './schema.js';

/** A value and the source it came from, as shown in messages (`RHEO_NODE_ID`, `--node-id`, `file x.yaml`). */
export interface SourcedValue {
  readonly value: unknown;
  readonly source: string;
}

export interface SourceValues {
  readonly values: Map<ConfigKey, SourcedValue>;
  readonly problems: string[];
}

/** The flag and environment variable that name the config file. */
export const configFileFlag = '--config';
export const configFileEnv = 'RHEO_CONFIG';
export const envPrefix = 'RHEO_';

const keySet: ReadonlySet<string> = new Set(configKeys);

export function envName(key: ConfigKey): string {
  return `${envPrefix}${key.toUpperCase()}`;
}

export function flagName(key: ConfigKey): string {
  return `--${key.replaceAll('_', '-')}`;
}

/** The closest key, for "did you mean" (edit distance at most 2, after folding - to _ and case). */
function suggest(name: string, spell: (key: ConfigKey) => string = (k) => k): string {
  const folded = name.toLowerCase().replaceAll('-', '_');
  let best: ConfigKey | undefined;
  let bestDistance = 3;
  for (const key of configKeys) {
    const d = editDistance(folded, key);
    if (d < bestDistance) [best, bestDistance] = [key, d];
  }
  return best === undefined ? '' : ` (did you mean ${spell(best)}?)`;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/** Flags: `--node-id 3` or `--node-id=3`; `--config <path>` names the file. */
export function readFlags(argv: readonly string[]): SourceValues & { file?: string } {
  const values = new Map<ConfigKey, SourcedValue>();
  const problems: string[] = [];
  let file: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      problems.push(`unexpected argument "${arg}" (flags look like --node-id 1)`);
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = eq === -1 ? arg : arg.slice(0, eq);
    let value: string | undefined = eq === -1 ? undefined : arg.slice(eq + 1);
    if (value === undefined && i + 1 < argv.length && !argv[i + 1]!.startsWith('--')) value = argv[++i];
    const key = flag.slice(2).replaceAll('-', '_');
    if (flag === configFileFlag) {
      if (value === undefined) problems.push(`${configFileFlag}: expected a file path`);
      else file = value;
    } else if (!keySet.has(key) || flag !== flagName(key as ConfigKey)) {
      problems.push(`${flag}: unknown flag${suggest(flag.slice(2), flagName)}`);
    } else if (value === undefined) {
      problems.push(`${flag}: expected a value`);
    } else {
      values.set(key as ConfigKey, { value, source: flag });
    }
  }
  return file === undefined ? { values, problems } : { values, problems, file };
}

/**
 * Environment: RHEO_<KEY>. Other RHEO_ variables are left alone, since the
 * same environment also configures tracing (RHEO_TRACE), the proto
 * directory and the CLI.
 */
export function readEnv(env: Readonly<Record<string, string | undefined>>): SourceValues & { file?: string } {
  const values = new Map<ConfigKey, SourcedValue>();
  for (const key of configKeys) {
    const value = env[envName(key)];
    if (value !== undefined) values.set(key, { value, source: envName(key) });
  }
  const file = env[configFileEnv];
  return file === undefined || file === '' ? { values, problems: [] } : { values, problems: [], file };
}

/** The YAML file: a mapping of snake_case keys; unknown keys are refused. */
export function readFile(path: string): SourceValues {
  const values = new Map<ConfigKey, SourcedValue>();
  const problems: string[] = [];
  const source = `file ${path}`;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    return { values, problems: [`config file ${path}: cannot be read (${(err as Error).message})`] };
  }
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (err) {
    const first = (err as Error).message.split('\n')[0];
    return { values, problems: [`config file ${path}: not valid YAML: ${first}`] };
  }
  if (doc === null || doc === undefined) return { values, problems };
  if (typeof doc !== 'object' || Array.isArray(doc)) {
    return { values, problems: [`config file ${path}: expected a mapping of keys to values`] };
  }
  for (const [key, value] of Object.entries(doc)) {
    if (keySet.has(key)) values.set(key as ConfigKey, { value, source });
    else problems.push(`${key}: unknown key${suggest(key)} (from ${source})`);
  }
  return { values, problems };
}
