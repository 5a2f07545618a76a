// Loads Rheo's gRPC contract (proto/rheo/v1/*.proto) at run time with
// @grpc/proto-loader, typed by the generated types in ./generated/ (made by
// scripts/gen-proto.mjs with the same options; a test holds the two together).
//
// Loader options, and why:
// - keepCase false: fields are camelCase in TypeScript (`logTerm`,
//   `recordBatch`), snake_case in the .proto files, as protobuf style wants.
// - longs Number: every int64/uint64 in the contract holds a value below
//   2^53 (Raft terms and indexes, ms timestamps, byte counts, counters), and
//   the Raft core's types use `number`; the numbers that can be larger
//   (sequence numbers, 128-bit hash keys) are decimal strings in the contract
//   itself. Strings would cost a parse per field on the Raft hot path.
// - enums String: enum values decode to their names ('STREAM_MODE_ON_DEMAND'),
//   which read well in logs and map to Kinesis names by dropping the prefix.
//   Encoding accepts the name or the number.
// - bytes Buffer: record batches decode as Buffer views of the received
//   message, with no copy (they are handed to the codec as they are).
// - defaults true: absent scalars decode as 0 / '' / false / [] and absent
//   messages as null, so handlers never see undefined for a plain field.
// - oneofs true: a oneof's virtual field names the member that is set.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import type { ErrorDetail, ErrorDetail__Output, ProtoGrpcType } from './generated/index.js';

export type { ProtoGrpcType as RheoProtoGrpcType } from './generated/index.js';
/** Every generated message, enum and service type of rheo.v1, as `pb.PutRecordsRequest` etc. */
export * as pb from './generated/index.js';

/** The .proto files of the contract, relative to the proto directory. */
export const protoFiles: readonly string[] = Object.freeze([
  'rheo/v1/admin.proto',
  'rheo/v1/cluster.proto',
  'rheo/v1/common.proto',
  'rheo/v1/data.proto',
  'rheo/v1/groups.proto',
  'rheo/v1/internal.proto',
]);

/** The loader options (see the file comment); the generated types assume exactly these. */
export const protoLoaderOptions = Object.freeze({
  keepCase: false,
  longs: Number,
  enums: String,
  bytes: Buffer,
  defaults: true,
  oneofs: true,
} satisfies protoLoader.Options);

/** Environment variable naming the proto directory, for installs where it is not at the repository root. */
export const protoDirEnv = 'RHEO_PROTO_DIR';

/** Binary trailing-metadata key that carries an encoded ErrorDetail with a failed call's status. */
export const errorDetailMetadataKey = 'rheo-error-bin';

/**
 * Bound on one gRPC message, each way, for every Rheo channel and server.
 * gRPC's default receive bound (4 MiB) is below a 5 MiB client batch and a
 * 10 MiB GetRecords answer. A Raft append carries at least one whole entry,
 * so the broker must keep its entries (gathered client batches) below this
 * too; 64 MiB leaves room for all of them plus framing.
 */
export const grpcMessageBytesMax = 64 * 1024 * 1024;

/** Channel options every Rheo client and server should pass (message-size bounds). */
export const grpcChannelOptions = Object.freeze({
  'grpc.max_receive_message_length': grpcMessageBytesMax,
  'grpc.max_send_message_length': grpcMessageBytesMax,
});

export interface LoadRheoProtoOptions {
  /** Directory that holds `rheo/v1/*.proto`; else $RHEO_PROTO_DIR; else `proto/` at the repository root. */
  readonly protoDir?: string;
}

/**
 * The proto directory. src/ and dist/ both sit two levels under the
 * repository root (packages/wire/{src,dist}), so one relative URL serves both.
 */
export function resolveProtoDir(options: LoadRheoProtoOptions = {}): string {
  const fromEnv = process.env[protoDirEnv];
  const dir =
    options.protoDir ??
    (fromEnv !== undefined && fromEnv !== ''
      ? fromEnv
      : fileURLToPath(new URL('../../../proto', import.meta.url)));
  const missing = protoFiles.filter((file) => !existsSync(join(dir, file)));
  if (missing.length > 0) {
    throw new Error(
      `Rheo's proto files are not in ${dir} (missing ${missing.join(', ')}); pass protoDir or set ${protoDirEnv}`,
    );
  }
  return dir;
}

const definitions = new Map<string, protoLoader.PackageDefinition>();
const grpcObjects = new Map<string, ProtoGrpcType>();

/** The package definition (cached per directory: parsing the files takes tens of ms). */
export function loadRheoPackageDefinition(options: LoadRheoProtoOptions = {}): protoLoader.PackageDefinition {
  const dir = resolveProtoDir(options);
  let definition = definitions.get(dir);
  if (definition === undefined) {
    definition = protoLoader.loadSync([...protoFiles], { ...protoLoaderOptions, includeDirs: [dir] });
    definitions.set(dir, definition);
  }
  return definition;
}

/**
 * The typed gRPC object (cached per directory): `loadRheoProto().rheo.v1.StreamData`
 * is a client constructor, and its `.service` the definition a server adds.
 */
export function loadRheoProto(options: LoadRheoProtoOptions = {}): ProtoGrpcType {
  const dir = resolveProtoDir(options);
  let loaded = grpcObjects.get(dir);
  if (loaded === undefined) {
    loaded = grpc.loadPackageDefinition(
      loadRheoPackageDefinition({ protoDir: dir }),
    ) as unknown as ProtoGrpcType;
    grpcObjects.set(dir, loaded);
  }
  return loaded;
}

// The error helpers use whichever contract the process loaded first (so an
// explicit protoDir is honoured), or load the default one.
function errorDetailType(): protoLoader.MessageTypeDefinition<ErrorDetail, ErrorDetail__Output> {
  const [first] = grpcObjects.values();
  return (first ?? loadRheoProto()).rheo.v1.ErrorDetail;
}

/** Adds `detail`, encoded, to trailing metadata under errorDetailMetadataKey (a new Metadata if none given). */
export function errorDetailToMetadata(detail: ErrorDetail, metadata = new grpc.Metadata()): grpc.Metadata {
  metadata.set(errorDetailMetadataKey, errorDetailType().serialize(detail));
  return metadata;
}

/**
 * The ErrorDetail in a failed call's trailing metadata, or undefined when
 * there is none or it does not decode (a peer's bad trailer is not a crash:
 * the caller falls back to the status code).
 */
export function errorDetailFromMetadata(
  metadata: grpc.Metadata | undefined,
): ErrorDetail__Output | undefined {
  const value = metadata?.get(errorDetailMetadataKey)[0];
  if (!Buffer.isBuffer(value)) return undefined;
  try {
    return errorDetailType().deserialize(value);
  } catch {
    return undefined;
  }
}
