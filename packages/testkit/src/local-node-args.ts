// The flags of one LocalCluster node (docs/configuration.md) and the
// reading of its ready line. Kept apart from the process handling so both
// can be checked without starting anything.
import { LOOPBACK } from './net.js';

export interface LocalNodeSpec {
  readonly id: number;
  readonly port: number;
  readonly metricsPort: number;
  readonly dataDir: string;
  readonly peers: ReadonlyArray<{ readonly id: number; readonly address: string }>;
  readonly streams: ReadonlyArray<{
    readonly name: string;
    readonly shards: number;
    readonly replicas: readonly number[];
  }>;
  readonly tickIntervalMs?: number;
  readonly extraArgs?: readonly string[];
  /** Cluster mode: the metadata group's voters (every node finds the controller through them). */
  readonly controllerVoters?: ReadonlyArray<{ readonly id: number; readonly address: string }>;
  /** The node's roles; `broker` when left out. */
  readonly roles?: readonly ('broker' | 'controller')[];
}

/** What a node's ready line says (`{"msg":"ready",...}` on its stdout). */
export interface ReadyInfo {
  readonly node: number;
  readonly grpcAddress: string;
  readonly advertisedAddress: string;
  readonly pid: number;
  readonly shards: number;
}

/**
 * A node's flags. Static mode: a broker with its peers and streams given by
 * flags. Cluster mode (controllerVoters given): its roles and the voters;
 * streams are created through the admin API.
 */
export function buildNodeArgs(spec: LocalNodeSpec): string[] {
  const args = [
    '--node-id',
    String(spec.id),
    '--roles',
    (spec.roles ?? ['broker']).join(','),
    '--grpc-listen',
    `${LOOPBACK}:${spec.port}`,
    '--metrics-listen',
    `${LOOPBACK}:${spec.metricsPort}`,
    '--data-dir',
    spec.dataDir,
  ];
  if (spec.controllerVoters !== undefined && spec.controllerVoters.length > 0)
    args.push('--controller-voters', spec.controllerVoters.map((v) => `${v.id}@${v.address}`).join(','));
  if (spec.peers.length > 0) args.push('--peers', spec.peers.map((p) => `${p.id}@${p.address}`).join(','));
  if (spec.streams.length > 0)
    args.push(
      '--streams',
      spec.streams.map((s) => `${s.name}:${s.shards}:${s.replicas.join(',')}`).join(';'),
    );
  if (spec.tickIntervalMs !== undefined) args.push('--tick-interval-ms', String(spec.tickIntervalMs));
  args.push(...(spec.extraArgs ?? []));
  return args;
}

export function parseReadyLine(line: string): ReadyInfo {
  const v = JSON.parse(line) as Partial<ReadyInfo> & { msg?: string };
  if (v.msg !== 'ready' || typeof v.node !== 'number' || typeof v.grpcAddress !== 'string')
    throw new Error(`not a ready line: ${line}`);
  return {
    node: v.node,
    grpcAddress: v.grpcAddress,
    advertisedAddress: v.advertisedAddress ?? v.grpcAddress,
    pid: v.pid ?? 0,
    shards: v.shards ?? 0,
  };
}
