export * from './errors.js';
export { EMPTY_CONF_STATE, MemoryStorage } from './memory-storage.js';
export * from './node-api.js';
export * from './types.js';
