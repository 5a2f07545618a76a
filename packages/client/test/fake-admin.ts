// Scripted admin nodes: real @grpc/grpc-js servers on 127.0.0.1 serving the
// contract's StreamAdmin and Cluster services from one in-memory catalog,
// with Kinesis's paging (tokens, exclusive starts, has-more flags) and a
// test-supplied fault script per call. It exists to test the SDK's admin
// side (paging, retries, which calls are repeated), not the controller.
import * as grpc from '@grpc/grpc-js';
import { errorDetailToMetadata, loadRheoProto, type pb, RheoError, toErrorDetail } from '@rheo/wire';

export interface FakeStream {
  readonly name: string;
  readonly shards: number;
  readonly tags: Map<string, string>;
  status: 'STREAM_STATUS_CREATING' | 'STREAM_STATUS_ACTIVE' | 'STREAM_STATUS_DELETING';
  readonly mode: pb.StreamMode;
  readonly replicationFactor: number;
}

export interface AdminCall {
  readonly node: number;
  readonly method: string;
  readonly request: unknown;
}

const shardId = (i: number) => `shardId-${String(i).padStart(12, '0')}`;

export class FakeAdmin {
  readonly servers: grpc.Server[] = [];
  readonly addresses: string[] = [];
  readonly streams = new Map<string, FakeStream>();
  readonly calls: AdminCall[] = [];
  /** Fault for one call (checked before the call acts); undefined lets it through. */
  script: (call: AdminCall) => RheoError | undefined = () => undefined;
  /** Page sizes the server uses when the request gives none. */
  pageSize = 2;
  /** ListStreams pages by has_more + last name only, with no token (an older server). */
  noNextToken = false;
  readonly nodes: pb.NodeInfo[] = [];
  drained = new Set<number>();

  static async start(nodeCount: number): Promise<FakeAdmin> {
    const fake = new FakeAdmin();
    for (let n = 0; n < nodeCount; n++) await fake.startNode(n);
    return fake;
  }

  addStream(name: string, shards: number, tags: Record<string, string> = {}): void {
    this.streams.set(name, {
      name,
      shards,
      tags: new Map(Object.entries(tags)),
      status: 'STREAM_STATUS_ACTIVE',
      mode: 'STREAM_MODE_PROVISIONED',
      replicationFactor: 3,
    });
  }

  stop(): void {
    for (const s of this.servers) s.forceShutdown();
  }

  private stream(name: string): FakeStream {
    const s = this.streams.get(name);
    if (s === undefined) throw new RheoError('ResourceNotFound', `Stream ${name} not found`);
    return s;
  }

  private async startNode(node: number): Promise<void> {
    const server = new grpc.Server();
    const v1 = loadRheoProto().rheo.v1;
    server.addService(v1.StreamAdmin.service, this.wrap(node, this.adminHandlers()));
    server.addService(v1.Cluster.service, this.wrap(node, this.clusterHandlers()));
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, p) =>
        err === null ? resolve(p) : reject(err),
      ),
    );
    this.servers.push(server);
    const address = `127.0.0.1:${port}`;
    this.addresses.push(address);
    this.nodes.push({
      nodeId: node + 1,
      address,
      roles: ['NODE_ROLE_BROKER', 'NODE_ROLE_CONTROLLER'],
      rack: node % 2 === 0 ? 'a' : 'b',
      state: 'NODE_STATE_ALIVE',
      replicaCount: 4,
      leaderCount: node === 0 ? 3 : 1,
    });
  }

  /** Every handler: record the call, run the script, map a thrown RheoError to its status and trailer. */
  private wrap(
    node: number,
    handlers: Record<string, (request: never) => unknown>,
  ): grpc.UntypedServiceImplementation {
    const out: grpc.UntypedServiceImplementation = {};
    for (const [method, handle] of Object.entries(handlers)) {
      out[method] = (call: grpc.ServerUnaryCall<unknown, unknown>, callback: grpc.sendUnaryData<unknown>) => {
        const record = { node, method, request: call.request };
        this.calls.push(record);
        try {
          const fault = this.script(record);
          if (fault !== undefined) throw fault;
          callback(null, handle(call.request as never));
        } catch (err) {
          const e = err as RheoError;
          callback({
            code: e.grpcStatus,
            details: e.message,
            metadata: errorDetailToMetadata(toErrorDetail(e)),
          });
        }
      };
    }
    return out;
  }

  private adminHandlers(): Record<string, (request: never) => unknown> {
    return {
      CreateStream: (r: pb.CreateStreamRequest__Output) => {
        if (this.streams.has(r.streamName)) throw new RheoError('ResourceInUse', `${r.streamName} exists`);
        this.addStream(r.streamName, r.shardCount, r.tags);
        return { streamArn: `arn:rheo:kinesis:test:stream/${r.streamName}` };
      },
      DeleteStream: (r: pb.DeleteStreamRequest__Output) => {
        this.stream(r.streamName).status = 'STREAM_STATUS_DELETING';
        // Gone on the next turn: waitForDeleted sees DELETING first.
        setTimeout(() => this.streams.delete(r.streamName), 150);
        return {};
      },
      DescribeStreamSummary: (r: pb.DescribeStreamSummaryRequest__Output) => {
        const s = this.stream(r.streamName);
        return {
          streamDescriptionSummary: {
            ...this.summary(s),
            openShardCount: s.shards,
            retentionPeriodHours: 24,
            replicationFactor: s.replicationFactor,
          },
        };
      },
      DescribeStream: (r: pb.DescribeStreamRequest__Output) => {
        const s = this.stream(r.streamName);
        const all = Array.from({ length: s.shards }, (_v, i) => this.shard(i));
        const from = all.filter((sh) => sh.shardId > r.exclusiveStartShardId);
        const limit = r.limit === 0 ? this.pageSize : r.limit;
        return {
          streamDescription: {
            ...this.summary(s),
            retentionPeriodHours: 24,
            shards: from.slice(0, limit),
            hasMoreShards: from.length > limit,
          },
        };
      },
      ListStreams: (r: pb.ListStreamsRequest__Output) => {
        const after = r.nextToken !== '' ? r.nextToken.replace(/^tok:/, '') : r.exclusiveStartStreamName;
        const names = [...this.streams.keys()].sort().filter((n) => n > after);
        const limit = r.limit === 0 ? this.pageSize : r.limit;
        const page = names.slice(0, limit);
        const more = names.length > limit;
        return {
          streamNames: page,
          streamSummaries: page.map((n) => this.summary(this.stream(n))),
          hasMoreStreams: more,
          nextToken: more && !this.noNextToken ? `tok:${page.at(-1)}` : '',
        };
      },
      ListShards: (r: pb.ListShardsRequest__Output) => {
        if (r.nextToken !== '' && r.streamName !== '')
          throw new RheoError('InvalidArgument', 'next_token with stream_name', { field: 'stream_name' });
        const [name, at] = r.nextToken !== '' ? r.nextToken.split('#') : [r.streamName, '0'];
        const s = this.stream(name!);
        let all = Array.from({ length: s.shards }, (_v, i) => this.shard(i));
        if (r.shardFilter?.type === 'SHARD_FILTER_TYPE_AFTER_SHARD_ID')
          all = all.filter((sh) => sh.shardId > r.shardFilter!.shardId);
        const start = Number(at);
        const limit = r.maxResults === 0 ? this.pageSize : r.maxResults;
        const end = start + limit;
        return { shards: all.slice(start, end), nextToken: end < all.length ? `${name}#${end}` : '' };
      },
      AddTagsToStream: (r: pb.AddTagsToStreamRequest__Output) => {
        for (const [k, v] of Object.entries(r.tags)) this.stream(r.streamName).tags.set(k, v);
        return {};
      },
      RemoveTagsFromStream: (r: pb.RemoveTagsFromStreamRequest__Output) => {
        for (const k of r.tagKeys) this.stream(r.streamName).tags.delete(k);
        return {};
      },
      ListTagsForStream: (r: pb.ListTagsForStreamRequest__Output) => {
        const tags = [...this.stream(r.streamName).tags.entries()]
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .filter(([k]) => k > r.exclusiveStartTagKey);
        const limit = r.limit === 0 ? this.pageSize : r.limit;
        return {
          tags: tags.slice(0, limit).map(([key, value]) => ({ key, value })),
          hasMoreTags: tags.length > limit,
        };
      },
    };
  }

  private clusterHandlers(): Record<string, (request: never) => unknown> {
    return {
      DescribeCluster: () => ({
        clusterId: 'test',
        controllerNodeId: 1,
        nodes: this.nodes.map((n) =>
          this.drained.has(n.nodeId!) ? { ...n, state: 'NODE_STATE_DRAINING' } : n,
        ),
        underReplicatedShardCount: 1,
        leaderlessShardCount: 0,
        epoch: 42,
      }),
      DrainNode: (r: pb.DrainNodeRequest__Output) => {
        this.drained.add(r.nodeId);
        return {};
      },
      UndrainNode: (r: pb.UndrainNodeRequest__Output) => {
        this.drained.delete(r.nodeId);
        return {};
      },
      RemoveNode: (r: pb.RemoveNodeRequest__Output) => {
        throw new RheoError('ResourceInUse', `node ${r.nodeId} still hosts 4 replicas`);
      },
    };
  }

  private summary(s: FakeStream): pb.StreamSummary {
    return {
      streamName: s.name,
      streamArn: `arn:rheo:kinesis:test:stream/${s.name}`,
      streamStatus: s.status,
      streamModeDetails: { streamMode: s.mode },
      streamCreationTimestampMs: 1_700_000_000_000,
    };
  }

  private shard(i: number): pb.Shard & { shardId: string } {
    return {
      shardId: shardId(i),
      hashKeyRange: { startingHashKey: String(i * 10), endingHashKey: String(i * 10 + 9) },
      sequenceNumberRange: { startingSequenceNumber: '0' },
    };
  }
}
