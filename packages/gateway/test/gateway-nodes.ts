// In-process cluster-mode nodes with the Kinesis gateway on every node
// (startNode from @rheo/server, configured from flags as an operator would,
// gateway_listen included), on 127.0.0.1 with short Raft timings. The
// gateway tests drive them with the real AWS SDK and hand-made requests.
// The gateways accept any signature (gateway_auth any) unless access keys
// are given: then they verify SigV4 against them (RHEO_GATEWAY_ACCESS_KEYS).
// RHEO_TEST_LOG=debug shows the nodes' logs.
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, loadConfig, type RheoNode, startNode } from '@rheo/server';

const loopback = '127.0.0.1';
const secret = 'gateway-test-secret-of-forty-characters!';

export interface GatewayNodes {
  readonly nodes: readonly RheoNode[];
  /** http://127.0.0.1:port of node i's gateway (from 1). */
  gatewayUrl(id: number): string;
  /** host:port of node i's gRPC server. */
  grpcAddress(id: number): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, loopback, resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface GatewayNodesOptions {
  /** Access key id -> secret: the gateways run in sigv4 mode with these; left out, in `any` mode. */
  readonly accessKeys?: Readonly<Record<string, string>>;
}

export async function startGatewayNodes(
  count: number,
  options: GatewayNodesOptions = {},
): Promise<GatewayNodes> {
  const keys = options.accessKeys;
  const auth =
    keys === undefined
      ? { args: ['--gateway-auth', 'any'], env: {} }
      : {
          args: [],
          env: {
            RHEO_GATEWAY_ACCESS_KEYS: Object.entries(keys)
              .map(([id, secret]) => `${id}:${secret}`)
              .join('\n'),
          },
        };
  const dir = await mkdtemp(join(tmpdir(), 'rheo-gateway-'));
  const ports: number[] = [];
  while (ports.length < 3 * count) {
    const p = await freePort();
    if (!ports.includes(p)) ports.push(p);
  }
  const grpc = (id: number) => `${loopback}:${ports[3 * (id - 1)]}`;
  const ids = Array.from({ length: count }, (_, i) => i + 1);
  const voters = ids.map((id) => `${id}@${grpc(id)}`).join(',');
  const level = process.env.RHEO_TEST_LOG ?? 'silent';
  const nodes = await Promise.all(
    ids.map((id) =>
      startNode(
        loadConfig({
          argv: [
            ...['--node-id', String(id), '--grpc-listen', grpc(id), '--roles', 'broker,controller'],
            ...['--metrics-listen', `${loopback}:${ports[3 * (id - 1) + 1]}`],
            ...['--gateway-listen', `${loopback}:${ports[3 * (id - 1) + 2]}`],
            ...['--data-dir', join(dir, `n${id}`), '--controller-voters', voters],
            ...['--tick-interval-ms', '50', '--election-ticks', '10', '--heartbeat-interval-ms', '100'],
            ...['--default-replication-factor', String(Math.min(3, count))],
            ...auth.args,
          ],
          env: { RHEO_CLUSTER_SECRET: secret, ...auth.env },
        }),
        { logger: createLogger({ nodeId: id, level }), shutdownGraceMs: 2_000 },
      ),
    ),
  );
  return {
    nodes,
    gatewayUrl: (id) => `http://${loopback}:${ports[3 * (id - 1) + 2]}`,
    grpcAddress: grpc,
    async stop() {
      await Promise.all(nodes.map((n) => n.stop()));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
