// The rack init container (mounted from the chart's scripts ConfigMap; run with the node
// image's `node`). The downward API cannot read the labels of the Kubernetes node a pod runs
// on, so this asks the API server for that node (the pod's ServiceAccount is bound to a
// ClusterRole allowed to get nodes) and writes its zone label to RACK_FILE, which
// node-start.sh passes to Rheo as `rack`. A node without the label gets an empty rack (a
// one-zone cluster); failing to ask the API server fails the pod, so a missing permission
// is seen at once rather than as replicas silently placed in one zone.
import { readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';

const saDir = process.env.SERVICE_ACCOUNT_DIR ?? '/var/run/secrets/kubernetes.io/serviceaccount';
const nodeName = process.env.NODE_NAME;
const label = process.env.RACK_LABEL ?? 'topology.kubernetes.io/zone';
const out = process.env.RACK_FILE ?? '/var/run/rheo/rack';
const host = process.env.KUBERNETES_SERVICE_HOST;
const port = process.env.KUBERNETES_SERVICE_PORT ?? '443';

function fail(message) {
  process.stderr.write(`rheo rack: ${message}\n`);
  process.exit(1);
}

if (!nodeName) fail('NODE_NAME is not set (spec.nodeName through the downward API)');
if (!host) fail('KUBERNETES_SERVICE_HOST is not set');

const req = request(
  {
    host,
    port,
    path: `/api/v1/nodes/${encodeURIComponent(nodeName)}`,
    headers: {
      Authorization: `Bearer ${readFileSync(`${saDir}/token`, 'utf8').trim()}`,
      Accept: 'application/json',
    },
    ca: readFileSync(`${saDir}/ca.crt`),
    timeout: 10_000,
  },
  (res) => {
    let body = '';
    res.setEncoding('utf8');
    res.on('data', (chunk) => {
      body += chunk;
    });
    res.on('end', () => {
      if (res.statusCode !== 200) fail(`GET node ${nodeName}: HTTP ${res.statusCode} ${body.slice(0, 300)}`);
      const rack = JSON.parse(body).metadata?.labels?.[label] ?? '';
      writeFileSync(out, rack);
      process.stdout.write(`${JSON.stringify({ msg: 'rack', node: nodeName, label, rack })}\n`);
    });
  },
);
req.on('timeout', () => req.destroy(new Error('timed out after 10 s')));
req.on('error', (err) => fail(`GET node ${nodeName}: ${err.message}`));
req.end();
