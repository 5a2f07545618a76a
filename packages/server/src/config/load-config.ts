// loadConfig: merges the sources (flags > environment > file > defaults),
// validates the merged values once with the schema, and returns the checked
// configuration, deep-frozen. Every problem of every source is collected
// and thrown together in one ConfigError.
import type { z } from 'zod';
import { ConfigError } from './config-error.js';
import { deepFreeze } from './deep-freeze.js';
import {
  type ConfigKey,
  configDefaults,
  configKeys,
  type NodeConfig,
  nodeConfigSchema,
  secretKeys,
} from './schema.js';
import { envName, flagName, readEnv, readFile, readFlags, type SourcedValue } from './sources.js';
import { parseStreamsText } from './streams-field.js';

export interface LoadConfigOptions {
  /** Flags, without the program and command (`['--node-id', '1']`). `--config <path>` names the file. */
  readonly argv?: readonly string[];
  /** The environment (RHEO_<KEY>; RHEO_CONFIG names the file). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Path of the YAML file; overridden by --config and RHEO_CONFIG (in that order). */
  readonly file?: string;
}

const SHOWN_CHARS_MAX = 80;
const DEFAULT_SOURCE = 'default';

/** Reads, merges and validates the configuration; throws ConfigError listing every problem. */
export function loadConfig(options: LoadConfigOptions): NodeConfig {
  const flags = readFlags(options.argv ?? []);
  const env = readEnv(options.env);
  const filePath = flags.file ?? env.file ?? options.file;
  const file = filePath === undefined ? undefined : readFile(filePath);
  const problems = [...flags.problems, ...env.problems, ...(file?.problems ?? [])];

  const merged = new Map<ConfigKey, SourcedValue>();
  for (const key of configKeys) {
    const chosen = flags.values.get(key) ?? env.values.get(key) ?? file?.values.get(key);
    if (chosen !== undefined) merged.set(key, chosen);
    else if (key in configDefaults) merged.set(key, { value: configDefaults[key], source: DEFAULT_SOURCE });
    else
      problems.push(
        `${key}: required, not set (use ${flagName(key)}, ${envName(key)} or ${key} in the config file)`,
      );
  }

  const input = Object.fromEntries([...merged].map(([k, v]) => [k, v.value]));
  const result = nodeConfigSchema.safeParse(input);
  if (!result.success) {
    const missing = new Set(configKeys.filter((k) => !merged.has(k)));
    // Checks across fields ran on values that may have failed their own checks: report them only when those passed.
    const fieldIssues = result.error.issues.filter((i) => !(i.code === 'custom' && i.params?.cross === true));
    const shown = fieldIssues.length > 0 ? fieldIssues : result.error.issues;
    for (const issue of shown) {
      if (!missing.has(issue.path[0] as ConfigKey)) problems.push(describeIssue(issue, merged));
    }
  }
  if (problems.length > 0 || !result.success) throw new ConfigError(problems);
  return deepFreeze(result.data);
}

/** `key[i]: expected …, got "…" (from source)`, or for a cross-field check `key: message (from source)`. */
function describeIssue(issue: z.core.$ZodIssue, merged: Map<ConfigKey, SourcedValue>): string {
  const [head, ...rest] = issue.path;
  const key = head as ConfigKey;
  const sourced = merged.get(key);
  const where = `${key}${rest.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}`;
  const from = sourced === undefined ? '' : ` (from ${sourced.source})`;
  if (issue.code === 'custom' && issue.params?.cross === true) return `${where}: ${issue.message}${from}`;
  const got = valueAt(key === 'streams' ? streamsValue(sourced?.value) : sourced?.value, rest);
  return `${where}: expected ${issue.message}, got ${show(got, secretKeys.has(key))}${from}`;
}

/** The streams' text form (flags, environment) read as the schema reads it, so issues can point into it. */
function streamsValue(value: unknown): unknown {
  return typeof value === 'string' ? parseStreamsText(value) : value;
}

/** The element a list issue points at; a comma-separated string is split as the schema splits it. */
function valueAt(value: unknown, rest: readonly PropertyKey[]): unknown {
  let v = value;
  for (const p of rest) {
    // A named member of an object (streams[0].shards), rather than an index into a peer map.
    if (typeof p === 'string' && v !== null && typeof v === 'object' && !Array.isArray(v) && p in v) {
      v = (v as Record<string, unknown>)[p];
      continue;
    }
    if (typeof v === 'string')
      v = v
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
    if (Array.isArray(v)) v = v[Number(p)];
    else if (v !== null && typeof v === 'object') v = Object.entries(v)[Number(p)]?.join('@');
    else return v;
  }
  return v;
}

function show(value: unknown, secret: boolean): string {
  if (secret)
    return typeof value === 'string' ? `a hidden value of ${value.length} characters` : typeof value;
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > SHOWN_CHARS_MAX ? `${text.slice(0, SHOWN_CHARS_MAX)}…` : text;
}
