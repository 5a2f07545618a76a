// A unary gRPC call as a promise, with a deadline, its failure rebuilt as a
// RheoError (errors.ts).
import type { CallOptions, ClientUnaryCall, Metadata as MetadataType, requestCallback } from '@grpc/grpc-js';
import { callError } from './errors.js';
import { Metadata } from './grpc.js';

/**
 * The generated client methods are overloaded; TypeScript infers from the
 * last overload, `(argument, callback)`, so that is the shape taken here.
 * The call itself passes metadata and options too (the first overload).
 */
type UnaryMethod<Req, Res> = (argument: Req, callback: requestCallback<Res>) => ClientUnaryCall;
type FullUnaryMethod<Req, Res> = (
  argument: Req,
  metadata: MetadataType,
  options: CallOptions,
  callback: requestCallback<Res>,
) => ClientUnaryCall;

export function unary<Req, Res>(
  method: UnaryMethod<Req, Res>,
  self: object,
  request: Req,
  deadlineMs: number,
): Promise<Res> {
  const full = method as unknown as FullUnaryMethod<Req, Res>;
  return new Promise<Res>((resolve, reject) => {
    full.call(self, request, new Metadata(), { deadline: Date.now() + deadlineMs }, (err, response) => {
      if (err !== null || response === undefined) reject(callError(err ?? new Error('empty response')));
      else resolve(response);
    });
  });
}
