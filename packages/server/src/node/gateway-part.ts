// The node's Kinesis-compatible gateway (@rheo/gateway, docs/gateway.md),
// started on gateway_listen when that is set. It reaches the cluster through
// @rheo/client seeded with this node's own address, so admin calls are
// answered here (reads) or forwarded to the active controller (changes), and
// data calls go straight to each shard's leader. Signatures are verified
// against gateway_access_keys (gateway_auth sigv4) or not at all (any); the
// log counts the keys and never shows them.
import { type Gateway, startGateway } from '@rheo/gateway';
import type { NodeConfig } from '../config/schema.js';
import type { Logger } from '../log/logger.js';
import { gatewayTlsOptions, type NodeTls } from './tls.js';

/** Starts the gateway when gateway_listen is set; undefined when it is not. */
export async function startGatewayPart(
  config: NodeConfig,
  log: Logger,
  tls?: NodeTls,
): Promise<Gateway | undefined> {
  const listen = config.gatewayListen;
  if (listen === null || listen === undefined) return undefined;
  const gateway = await startGateway({
    host: listen.host,
    port: listen.port,
    endpoints: [config.advertisedAddress],
    ...gatewayTlsOptions(tls),
    // sigv4 without keys is refused by the configuration; `any` leaves them out.
    ...(config.gatewayAuth === 'sigv4' && config.gatewayAccessKeys !== null
      ? { accessKeys: config.gatewayAccessKeys }
      : {}),
    onInternalError: (err, action) => log.error({ err, action }, 'gateway request failed'),
  });
  const url = `${tls === undefined ? 'http' : 'https'}://${gateway.address}`;
  if (config.gatewayAuth === 'any')
    log.warn(
      { gateway: url },
      'the Kinesis gateway accepts any signature (gateway_auth any: local development only)',
    );
  else
    log.info(
      { gateway: url, accessKeys: Object.keys(config.gatewayAccessKeys ?? {}).length },
      'the Kinesis gateway verifies AWS SigV4 signatures against the configured access keys',
    );
  log.info(
    { gateway: url },
    `Kinesis gateway listening on ${url} (AWS SDK endpoint, or aws --endpoint-url ${url})`,
  );
  return gateway;
}

/** Closes the gateway first on stop: HTTP callers are refused before the node stops serving. */
export async function stopGatewayPart(gateway: Gateway | undefined, log: Logger): Promise<void> {
  await gateway?.close().catch((err: unknown) => log.error({ err }, 'closing the gateway failed'));
}
