export { decodeConfChange, encodeConfChange } from './conf-change-codec.js';
export * from './errors.js';
export { EMPTY_CONF_STATE, MemoryStorage } from './memory-storage.js';
export { type MessageFields, newMessage } from './messages.js';
export * from './node-api.js';
export { RawNode } from './raw-node.js';
export * from './types.js';
