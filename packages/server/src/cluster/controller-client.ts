// The broker agent's gRPC client of ControllerHeartbeat: one channel per
// controller address (kept while the agent runs, so redirects between the
// voters reuse connections), a deadline on every call, and a failed call
// turned into the RheoError it carried (its ErrorDetail, else its status).
import * as grpc from '@grpc/grpc-js';
import {
  errorDetailFromMetadata,
  fromErrorDetail,
  grpcChannelOptions,
  loadRheoProto,
  type pb,
  RheoError,
} from '@rheo/wire';

type Method = 'RegisterNode' | 'Heartbeat' | 'FetchMetadata';

export class ControllerClients {
  private readonly clients = new Map<string, pb.ControllerHeartbeatClient>();
  private readonly inflight = new Set<grpc.ClientUnaryCall>();
  private closed = false;

  constructor(
    private readonly deadlineMs: number,
    /** TLS toward the controllers when the node has it; plaintext by default. */
    private readonly credentials: grpc.ChannelCredentials = grpc.credentials.createInsecure(),
  ) {}

  registerNode(address: string, req: pb.RegisterNodeRequest): Promise<pb.RegisterNodeResponse__Output> {
    return this.call(address, 'RegisterNode', req);
  }

  heartbeat(address: string, req: pb.NodeHeartbeat): Promise<pb.HeartbeatResponse__Output> {
    return this.call(address, 'Heartbeat', req);
  }

  fetchMetadata(address: string, req: pb.FetchMetadataRequest): Promise<pb.FetchMetadataResponse__Output> {
    return this.call(address, 'FetchMetadata', req);
  }

  /** Closes every channel; calls in flight fail (Cancelled / Unavailable). */
  close(): void {
    this.closed = true;
    // A closed channel lets calls in flight run on; cancelling them ends them now.
    for (const call of this.inflight) call.cancel();
    this.inflight.clear();
    for (const c of this.clients.values()) c.close();
    this.clients.clear();
  }

  private client(address: string): pb.ControllerHeartbeatClient {
    let c = this.clients.get(address);
    if (c === undefined) {
      const ControllerHeartbeat = loadRheoProto().rheo.v1.ControllerHeartbeat;
      c = new ControllerHeartbeat(address, this.credentials, grpcChannelOptions);
      this.clients.set(address, c);
    }
    return c;
  }

  private call<Res>(address: string, method: Method, req: unknown): Promise<Res> {
    if (this.closed) return Promise.reject(new RheoError('Unavailable', 'the broker agent is stopping'));
    const client = this.client(address);
    return new Promise((resolve, reject) => {
      const fn = (client as unknown as Record<Method, (...args: unknown[]) => unknown>)[method];
      const call = fn.call(
        client,
        req,
        { deadline: Date.now() + this.deadlineMs },
        (err: grpc.ServiceError | null, res?: Res) => {
          this.inflight.delete(call);
          if (err !== null)
            reject(fromErrorDetail(errorDetailFromMetadata(err.metadata), err.code, err.details));
          else resolve(res!);
        },
      ) as grpc.ClientUnaryCall;
      this.inflight.add(call);
    });
  }
}
