// close() ends a gateway promptly even while callers hold connections open:
// an HTTP/1.1 keep-alive connection and an HTTP/2 session that never close
// themselves are ended within the grace period, and the port is freed.
import http from 'node:http';
import http2 from 'node:http2';
import net from 'node:net';
import { expect, test } from 'vitest';
import { startGateway } from '../src/index.js';

test('close() ends keep-alive HTTP/1.1 connections and open HTTP/2 sessions', async () => {
  const gateway = await startGateway({ host: '127.0.0.1', port: 0, endpoints: ['127.0.0.1:1'] });
  const url = new URL(`http://${gateway.address}`);
  const agent = new http.Agent({ keepAlive: true });
  await new Promise<void>((resolve, reject) => {
    http
      .get({ host: url.hostname, port: url.port, path: '/', agent }, (res) => {
        res.resume();
        res.on('end', resolve);
      })
      .on('error', reject);
  });
  const session = http2.connect(url.origin);
  session.on('error', () => undefined);
  await new Promise<void>((resolve) => session.once('connect', () => resolve()));
  const started = Date.now();
  await gateway.close();
  expect(Date.now() - started).toBeLessThan(5_000);
  agent.destroy();
  session.destroy();
  // The port is free again.
  const probe = net.createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', reject);
    probe.listen(Number(url.port), url.hostname, resolve);
  });
  await new Promise<void>((resolve) => probe.close(() => resolve()));
});
