// Handlers for the calls of the contract this node does not serve yet. Each
// answers UNIMPLEMENTED with a message that says why and what to use
// instead, rather than grpc-js's bare "method not found", so a client (and
// the SDK's fallbacks) can tell "not built yet" from a wrong address.
import * as grpc from '@grpc/grpc-js';

/** Handlers for `methods` of `definition` that answer UNIMPLEMENTED with `${method} ${why}`. */
export function unimplementedHandlers(
  definition: grpc.ServiceDefinition,
  methods: readonly string[],
  why: string,
): grpc.UntypedServiceImplementation {
  const handlers: grpc.UntypedServiceImplementation = {};
  for (const name of methods) {
    const method = definition[name];
    if (method === undefined) throw new Error(`the contract has no method ${name}`);
    const status = { code: grpc.status.UNIMPLEMENTED, details: `${name} ${why}` };
    if (!method.responseStream) {
      handlers[name] = (_call: unknown, callback: grpc.sendUnaryData<unknown>) => callback(status, null);
    } else {
      handlers[name] = (call: grpc.ServerWritableStream<unknown, unknown>) => call.emit('error', status);
    }
  }
  return handlers;
}

/** Every method of `definition` not in `served`. */
export function otherMethods(definition: grpc.ServiceDefinition, served: readonly string[]): string[] {
  return Object.keys(definition).filter((m) => !served.includes(m));
}
