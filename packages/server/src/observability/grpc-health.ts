// The standard gRPC health service (grpc.health.v1.Health, from the
// official grpc-health-check package) and server reflection (v1 and
// v1alpha, from @grpc/reflection) for the node's gRPC server, so that
// Kubernetes' gRPC probes, grpc_health_probe, grpcurl and Postman work
// against any node without the .proto files.
import type * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { ReflectionService } from '@grpc/reflection';
import { loadRheoPackageDefinition, protoLoaderOptions } from '@rheo/wire';
import { HealthImplementation, protoPath as healthProtoPath, type ServingStatus } from 'grpc-health-check';

export interface GrpcHealth {
  /** The services whose status the health service answers ('' is the whole server). */
  readonly services: readonly string[];
  /** SERVING or NOT_SERVING for every one of them (watchers are told). */
  setServing(serving: boolean): void;
}

/** The rheo.v1 services of the contract (fully qualified), from the loaded package definition. */
export function rheoServiceNames(): string[] {
  const def = loadRheoPackageDefinition();
  return Object.keys(def)
    .filter((name) => name.startsWith('rheo.v1.') && !('format' in (def[name] as object)))
    .sort();
}

/**
 * Adds grpc.health.v1.Health to `server`, answering for '' and each rheo.v1
 * service; they start SERVING when `serving` (default), else NOT_SERVING.
 */
export function registerGrpcHealth(server: grpc.Server, serving = true): GrpcHealth {
  const services = ['', ...rheoServiceNames()];
  const status = (s: boolean): ServingStatus => (s ? 'SERVING' : 'NOT_SERVING');
  const health = new HealthImplementation(Object.fromEntries(services.map((s) => [s, status(serving)])));
  health.addToServer(server as unknown as Parameters<HealthImplementation['addToServer']>[0]);
  return {
    services,
    setServing(s) {
      for (const name of services) health.setStatus(name, status(s));
    },
  };
}

/** Adds server reflection over Rheo's contract and the health service. */
export function registerGrpcReflection(server: grpc.Server): void {
  const health = protoLoader.loadSync(healthProtoPath, { ...protoLoaderOptions });
  const reflection = new ReflectionService({
    ...loadRheoPackageDefinition(),
    ...health,
  } as ConstructorParameters<typeof ReflectionService>[0]);
  reflection.addToServer(server);
}
