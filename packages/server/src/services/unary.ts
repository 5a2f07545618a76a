// Every unary handler runs through `unary`, which refuses calls while the
// node stops, counts calls in progress, and maps every failure in one place
// (service-errors.ts): a handler that throws never takes the process down.
import type * as grpc from '@grpc/grpc-js';
import { RheoError } from '@rheo/wire';
import { type CallInfo, forwardedMetadataKey } from './admin-mutations.js';
import type { ServiceContext } from './service-context.js';
import { serviceError } from './service-errors.js';

export function unary<Req, Res>(
  ctx: ServiceContext,
  method: string,
  handle: (req: Req, call: CallInfo) => Promise<Res> | Res,
): grpc.handleUnaryCall<Req, Res> {
  return (call, callback) => {
    if (ctx.calls.stopping) {
      const e = new RheoError('Unavailable', `node ${ctx.nodeId} is stopping; call another node`);
      callback(serviceError(e, method, ctx), null);
      return;
    }
    ctx.calls.begin();
    const info: CallInfo = {
      deadline: call.getDeadline(),
      forwarded: call.metadata.get(forwardedMetadataKey).length > 0,
    };
    new Promise<Res>((resolve) => resolve(handle(call.request, info)))
      .then(
        (res) => callback(null, res),
        (err: unknown) => callback(serviceError(err, method, ctx), null),
      )
      .finally(() => ctx.calls.end());
  };
}
