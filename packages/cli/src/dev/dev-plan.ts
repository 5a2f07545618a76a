// The `rheo dev` cluster's layout, computed before anything starts (and
// tested without starting anything): node i (from 1) serves gRPC on
// 127.0.0.1:(basePort + i - 1) and metrics on 127.0.0.1:(basePort + 2000 +
// i - 1), keeps its data in <dataDir>/node-i, and runs in cluster mode: the
// first three nodes (all of them when fewer) are controller voters with
// roles broker,controller, the rest brokers only. Node 1 also serves the
// Kinesis-compatible gateway on 127.0.0.1:4567 (docs/gateway.md), accepting
// any signature (gateway_auth any) as local development wants.
import { join } from 'node:path';

export interface DevOptions {
  readonly nodes: number;
  /** Parent of every node's data dir and the cluster secret. */
  readonly dataDir: string;
  /** Node 1's gRPC port; node i takes basePort + i - 1. */
  readonly basePort: number;
  /** Remove the nodes' data (and the secret) before starting. */
  readonly fresh: boolean;
}

export interface DevNode {
  readonly id: number;
  readonly grpcAddress: string;
  readonly metricsUrl: string;
  readonly dataDir: string;
  readonly roles: readonly ('broker' | 'controller')[];
  /** The node's flags (docs/configuration.md); the secret is not among them (it goes by environment). */
  readonly args: readonly string[];
}

export const devDefaults: DevOptions = Object.freeze({
  nodes: 3,
  dataDir: './.rheo',
  basePort: 7701,
  fresh: false,
});

/** Controller voters of a dev cluster: the first three nodes (a quorum that survives one loss). */
export const devVotersMax = 3;
/** Metrics ports sit this far above the gRPC ports (7701 -> 9701). */
export const metricsPortOffset = 2000;
const host = '127.0.0.1';
/** Node 1's Kinesis gateway port (kinesalite's and LocalStack's habit: point the AWS SDK at it). */
export const devGatewayPort = 4567;
/** Node 1's gateway, as the AWS SDK's endpoint or `aws --endpoint-url`. */
export const devGatewayUrl = `http://${host}:${devGatewayPort}`;

/** The ready message's gateway lines: the endpoint and one AWS CLI call that works against it. */
export function devGatewayText(): string {
  return (
    `Kinesis gateway (any signature accepted): ${devGatewayUrl}\n` +
    `  AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local aws --region us-east-1 --endpoint-url ${devGatewayUrl} kinesis list-streams\n`
  );
}

export function planDevCluster(options: DevOptions): DevNode[] {
  const ids = Array.from({ length: options.nodes }, (_v, i) => i + 1);
  const grpcPort = (id: number) => options.basePort + id - 1;
  const voters = ids
    .slice(0, devVotersMax)
    .map((id) => `${id}@${host}:${grpcPort(id)}`)
    .join(',');
  return ids.map((id) => {
    const roles = id <= devVotersMax ? (['broker', 'controller'] as const) : (['broker'] as const);
    const dataDir = join(options.dataDir, `node-${id}`);
    const metricsPort = grpcPort(id) + metricsPortOffset;
    return {
      id,
      grpcAddress: `${host}:${grpcPort(id)}`,
      metricsUrl: `http://${host}:${metricsPort}/metrics`,
      dataDir,
      roles,
      args: [
        `--node-id=${id}`,
        `--roles=${roles.join(',')}`,
        `--grpc-listen=${host}:${grpcPort(id)}`,
        `--metrics-listen=${host}:${metricsPort}`,
        `--data-dir=${dataDir}`,
        `--controller-voters=${voters}`,
        '--log-format=pretty',
        // Local development: the gateway accepts any signature (docs/gateway.md).
        ...(id === 1 ? [`--gateway-listen=${host}:${devGatewayPort}`, '--gateway-auth=any'] : []),
      ],
    };
  });
}
