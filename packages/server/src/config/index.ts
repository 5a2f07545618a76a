export { ConfigError, isConfigError } from './config-error.js';
export type { HostPort, NodeAddress } from './fields.js';
export { type LoadConfigOptions, loadConfig } from './load-config.js';
export {
  type ConfigKey,
  clusterSecretCharsMin,
  configDefaults,
  configKeys,
  type LogFormat,
  type LogLevel,
  logFormats,
  logLevels,
  type NodeConfig,
  type NodeRole,
  nodeConfigSchema,
  nodeRoles,
} from './schema.js';
export { configFileEnv, configFileFlag, envName, flagName } from './sources.js';
export {
  parseStreamsText,
  type StaticStreamConfig,
  staticStreamReplicasMax,
  staticStreamShardsMax,
} from './streams-field.js';
