// A scripted ControllerHeartbeat server for the broker agent's tests: a
// real gRPC server in the test process that records every call and answers
// with what the test's script returns (an answer, or a RheoError sent the way
// the node's services send one: status plus ErrorDetail trailer).
import * as grpc from '@grpc/grpc-js';
import { LOOPBACK } from '@rheo/testkit';
import { errorDetailToMetadata, loadRheoProto, type pb, RheoError, toErrorDetail } from '@rheo/wire';

type Answer<T> = T | RheoError;

export interface FakeControllerScript {
  register?: (req: pb.RegisterNodeRequest__Output) => Answer<pb.RegisterNodeResponse>;
  heartbeat?: (hb: pb.NodeHeartbeat__Output) => Answer<pb.HeartbeatResponse>;
  fetchMetadata?: (req: pb.FetchMetadataRequest__Output) => Answer<pb.FetchMetadataResponse>;
}

export class FakeController {
  readonly registrations: pb.RegisterNodeRequest__Output[] = [];
  readonly heartbeats: pb.NodeHeartbeat__Output[] = [];
  readonly fetches: pb.FetchMetadataRequest__Output[] = [];
  script: FakeControllerScript;

  private constructor(
    readonly id: number,
    private readonly server: grpc.Server,
    readonly address: string,
    script: FakeControllerScript,
  ) {
    this.script = script;
  }

  static async start(id: number, script: FakeControllerScript = {}): Promise<FakeController> {
    const server = new grpc.Server();
    let self: FakeController | undefined;
    const unary =
      <Req, Res>(handle: (req: Req) => Answer<Res>) =>
      (call: grpc.ServerUnaryCall<Req, Res>, cb: grpc.sendUnaryData<Res>) => {
        const out = handle(call.request);
        if (out instanceof RheoError)
          cb({
            code: out.grpcStatus,
            details: out.message,
            metadata: errorDetailToMetadata(toErrorDetail(out)),
          });
        else cb(null, out);
      };
    server.addService(loadRheoProto().rheo.v1.ControllerHeartbeat.service, {
      RegisterNode: unary((req: pb.RegisterNodeRequest__Output) => {
        self!.registrations.push(req);
        return (
          self!.script.register?.(req) ?? {
            controllerNodeId: id,
            heartbeatIntervalMs: 50,
            state: 'NODE_STATE_ALIVE',
          }
        );
      }),
      Heartbeat: unary((hb: pb.NodeHeartbeat__Output) => {
        self!.heartbeats.push(hb);
        return self!.script.heartbeat?.(hb) ?? { controllerNodeId: id, epoch: 1, heartbeatIntervalMs: 50 };
      }),
      FetchMetadata: unary((req: pb.FetchMetadataRequest__Output) => {
        self!.fetches.push(req);
        return (
          self!.script.fetchMetadata?.(req) ?? { epoch: 1, unchanged: false, state: Buffer.from('meta') }
        );
      }),
    });
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync(`${LOOPBACK}:0`, grpc.ServerCredentials.createInsecure(), (err, p) =>
        err ? reject(err) : resolve(p),
      ),
    );
    self = new FakeController(id, server, `${LOOPBACK}:${port}`, script);
    return self;
  }

  /** The last heartbeat received, if any. */
  get last(): pb.NodeHeartbeat__Output | undefined {
    return this.heartbeats[this.heartbeats.length - 1];
  }

  stop(): void {
    this.server.forceShutdown();
  }
}
