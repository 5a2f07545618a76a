// Forwards a mutation (CreateStream, DeleteStream, tags, node drain...) from
// a node that does not run the active controller to the node that does, as
// the same gRPC call with the caller's deadline. Its answer, error included,
// goes back unchanged. Which node: the one this node believes is the
// active controller; failing that, a controller voter. A voter that is not
// the controller answers NotLeader naming the one that is, and the call
// follows that hint (a bounded number of times).
import * as grpc from '@grpc/grpc-js';
import {
  errorDetailFromMetadata,
  fromErrorDetail,
  grpcChannelOptions,
  isRheoError,
  loadRheoProto,
  RheoError,
} from '@rheo/wire';
import { forwardedMetadataKey } from '../services/admin-mutations.js';
import type { ForwardedService } from '../services/cluster-access.js';

/** Hops a forwarded call follows NotLeader hints before giving up (Unavailable). */
export const forwardHopsMax = 4;

export interface ForwarderDeps {
  readonly nodeId: number;
  /** The controller voters' ids, in order: where to ask when no controller is known. */
  readonly voters: readonly number[];
  readonly address: (nodeId: number) => string | undefined;
  readonly controllerNodeId: () => number;
  /** TLS toward the controllers when the node has it; plaintext when left out. */
  readonly credentials?: grpc.ChannelCredentials;
}

type Clients = Record<ForwardedService, grpc.Client>;

export class ControllerForwarder {
  private readonly clients = new Map<string, Clients>();
  private closed = false;

  constructor(private readonly deps: ForwarderDeps) {}

  async forward<Res>(
    service: ForwardedService,
    method: string,
    req: unknown,
    deadline: grpc.Deadline,
  ): Promise<Res> {
    let target = this.firstTarget();
    const tried = new Set<number>();
    for (let hop = 0; ; hop++) {
      const address = target === undefined ? undefined : this.deps.address(target);
      if (target === undefined || address === undefined)
        throw new RheoError(
          'Unavailable',
          `no active controller is known to node ${this.deps.nodeId} yet; retry shortly`,
        );
      tried.add(target);
      try {
        return await this.call<Res>(address, service, method, req, deadline);
      } catch (err) {
        const next = this.nextTarget(err, tried);
        if (next === undefined || hop + 1 >= forwardHopsMax) throw err;
        target = next;
      }
    }
  }

  /**
   * Where to try after a failure: the node a NotLeader names, or, when the
   * call never reached a server (the node is down: no connection), the next
   * voter not tried yet. Any other answer is the call's.
   */
  private nextTarget(err: unknown, tried: ReadonlySet<number>): number | undefined {
    if (isRheoError(err, 'NotLeader')) {
      const named = err.leaderNodeId;
      return named === undefined || tried.has(named) || named === this.deps.nodeId ? undefined : named;
    }
    if (err instanceof NotConnectedError)
      return this.deps.voters.find((v) => v !== this.deps.nodeId && !tried.has(v));
    return undefined;
  }

  private firstTarget(): number | undefined {
    const known = this.deps.controllerNodeId();
    if (known > 0 && known !== this.deps.nodeId) return known;
    return this.deps.voters.find((v) => v !== this.deps.nodeId);
  }

  private call<Res>(
    address: string,
    service: ForwardedService,
    method: string,
    req: unknown,
    deadline: grpc.Deadline,
  ): Promise<Res> {
    const client = this.clientsFor(address)[service];
    const fn = (client as unknown as Record<string, (...args: unknown[]) => unknown>)[method];
    if (fn === undefined) throw new Error(`${service} has no method ${method}`);
    return new Promise((resolve, reject) => {
      const metadata = new grpc.Metadata();
      metadata.set(forwardedMetadataKey, String(this.deps.nodeId));
      fn.call(client, req, metadata, { deadline }, (err: grpc.ServiceError | null, res?: Res) => {
        if (err === null) resolve(res as Res);
        else if (isNotConnected(err)) reject(new NotConnectedError(address, err));
        else reject(fromErrorDetail(errorDetailFromMetadata(err.metadata), err.code, err.details));
      });
    });
  }

  private clientsFor(address: string): Clients {
    if (this.closed) throw new RheoError('Unavailable', `node ${this.deps.nodeId} is stopping`);
    let c = this.clients.get(address);
    if (c === undefined) {
      const v1 = loadRheoProto().rheo.v1;
      const creds = this.deps.credentials ?? grpc.credentials.createInsecure();
      c = {
        StreamAdmin: new v1.StreamAdmin(address, creds, grpcChannelOptions),
        Cluster: new v1.Cluster(address, creds, grpcChannelOptions),
        ConsumerGroups: new v1.ConsumerGroups(address, creds, grpcChannelOptions),
      };
      this.clients.set(address, c);
    }
    return c;
  }

  close(): void {
    this.closed = true;
    for (const c of this.clients.values()) {
      c.StreamAdmin.close();
      c.Cluster.close();
      c.ConsumerGroups.close();
    }
    this.clients.clear();
  }
}

/** The call never reached a server: no connection to the address could be made. */
class NotConnectedError extends RheoError {
  constructor(address: string, cause: grpc.ServiceError) {
    super('Unavailable', `the active controller at ${address} cannot be reached (${cause.details})`, {
      cause,
    });
  }
}

/** grpc-js's answer when the channel has no connection to send on: the request was never sent. */
function isNotConnected(err: grpc.ServiceError): boolean {
  return err.code === grpc.status.UNAVAILABLE && err.details.startsWith('No connection established');
}
