// The standard gRPC health service and server reflection on a real grpc-js
// server set up as the node sets up its own (startGrpcServer): a health
// client built from the official health.proto sees SERVING for '' and for
// rheo.v1.StreamData, NOT_SERVING after setServing(false), NOT_FOUND for an
// unknown service; a reflection client (the v1 protocol grpcurl speaks)
// lists rheo.v1.StreamData and the health service, and returns the file
// descriptor that defines StreamData.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { protoPath as healthProtoPath } from 'grpc-health-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GrpcHealth, registerGrpcHealth, registerGrpcReflection } from '../src/observability/index.js';
import { type GrpcServerHandle, startGrpcServer } from '../src/transport/grpc-server.js';

/** The parts of a ServerReflectionResponse this test reads (keepCase). */
interface Reflected {
  readonly list_services_response: { readonly service: Array<{ readonly name: string }> };
  readonly file_descriptor_response: { readonly file_descriptor_proto: Buffer[] };
}

type Ctor = new (address: string, creds: grpc.ChannelCredentials) => grpc.Client;

function clientCtor(protoFile: string, service: string): Ctor {
  const def = protoLoader.loadSync(protoFile, { keepCase: true, defaults: true, enums: String });
  let o: unknown = grpc.loadPackageDefinition(def);
  for (const part of service.split('.')) o = (o as Record<string, unknown>)[part];
  return o as Ctor;
}

const reflectionProto = join(
  dirname(createRequire(import.meta.url).resolve('@grpc/reflection')),
  '../proto/grpc/reflection/v1/reflection.proto',
);

describe('gRPC health and reflection', () => {
  let server: GrpcServerHandle;
  let health: GrpcHealth;
  let healthClient: grpc.Client;
  let reflectionClient: grpc.Client;

  beforeAll(async () => {
    server = await startGrpcServer({ host: '127.0.0.1', port: 0 }, (s) => {
      health = registerGrpcHealth(s);
      registerGrpcReflection(s);
    });
    const creds = grpc.credentials.createInsecure();
    healthClient = new (clientCtor(healthProtoPath, 'grpc.health.v1.Health'))(server.address, creds);
    reflectionClient = new (clientCtor(reflectionProto, 'grpc.reflection.v1.ServerReflection'))(
      server.address,
      creds,
    );
  });

  afterAll(async () => {
    healthClient?.close();
    reflectionClient?.close();
    await server?.shutdown(1_000);
  });

  function check(service: string): Promise<string> {
    return new Promise((resolve, reject) =>
      (healthClient as unknown as Record<string, (...a: unknown[]) => void>).Check!(
        { service },
        (err: grpc.ServiceError | null, res: { status: string }) =>
          err === null ? resolve(res.status) : reject(err),
      ),
    );
  }

  function reflect(request: Record<string, unknown>): Promise<Reflected> {
    const call = (
      reflectionClient as unknown as Record<string, () => grpc.ClientDuplexStream<unknown, unknown>>
    ).ServerReflectionInfo!();
    return new Promise((resolve, reject) => {
      call.on('data', (res) => {
        resolve(res as Reflected);
        call.end();
      });
      call.on('error', reject);
      call.write(request);
    });
  }

  it('answers SERVING for the server and its services, and follows setServing', async () => {
    expect(health.services).toContain('');
    expect(health.services).toContain('rheo.v1.StreamData');
    expect(await check('')).toBe('SERVING');
    expect(await check('rheo.v1.StreamData')).toBe('SERVING');
    await expect(check('no.such.Service')).rejects.toMatchObject({ code: grpc.status.NOT_FOUND });
    health.setServing(false);
    expect(await check('')).toBe('NOT_SERVING');
    health.setServing(true);
    expect(await check('')).toBe('SERVING');
  });

  it('lists rheo.v1.StreamData and the health service through reflection', async () => {
    const res = await reflect({ list_services: '' });
    const names = res.list_services_response.service.map((s) => s.name);
    expect(names).toContain('rheo.v1.StreamData');
    expect(names).toContain('rheo.v1.Cluster');
    expect(names).toContain('grpc.health.v1.Health');
  });

  it('returns the file that defines rheo.v1.StreamData', async () => {
    const res = await reflect({ file_containing_symbol: 'rheo.v1.StreamData' });
    const files = res.file_descriptor_response.file_descriptor_proto;
    expect(files.length).toBeGreaterThan(0);
    // proto-loader merges a package's files into one descriptor (rheo_v1.proto); it holds the service and its calls.
    const text = Buffer.concat(files).toString('latin1');
    expect(text).toContain('StreamData');
    expect(text).toContain('.rheo.v1.PutRecordsRequest');
  });
});
