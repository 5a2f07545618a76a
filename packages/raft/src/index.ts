export * from './node-api.js';
export * from './types.js';
