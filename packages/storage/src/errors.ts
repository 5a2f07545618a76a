// Typed errors of the storage package. Each has a fixed `name` (it survives
// crossing module copies) and a stable `code` the server maps to its error
// table. Programmer errors are assertions (assert.ts), not these.

export type StorageErrorCode =
  | 'storage-corrupt'
  | 'storage-closed'
  | 'storage-write-failed'
  | 'storage-group-unknown'
  | 'storage-group-deleting'
  | 'storage-format';

export class StorageError extends Error {
  override readonly name: string = 'StorageError';
  readonly code: StorageErrorCode;
  constructor(code: StorageErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/**
 * A stored value failed its CRC-32C (or could not be decoded). The value is
 * never served; the group it belongs to is marked for repair.
 */
export class CorruptDataError extends StorageError {
  override readonly name = 'CorruptDataError' as const;
  /** The LevelDB key of the damaged value, as hex (keys are binary). */
  readonly keyHex: string;
  /** The Raft group the key belongs to, when it belongs to one. */
  readonly group: string | undefined;
  /** The log index, when the damaged value is a log entry. */
  readonly index: number | undefined;
  constructor(key: Uint8Array, detail: string, where?: { group?: string; index?: number }) {
    super('storage-corrupt', `corrupt value at key ${toHex(key)}: ${detail}`);
    this.keyHex = toHex(key);
    this.group = where?.group;
    this.index = where?.index;
  }
}

/** The store (or the writer) was closed; nothing more is accepted. */
export class StorageClosedError extends StorageError {
  override readonly name = 'StorageClosedError' as const;
  constructor(message = 'storage is closed') {
    super('storage-closed', message);
  }
}

/**
 * A LevelDB batch write failed (disk full, I/O error). The writer stops
 * accepting work: memory and disk may now disagree, so the node must restart
 * and recover from disk (fail-stop, as etcd does on a storage error).
 */
export class StorageWriteError extends StorageError {
  override readonly name = 'StorageWriteError' as const;
  constructor(message: string, options?: { cause?: unknown }) {
    super('storage-write-failed', message, options);
  }
}

export class UnknownGroupError extends StorageError {
  override readonly name = 'UnknownGroupError' as const;
  constructor(group: string) {
    super('storage-group-unknown', `no raft group ${JSON.stringify(group)} in this store`);
  }
}

/** The group is being deleted; it cannot be reopened until deletion finishes. */
export class GroupDeletingError extends StorageError {
  override readonly name = 'GroupDeletingError' as const;
  constructor(group: string) {
    super('storage-group-deleting', `raft group ${JSON.stringify(group)} is being deleted`);
  }
}

/** The directory holds a store of an unknown layout version. */
export class StorageFormatError extends StorageError {
  override readonly name = 'StorageFormatError' as const;
  constructor(message: string) {
    super('storage-format', message);
  }
}

export function toHex(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex');
}
