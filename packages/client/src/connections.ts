// One gRPC channel per node address, created on first use and shared by
// every service client for that node (StreamData, Cluster, StreamAdmin), so
// a client holds one HTTP/2 connection per node however many producers and
// consumers it serves. Bounded: past `nodesMax` addresses the least recently
// used channel is closed (addresses come from the cluster, which may churn).
import { Channel, type ChannelCredentials } from '@grpc/grpc-js';
import { ClientClosedError } from './errors.js';
import { grpcChannelOptions, loadRheoProto, type pb } from './grpc.js';

export interface NodeClients {
  readonly address: string;
  readonly data: pb.StreamDataClient;
  readonly cluster: pb.ClusterClient;
  readonly admin: pb.StreamAdminClient;
}

export interface ConnectionOptions {
  readonly credentials: ChannelCredentials;
  /** Extra channel options (keepalive, TLS target name override); merged over the message-size bounds. */
  readonly channelOptions: Readonly<Record<string, string | number>>;
  /** Bound on cached channels. */
  readonly nodesMax: number;
}

export class ConnectionPool {
  /** Insertion order is recency order (re-inserted on use). */
  private readonly nodes = new Map<string, NodeClients & { readonly channel: Channel }>();
  private closed = false;

  constructor(private readonly options: ConnectionOptions) {}

  /** The clients for `address`, creating its channel on first use. */
  get(address: string): NodeClients {
    if (this.closed) throw new ClientClosedError('the client is closed');
    const cached = this.nodes.get(address);
    if (cached !== undefined) {
      this.nodes.delete(address);
      this.nodes.set(address, cached);
      return cached;
    }
    const channelOptions = { ...grpcChannelOptions, ...this.options.channelOptions };
    const channel = new Channel(address, this.options.credentials, channelOptions);
    const v1 = loadRheoProto().rheo.v1;
    const shared = { ...channelOptions, channelOverride: channel };
    const node = {
      address,
      channel,
      data: new v1.StreamData(address, this.options.credentials, shared),
      cluster: new v1.Cluster(address, this.options.credentials, shared),
      admin: new v1.StreamAdmin(address, this.options.credentials, shared),
    };
    this.nodes.set(address, node);
    while (this.nodes.size > this.options.nodesMax) {
      const oldest = this.nodes.keys().next().value as string;
      this.drop(oldest);
    }
    return node;
  }

  /** Closes the channel to `address` (a node that left); the next get() dials afresh. */
  drop(address: string): void {
    const node = this.nodes.get(address);
    if (node === undefined) return;
    this.nodes.delete(address);
    node.data.close();
    node.cluster.close();
    node.admin.close();
    node.channel.close();
  }

  addresses(): string[] {
    return [...this.nodes.keys()];
  }

  close(): void {
    this.closed = true;
    for (const address of [...this.nodes.keys()]) this.drop(address);
  }
}
