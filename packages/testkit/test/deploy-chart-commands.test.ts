// The chart's own commands, run as the rendered pods would run them: the closest
// to a `helm install` this machine allows (no Kubernetes, no Docker).
//
// `helm template` renders the default chart (three combined pods). Each pod
// becomes processes with exactly its rendered command and environment:
// downward-API fields filled in (pod name, Kubernetes node name), the cluster
// secret read from the rendered Secret, `$(VAR)` expanded as the kubelet does,
// and the pod world mapped onto one machine: pod `rel-rheo-<i>` (its peer DNS
// name, 0.0.0.0 and its own loopback in its network namespace) is 127.0.0.<20+i>, the
// mounts are temp dirs, and `rheo` on the PATH is the image's wrapper (the
// compiled CLI; `npm test` builds first). The rack init container runs
// against a stand-in API server (HTTPS with a throwaway CA, a bearer token),
// as in a pod.
// Checked: the three nodes form one cluster with ids from their ordinals and
// racks from their Kubernetes nodes' zone labels; the helm test pod's
// produce-and-read script passes; the preStop hook drains a node until it
// leads no shard and marks it; the restarted pod undrains itself.
// All of it twice: plaintext, and with TLS on (`tls.existingSecret`): the Secret's files made
// by openssl for the pods' addresses, mounted as a temp dir; the nodes serve and dial TLS, and
// the hooks and the helm test reach them with the rendered RHEO_TLS_CA.
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { ProcessGroup, type TestProcess, tempDir } from '../src/index.js';
import { helm, repoRoot } from './helpers/deploy-helm.js';
import { imageRheoWrapper } from './helpers/deploy-image.js';

const run = promisify(execFile);
const pods = 3;
const podIp = (i: number) => `127.0.0.${20 + i}`;
const domain = 'rel-rheo-headless.data.svc.cluster.local';

// biome-ignore lint/suspicious/noExplicitAny: rendered Kubernetes objects.
type K8sObject = any;

const tlsSets = ['tls.enabled=true', 'tls.existingSecret=rheo-tls'];

/** The chart rendered with `sets`: the objects the pods are made of. */
function renderChart(sets: readonly string[]) {
  const rendered: K8sObject[] = parseAllDocuments(
    execFileSyncHelm([
      ...['template', 'rel', join(repoRoot, 'helm/rheo'), '--namespace', 'data'],
      ...sets.flatMap((s) => ['--set', s]),
    ]),
  )
    .map((d) => d.toJS())
    .filter((o) => o !== null);
  const find = (kind: string, name?: string) =>
    rendered.find((o) => o.kind === kind && (name === undefined || o.metadata.name === name));
  return {
    rendered,
    statefulSet: find('StatefulSet', 'rel-rheo'),
    scriptsMap: find('ConfigMap', 'rel-rheo-scripts'),
    secret: Buffer.from(find('Secret', 'rel-rheo').data['cluster-secret'], 'base64').toString(),
    accessKeys: Buffer.from(find('Secret', 'rel-rheo-gateway').data['access-keys'], 'base64').toString(),
  };
}

function execFileSyncHelm(args: string[]): string {
  const result = helm(args);
  if (result.code !== 0) throw new Error(result.stderr);
  return result.stdout;
}

interface World {
  readonly root: string;
  /** The cluster secret of the rendered Secret. */
  readonly secret: string;
  /** The gateway's access keys, from the rendered `<fullname>-gateway` Secret. */
  readonly accessKeys: string;
  /** The mounted TLS Secret (tls.crt, tls.key, ca.crt). */
  readonly tlsDir: string;
  readonly scriptsDir: string;
  readonly binDir: string;
  readonly saDir: string;
  apiPort: number;
}

/** A pod's value in this machine's terms: DNS names, bind-all and mount paths mapped. */
function mapValue(value: string, i: number, world: World): string {
  let out = value;
  for (let j = 0; j < pods; j++) out = out.replaceAll(`rel-rheo-${j}.${domain}`, podIp(j));
  return out
    .replaceAll(
      'rel-rheo.data.svc.cluster.local:7400',
      [...Array(pods).keys()].map((j) => `${podIp(j)}:7400`).join(','),
    )
    .replaceAll('0.0.0.0:', `${podIp(i)}:`)
    .replaceAll('127.0.0.1:7400', `${podIp(i)}:7400`)
    .replaceAll('/var/lib/rheo', join(world.root, `pod-${i}`, 'data'))
    .replaceAll('/var/run/rheo', join(world.root, `pod-${i}`, 'run'))
    .replaceAll('/opt/rheo/scripts', world.scriptsDir)
    .replaceAll('/etc/rheo/tls', world.tlsDir);
}

/** The container's environment as the kubelet builds it for pod i, then mapped. */
function containerEnv(container: K8sObject, i: number, world: World): Record<string, string> {
  const env: Record<string, string> = {};
  for (const e of container.env ?? []) {
    let value: string;
    if (e.value !== undefined)
      value = String(e.value).replace(/\$\(([A-Z_]+)\)/g, (_, n: string) => env[n] ?? `$(${n})`);
    else if (e.valueFrom?.fieldRef?.fieldPath === 'metadata.name') value = `rel-rheo-${i}`;
    else if (e.valueFrom?.fieldRef?.fieldPath === 'spec.nodeName') value = `k8s-node-${i}`;
    else if (e.valueFrom?.secretKeyRef?.key === 'cluster-secret') value = world.secret;
    else if (e.valueFrom?.secretKeyRef?.key === 'access-keys') value = world.accessKeys;
    else throw new Error(`no stand-in for env ${JSON.stringify(e)}`);
    env[e.name] = value;
  }
  const mapped = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, mapValue(v, i, world)]));
  return {
    PATH: `${world.binDir}:${process.env.PATH}`,
    HOME: world.root,
    KUBERNETES_SERVICE_HOST: '127.0.0.1',
    KUBERNETES_SERVICE_PORT: String(world.apiPort),
    SERVICE_ACCOUNT_DIR: world.saDir,
    ...mapped,
  };
}

const mapArgs = (args: readonly string[], i: number, world: World) => args.map((a) => mapValue(a, i, world));

/** A stand-in API server: GET /api/v1/nodes/k8s-node-<i> with the right token answers zone-<i>. */
function apiServer(world: World): Promise<Server> {
  const key = join(world.saDir, 'key.pem');
  const cert = join(world.saDir, 'ca.crt');
  execFileSync(
    'openssl',
    [
      ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1'],
      ...['-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert],
    ],
    { stdio: 'ignore' },
  );
  writeFileSync(join(world.saDir, 'token'), 'test-token\n');
  const server = createServer({ key: readFileSync(key), cert: readFileSync(cert) }, (req, res) => {
    const m = /^\/api\/v1\/nodes\/k8s-node-(\d+)$/.exec(req.url ?? '');
    if (req.headers.authorization !== 'Bearer test-token') return void res.writeHead(401).end();
    if (m === null) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        metadata: { name: `k8s-node-${m[1]}`, labels: { 'topology.kubernetes.io/zone': `zone-${m[1]}` } },
      }),
    );
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** The Secret `tls.existingSecret` names, for pods at 127.0.0.20..: a CA and a certificate for their addresses. */
function tlsSecret(dir: string): void {
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  const f = (name: string) => join(dir, name);
  const ssl = (args: string[]) => execFileSync('openssl', args, { stdio: 'ignore' });
  ssl([
    'req',
    '-x509',
    ...ec,
    '-days',
    '1',
    '-subj',
    '/CN=rheo-ca',
    '-keyout',
    f('ca.key'),
    '-out',
    f('ca.crt'),
  ]);
  const ips = [...Array(pods).keys()].map((i) => `IP:${podIp(i)}`).join(',');
  writeFileSync(f('ext'), `subjectAltName=${ips}\nextendedKeyUsage=serverAuth,clientAuth\n`);
  ssl(['req', ...ec, '-subj', '/CN=rel-rheo', '-keyout', f('tls.key'), '-out', f('tls.csr')]);
  ssl([
    ...['x509', '-req', '-in', f('tls.csr'), '-CA', f('ca.crt'), '-CAkey', f('ca.key'), '-CAcreateserial'],
    ...['-days', '1', '-extfile', f('ext'), '-out', f('tls.crt')],
  ]);
}

describe.each([
  { name: 'plaintext', sets: [] as string[] },
  { name: 'TLS', sets: tlsSets },
])('the rendered pods, run as processes ($name)', ({ sets }) => {
  const { rendered, statefulSet, scriptsMap, secret, accessKeys } = renderChart(sets);
  const group = new ProcessGroup();
  const nodes: TestProcess[] = [];
  let world: World;
  let api: Server;
  let removeRoot: () => Promise<void> = async () => {};
  const pod = statefulSet.spec.template.spec;
  const main = pod.containers[0];

  async function rheo(args: string[], i = 0): Promise<string> {
    const { stdout } = await run('rheo', [...args, '--endpoint', `${podIp(i)}:7400`], {
      env: containerEnv(main, i, world),
    });
    return stdout;
  }

  async function status(): Promise<K8sObject> {
    return JSON.parse(await rheo(['cluster', 'status', '--json']));
  }

  async function startPod(i: number): Promise<TestProcess> {
    mkdirSync(join(world.root, `pod-${i}`, 'data'), { recursive: true });
    mkdirSync(join(world.root, `pod-${i}`, 'run'), { recursive: true });
    for (const init of pod.initContainers ?? []) {
      await run(init.command[0], mapArgs(init.command.slice(1), i, world), {
        env: containerEnv(init, i, world),
      });
    }
    const [command, ...args] = main.command;
    const p = group.spawn({
      name: `rel-rheo-${i}`,
      command,
      args: mapArgs(args, i, world),
      env: containerEnv(main, i, world),
    });
    await p.waitForLine(/"msg":"ready"/, 60_000);
    return p;
  }

  async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let last: unknown;
    while (Date.now() < deadline) {
      try {
        const value = await probe();
        if (value !== undefined) return value;
      } catch (err) {
        last = err;
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error(`${what}: not within ${timeoutMs} ms (${String(last)})`);
  }

  beforeAll(async () => {
    const dir = await tempDir('chart');
    removeRoot = dir.remove;
    const root = dir.path;
    world = {
      root,
      secret,
      accessKeys,
      tlsDir: join(root, 'tls'),
      scriptsDir: join(root, 'scripts'),
      binDir: join(root, 'bin'),
      saDir: join(root, 'serviceaccount'),
      apiPort: 0,
    };
    for (const dir of [world.scriptsDir, world.binDir, world.saDir, world.tlsDir])
      mkdirSync(dir, { recursive: true });
    if (sets === tlsSets) tlsSecret(world.tlsDir);
    for (const [file, text] of Object.entries(scriptsMap.data))
      writeFileSync(join(world.scriptsDir, file), String(text));
    // The image's /usr/local/bin/rheo, as deploy/Dockerfile writes it (its node flags
    // included), with /app/ as this repository.
    const appRoot = repoRoot.endsWith('/') ? repoRoot : `${repoRoot}/`;
    writeFileSync(join(world.binDir, 'rheo'), imageRheoWrapper().replaceAll('/app/', appRoot), {
      mode: 0o755,
    });
    api = await apiServer(world);
    world.apiPort = (api.address() as { port: number }).port;
    nodes.push(...(await Promise.all([...Array(pods).keys()].map((i) => startPod(i)))));
  }, 120_000);

  afterAll(async () => {
    await group.stopAll();
    api?.close();
    await removeRoot();
  });

  it('forms one cluster: ids from the ordinals, racks from the nodes’ zone labels, three voters', async () => {
    const cluster = await until('every node ALIVE', async () => {
      const s = await status();
      return s.nodes.length === pods && s.nodes.every((n: K8sObject) => n.state === 'ALIVE') ? s : undefined;
    });
    expect(cluster.nodes.map((n: K8sObject) => [n.nodeId, n.address, n.rack])).toEqual(
      [...Array(pods).keys()].map((i) => [i + 1, `${podIp(i)}:7400`, `zone-${i}`]),
    );
    expect(cluster.controllerNodeId).toBeGreaterThan(0);
  });

  it.runIf(sets === tlsSets)('serves TLS only: the CLI without the CA is refused', async () => {
    const env = containerEnv(main, 0, world);
    expect(env.RHEO_TLS_CA).toBe(join(world.tlsDir, 'ca.crt'));
    const { RHEO_TLS_CA: _, ...plain } = env;
    await expect(
      run('rheo', ['cluster', 'status', '--endpoint', `${podIp(0)}:7400`], { env: plain }),
    ).rejects.toThrow(/Unavailable|No connection established/);
  });

  it('passes the helm test pod’s produce-and-read script', async () => {
    const test = rendered.find(
      (o) => o.kind === 'Pod' && o.metadata.annotations?.['helm.sh/hook'] === 'test',
    );
    const container = test.spec.containers[0];
    const { stdout } = await run(container.command[0], [...container.command.slice(1), ...container.args], {
      env: containerEnv(container, 0, world),
    });
    expect(stdout).toContain('ok: the record written was read back');
  });

  it('preStop drains the node until it leads no shard; the restarted pod undrains itself', async () => {
    await rheo(['stream', 'create', 'prestop', '--shards', '3']);
    const victim = 1; // node id 2, pod rel-rheo-1
    await until('node 2 leads a shard', async () =>
      (await status()).nodes.find((n: K8sObject) => n.nodeId === victim + 1 && n.leaderCount > 0),
    );
    const hook = main.lifecycle.preStop.exec.command;
    const { stdout } = await run(hook[0], mapArgs(hook.slice(1), victim, world), {
      env: containerEnv(main, victim, world),
    });
    expect(stdout).toContain('preStop: draining node 2');
    const drained = (await status()).nodes.find((n: K8sObject) => n.nodeId === victim + 1);
    expect([drained.state, drained.leaderCount]).toEqual(['DRAINING', 0]);
    const marker = join(world.root, `pod-${victim}`, 'data', '.prestop-drained');
    expect(readFileSync(marker, 'utf8')).toBe('');

    // Kubernetes now sends SIGTERM; the node stops gracefully; the StatefulSet starts the pod again.
    const stopped = nodes[victim] as TestProcess;
    stopped.kill('SIGTERM');
    expect((await stopped.exited).code).toBe(0);
    nodes[victim] = await startPod(victim);
    await until('node 2 ALIVE again, marker gone', async () => {
      const node = (await status()).nodes.find((n: K8sObject) => n.nodeId === victim + 1);
      const markerGone = await run('test', ['!', '-e', marker]).then(
        () => true,
        () => false,
      );
      return node.state === 'ALIVE' && markerGone ? true : undefined;
    });
  }, 120_000);
});
